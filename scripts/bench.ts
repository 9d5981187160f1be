/**
 * `npm run bench`: speed and size of the built site, measured in Chromium against a gzip-serving static server.
 *
 *   1. bytes of the first view and of the full load (mobile and desktop)      scripts/bench/pageLoad.ts
 *   2. time to first map pixels and to MapLibre ready (desktop, median of 5)  scripts/bench/timing.ts
 *      and where the main thread spends that time (one profiled load)        scripts/bench/loadProfile.ts
 *   3. Lighthouse 13 mobile and desktop (median of 5 and 3 runs)              scripts/bench/lighthouse.ts
 *   4. long tasks while the presentation plays its timeline (twice: plain,   scripts/bench/longTasks.ts
 *      for the verdict; profiled, to say what they are)
 *   5. JS heap growth over 500 step changes after a warm-up of 1,000          scripts/bench/heap.ts
 *
 * `npm run bench -- --only lighthouse-mobile,profile` runs just those measurements (names: lighthouse-mobile,
 * lighthouse-desktop, bytes, timing, profile, long-tasks, heap), for iterating on one number; `--no-build` reuses
 * bench-results/dist.
 *
 * Prints a table and the budgets (PASS/FAIL) and writes bench-results/bench.json. Always exits 0: a benchmark
 * reports, the tests gate. Each measurement runs in its own fresh browser context, one after another (the machine
 * has two cores; parallel runs would measure each other). A step that fails is reported as not measured and the
 * rest go on.
 */
import { cpus, loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { DESKTOP, launch, MOBILE } from './bench/browser';
import { budget, FIRST_VIEW_KB, HEAP_GROWTH_PCT, LH_MOBILE_PERFORMANCE, LONG_TASK_MS, type BudgetLine } from './bench/budgets';
import { buildSite } from './bench/build';
import { measureHeap } from './bench/heap';
import { runLighthouseMedian } from './bench/lighthouse';
import { profileLoad } from './bench/loadProfile';
import { measureLongTasks } from './bench/longTasks';
import { measurePageLoad } from './bench/pageLoad';
import { report, type Results } from './bench/report';
import { previewHeaders, serveDist } from './bench/serve';
import { SourceMaps } from './bench/sourcemap';
import { kb } from './bench/stats';
import { measureTiming } from './bench/timing';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench-results');
const DIST = path.join(OUT, 'dist');
/** Lighthouse's guidance on variability: the median of five runs. Desktop only feeds the non-performance budgets. */
const LIGHTHOUSE_RUNS = { mobile: 5, desktop: 3 } as const;

const t0 = Date.now();
const results: Results = {
  meta: {
    started: new Date().toISOString(),
    totalMs: 0,
    node: process.versions.node,
    chromium: '',
    cpus: cpus().length,
    server: '',
    buildMs: null,
    load: {},
  },
  pageLoad: {},
  lighthouse: {},
  budgets: [],
  unmeasured: [],
};

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? '') : null;
};
const only = arg('--only')?.split(',').filter(Boolean) ?? null;
const wanted = (name: string) => !only || only.includes(name);
const log = (msg: string) => process.stderr.write(`[bench ${Math.round((Date.now() - t0) / 1000)} s] ${msg}\n`);

/** Runs one step; a failure is recorded as "not measured" with its reason, and the bench goes on. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  log(`${name} …`);
  const before = loadavg()[0]!;
  try {
    return await fn();
  } catch (e) {
    const why = (e as Error).message.split('\n').slice(0, 6).join(' | ');
    results.unmeasured.push({ what: name, why });
    log(`${name} failed: ${why}`);
    return undefined;
  } finally {
    results.meta.load[name] = [Number(before.toFixed(2)), Number(loadavg()[0]!.toFixed(2))];
  }
}

await mkdir(OUT, { recursive: true });
const built = process.argv.includes('--no-build') ? { ms: 0 } : await step('build', () => buildSite(ROOT, DIST));
if (!built) {
  results.meta.totalMs = Date.now() - t0;
  await writeFile(path.join(OUT, 'bench.json'), JSON.stringify(results, null, 2));
  console.log(report(results));
  process.exit(0);
}
results.meta.buildMs = built.ms;

const { headers, note } = await previewHeaders();
const server = await serveDist(DIST, headers);
results.meta.server = `${server.origin}, gzip level 6 for text types; ${note}`;
const maps = new SourceMaps(DIST, ROOT);

// Lighthouse first, with no other browser open: it launches its own Chromium.
for (const form of ['mobile', 'desktop'] as const) {
  if (!wanted(`lighthouse-${form}`)) continue;
  const lh = await step(`lighthouse ${form}`, () => runLighthouseMedian(`${server.origin}/`, form, OUT, LIGHTHOUSE_RUNS[form]));
  if (lh) {
    results.lighthouse[form] = lh;
    if (!lh.ok) results.unmeasured.push({ what: `lighthouse ${form}`, why: lh.error ?? 'unknown error' });
  }
}

let browser: Browser | undefined;
try {
  browser = await launch();
  results.meta.chromium = `Chromium ${browser.version()}`;
  const b = browser;
  if (wanted('bytes')) {
    results.pageLoad.mobile = await step('bytes mobile', () => measurePageLoad(b, server.origin, DIST, MOBILE, maps));
    results.pageLoad.desktop = await step('bytes desktop', () => measurePageLoad(b, server.origin, DIST, DESKTOP, maps));
  }
  if (wanted('timing')) results.timing = await step('timing', () => measureTiming(b, server.origin));
  if (wanted('profile')) results.loadProfile = await step('load profile', () => profileLoad(b, server.origin, maps));
  if (wanted('long-tasks')) {
    results.longTasks = await step('long tasks', () => measureLongTasks(b, server.origin, maps, false));
    results.longTasksProfiled = await step('long tasks, profiled', () => measureLongTasks(b, server.origin, maps, true));
  }
  if (wanted('heap')) results.heap = await step('heap', () => measureHeap(b, server.origin));
} catch (e) {
  results.unmeasured.push({ what: 'browser', why: (e as Error).message.split('\n')[0]! });
} finally {
  await browser?.close();
  await server.close();
}

// Budgets.
const B: BudgetLine[] = results.budgets;
for (const [form, l] of Object.entries(results.pageLoad)) {
  B.push(budget(`first view ${form} ≤ ${FIRST_VIEW_KB} KB gzip`, l ? l.firstView.total / 1024 <= FIRST_VIEW_KB : null, l ? `${kb(l.firstView.total)} KB` : 'n/a'));
}
const lm = results.lighthouse.mobile;
const s = lm?.ok ? lm.scores! : null;
B.push(budget(`Lighthouse mobile performance ≥ ${LH_MOBILE_PERFORMANCE}`, s ? s.performance >= LH_MOBILE_PERFORMANCE : null, s ? String(s.performance) : 'n/a'));
B.push(budget('Lighthouse mobile accessibility = 100', s ? s.accessibility === 100 : null, s ? String(s.accessibility) : 'n/a'));
B.push(budget('Lighthouse mobile best practices = 100', s ? s.bestPractices === 100 : null, s ? String(s.bestPractices) : 'n/a'));
B.push(budget('Lighthouse mobile SEO = 100', s ? s.seo === 100 : null, s ? String(s.seo) : 'n/a'));
const ld = results.lighthouse.desktop;
const sd = ld?.ok ? ld.scores! : null;
B.push(
  budget(
    'Lighthouse desktop a11y, best practices, SEO = 100',
    sd ? sd.accessibility === 100 && sd.bestPractices === 100 && sd.seo === 100 : null,
    sd ? `${sd.accessibility}, ${sd.bestPractices}, ${sd.seo}` : 'n/a',
  ),
);
const lt = results.longTasks;
B.push(
  budget(
    `no long task > ${LONG_TASK_MS} ms while playing`,
    lt ? lt.over50 === 0 : null,
    lt ? `${lt.over50} over ${LONG_TASK_MS} ms, longest ${Math.round(lt.longest)} ms` : 'n/a',
  ),
);
const h = results.heap;
B.push(
  budget(
    `heap growth over ${h?.changes ?? 500} changes < ${HEAP_GROWTH_PCT} %`,
    h ? h.growthPct < HEAP_GROWTH_PCT : null,
    h ? `${h.growthPct.toFixed(1)} % (after ${h.warmup}; after ${h.early.from.changes}: ${h.early.growthPct.toFixed(1)} %)` : 'n/a',
  ),
);

results.meta.totalMs = Date.now() - t0;
// A partial run (--only) does not overwrite the full record.
const file = path.join(OUT, only ? 'bench-partial.json' : 'bench.json');
await writeFile(file, JSON.stringify(results, null, 2));
console.log(report(results));
console.log(`\nDetails: ${path.relative(ROOT, file)}; Lighthouse reports: bench-results/lh-mobile.json, lh-desktop.json`);
process.exit(0);
