/**
 * The printed report: one table per measurement, then what dominates each number, then the budgets. Everything
 * printed is also in bench-results/bench.json (with per-request and per-task detail).
 */
import type { BudgetLine } from './budgets';
import type { Heap } from './heap';
import type { LighthouseResult } from './lighthouse';
import type { LoadProfile } from './loadProfile';
import type { LongTasks } from './longTasks';
import { KINDS } from './network';
import type { LoadBytes } from './pageLoad';
import type { Hotspot } from './profile';
import { kb, ms } from './stats';
import type { Timing } from './timing';

export interface Results {
  meta: {
    started: string;
    totalMs: number;
    node: string;
    chromium: string;
    cpus: number;
    server: string;
    buildMs: number | null;
    /** 1-minute load average before and after each step: other processes on the machine skew every number. */
    load: Record<string, [number, number]>;
  };
  pageLoad: { mobile?: LoadBytes; desktop?: LoadBytes };
  timing?: Timing;
  loadProfile?: LoadProfile;
  lighthouse: { mobile?: LighthouseResult; desktop?: LighthouseResult };
  /** The verdict run (no profiler) and the attribution run (profiler and trace on). */
  longTasks?: LongTasks;
  longTasksProfiled?: LongTasks;
  heap?: Heap;
  budgets: BudgetLine[];
  unmeasured: { what: string; why: string }[];
}

/** Per step, the longest task, and each task (with its biggest functions when the run was profiled). */
function longTaskList(lt: LongTasks): string[] {
  const out = ['  Per step (tasks / total / longest):'];
  for (const [step, s] of Object.entries(lt.perStep)) out.push(`    ${pad(step, 32)} ${lpad(String(s.tasks), 3)}  ${lpad(ms(s.totalMs), 8)}  ${lpad(ms(s.longest), 8)}`);
  const worst = [...lt.playing].sort((a, b) => b.duration - a.duration)[0];
  if (worst) out.push(`  Longest: ${worst.duration} ms, ${worst.sinceStep} ms into step ${worst.step}`);
  out.push(
    lt.profiled
      ? '  Each task (ms into its step: biggest functions by self time):'
      : '  Each task (ms into its step: what its animation frame ran, from the browser\'s long-animation-frame entries):',
  );
  for (const t of lt.playing) {
    const what = lt.profiled ? t.top?.join(', ') : t.frame;
    out.push(`    ${lpad(ms(t.duration), 7)}  ${pad(t.step, 20)} +${t.sinceStep} ms${what ? `: ${what}` : ''}`);
  }
  return out;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(head: string[], rows: string[][], first = 30, col = 14): string[] {
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? pad(c, first) : lpad(c, col))).join('');
  return [line(head), '  ' + '-'.repeat(first + col * (head.length - 1)), ...rows.map(line)];
}

const hot = (title: string, list: Hotspot[] | undefined, n = 6): string[] =>
  list?.length ? [`  ${title}`, ...list.slice(0, n).map((h) => `    ${lpad(String(h.ms), 6)} ms  ${h.where}`)] : [];

export function report(r: Results): string {
  const out: string[] = [];
  const { mobile, desktop } = r.pageLoad;
  const busiest = Math.max(...Object.values(r.meta.load).flat());
  out.push(
    `Benchmark — ${r.meta.started}, ${Math.round(r.meta.totalMs / 1000)} s; Node ${r.meta.node}, ${r.meta.chromium}, ${r.meta.cpus} CPUs`,
    `Server: ${r.meta.server}`,
    `Machine load (1-min average, before/after each step) peaked at ${busiest.toFixed(1)} on ${r.meta.cpus} CPUs` +
      (busiest > r.meta.cpus ? ': other processes were competing, so times are inflated.' : '.'),
    '',
  );

  // 1. Bytes
  out.push('1. Bytes transferred, KB gzip (cold cache; first view = until iib:gl-start, or SVG painted + 500 ms idle)');
  if (mobile || desktop) {
    const cols: [string, LoadBytes | undefined, 'firstView' | 'full'][] = [
      ['mobile first', mobile, 'firstView'],
      ['desktop first', desktop, 'firstView'],
      ['mobile full', mobile, 'full'],
      ['desktop full', desktop, 'full'],
    ];
    const rows = [...KINDS, 'total' as const].map((k) => [k, ...cols.map(([, l, w]) => (l ? kb(l[w][k]) : 'n/a'))]);
    out.push(...table(['type', ...cols.map((c) => c[0])], rows));
    for (const l of [mobile, desktop].filter((x): x is LoadBytes => !!x)) {
      const form = l.viewport.width < 900 ? 'mobile' : 'desktop';
      out.push(
        `  ${form} ${l.viewport.width}×${l.viewport.height}: first view ended at ${l.cut.reason} (${ms(l.cut.at)}); svg-painted ${ms(l.marks['iib:svg-painted'])}, gl-ready ${ms(l.marks['iib:gl-ready'])}`,
      );
      out.push(
        l.lcp
          ? `    largest contentful paint ${ms(l.lcp.at)}: ${l.lcp.element} (${l.lcp.size} px²)`
          : '    largest contentful paint: the page reported no entry (first-contentful-paint it does report)',
      );
      if (l.justAfterCut.length)
        out.push(`    sent within 150 ms after the cut: ${l.justAfterCut.map((f) => `${f.path.replace(/^\/assets\//, '')} ${kb(f.bytes)} KB`).join(', ')}`);
    }
    const both = [mobile, desktop].filter((x): x is LoadBytes => !!x);
    if (both.some((x) => Math.abs((x.marks['iib:gl-start'] ?? Infinity) - (x.marks['iib:svg-painted'] ?? -Infinity)) < 50))
      out.push('  (gl-start comes with the SVG paint: the map is on screen at load, so loading.ts starts the upgrade as soon as the geodata is in; first view = until the SVG map.)');
    const l = mobile ?? desktop!;
    const big = [...l.files].sort((a, b) => b.bytes - a.bytes).slice(0, 8);
    out.push('  Largest files (KB gzip; * = first view, ~ = worker script costed from the built file):');
    for (const f of big) out.push(`    ${lpad(kb(f.bytes), 7)}  ${f.firstView ? '*' : ' '}${f.estimated ? '~' : ' '} ${f.path}`);
    const notes = [...new Set([...(mobile?.notes ?? []), ...(desktop?.notes ?? [])])];
    for (const n of notes) out.push(`  note: ${n}`);
    const csp = [...new Set([...(mobile?.csp ?? []), ...(desktop?.csp ?? [])])];
    for (const c of csp) out.push(`  CSP violation: ${c}`);
    const errs = [...new Set([...(mobile?.errors ?? []), ...(desktop?.errors ?? [])])];
    for (const e of errs.slice(0, 5)) out.push(`  page error: ${e}`);
  } else out.push('  not measured');
  out.push('');

  // 2. Timing
  out.push('2. Time, desktop 1350×940, median of 5 cold loads');
  const t = r.timing;
  if (t) {
    const runs = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    const row = (label: string, median: number, xs: number[]) => `  ${pad(label, 32)} ${lpad(ms(median), 9)}   runs: ${runs(xs)}`;
    out.push(
      row('first map pixels (svg-painted)', t.median.svgPainted, t.svgPainted),
      row('MapLibre ready (gl-ready)', t.median.glReady, t.glReady),
      row('gl-ready − gl-start', t.median.glStartToReady, t.glStartToReady),
    );
    for (const n of t.notes) out.push(`  note: ${n}`);
  } else out.push('  not measured');
  const p = r.loadProfile;
  if (p) {
    out.push(`  Profiled load (one extra run): main thread busy ${p.toSvg?.busyMs ?? 'n/a'} ms before the SVG map, ${p.upgrade?.busyMs ?? 'n/a'} ms in the upgrade.`);
    out.push(`  Of that: the app's first task (mount over the pre-rendered intro) ${p.mount?.busyMs ?? 'n/a'} ms; from there to the SVG map ${p.toMap?.busyMs ?? 'n/a'} ms.`);
    out.push(...hot('Before the SVG map, by line of ours (inclusive):', p.toSvg?.ours));
    out.push(...hot('Before the SVG map, by function (self):', p.toSvg?.self, 5));
    out.push(...hot('MapLibre upgrade, by function (self):', p.upgrade?.self, 5));
  }
  out.push('');

  // 3. Lighthouse
  const lm = r.lighthouse.mobile;
  const ld = r.lighthouse.desktop;
  const n = (l: LighthouseResult | undefined) => l?.runs?.length ?? 1;
  out.push(`3. Lighthouse 13.5.0 (the median of ${n(lm)} mobile and ${n(ld)} desktop runs by performance score)`);
  const lhCell = (l: LighthouseResult | undefined, f: (l: LighthouseResult) => string) => (l?.ok ? f(l) : 'n/a');
  out.push(
    ...table(
      ['', 'mobile', 'desktop'],
      [
        ['performance', lhCell(lm, (l) => String(l.scores!.performance)), lhCell(ld, (l) => String(l.scores!.performance))],
        ['accessibility', lhCell(lm, (l) => String(l.scores!.accessibility)), lhCell(ld, (l) => String(l.scores!.accessibility))],
        ['best practices', lhCell(lm, (l) => String(l.scores!.bestPractices)), lhCell(ld, (l) => String(l.scores!.bestPractices))],
        ['SEO', lhCell(lm, (l) => String(l.scores!.seo)), lhCell(ld, (l) => String(l.scores!.seo))],
        ['FCP', lhCell(lm, (l) => ms(l.metrics!.fcp)), lhCell(ld, (l) => ms(l.metrics!.fcp))],
        ['LCP', lhCell(lm, (l) => ms(l.metrics!.lcp)), lhCell(ld, (l) => ms(l.metrics!.lcp))],
        ['TBT', lhCell(lm, (l) => ms(l.metrics!.tbt)), lhCell(ld, (l) => ms(l.metrics!.tbt))],
        ['CLS', lhCell(lm, (l) => l.metrics!.cls.toFixed(3)), lhCell(ld, (l) => l.metrics!.cls.toFixed(3))],
        ['Speed Index', lhCell(lm, (l) => ms(l.metrics!.speedIndex)), lhCell(ld, (l) => ms(l.metrics!.speedIndex))],
      ],
    ),
  );
  for (const l of [lm, ld]) {
    if (l?.runs && l.runs.length > 1)
      out.push(
        `  ${l.form} runs (performance / TBT / Speed Index): ` +
          l.runs.map((x) => (x.performance === null ? 'failed' : `${x.performance} / ${ms(x.tbt)} / ${ms(x.speedIndex)}`)).join('; '),
      );
  }
  for (const l of [lm, ld]) {
    if (!l) continue;
    if (!l.ok) {
      out.push(`  ${l.form}: could not run: ${l.error}`);
      continue;
    }
    for (const cat of ['accessibility', 'best-practices', 'seo'])
      for (const a of l.failing?.[cat] ?? []) out.push(`  ${l.form} ${cat} loses points on: ${a}`);
  }
  if (lm?.ok && lm.diagnostics) {
    const d = lm.diagnostics;
    out.push(`  mobile (simulated 4× CPU): main thread ${Object.entries(d.mainThread).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
    out.push(`  mobile script bootup: ${d.bootup.slice(0, 3).map((b) => `${b.url} ${b.total} ms`).join(', ')}`);
    out.push(`  mobile longest tasks: ${d.longTasks.slice(0, 4).map((x) => `${x.duration} ms at ${x.startTime} ms (${x.url})`).join('; ')}`);
    if (d.benchmarkIndex) out.push(`  Lighthouse CPU benchmark index on this machine: ${d.benchmarkIndex}`);
    for (const w of d.warnings) out.push(`  Lighthouse warning: ${w}`);
  }
  out.push('');

  // 4. Long tasks
  out.push('4. Long tasks while playing the timeline (/?mode=present, 1280×800; no profiler: this run is the verdict)');
  const lt = r.longTasks;
  if (lt) {
    out.push(
      ...table(
        ['', 'value'],
        [
          ['steps played', `${lt.steps.from} → ${lt.steps.to} of ${lt.steps.count}`],
          ['play time', ms(lt.playMs)],
          ['long tasks', String(lt.count)],
          ['longest', ms(lt.longest)],
          ['over 50 ms', String(lt.over50)],
          ['total long-task time', ms(lt.playing.reduce((s, x) => s + x.duration, 0))],
          ['(before play, page load)', `${lt.beforePlay.length} tasks, longest ${ms(Math.max(0, ...lt.beforePlay.map((x) => x.duration)))}`],
        ],
        32,
        24,
      ),
    );
    out.push(...longTaskList(lt));
    for (const n of lt.notes) out.push(`  note: ${n}`);
  } else out.push('  not measured');
  const lp = r.longTasksProfiled;
  if (lp) {
    out.push(
      `  A second play-through with the V8 profiler and a Chrome trace on, to say what the tasks are made of (the`,
      `  instruments slow the page): ${lp.count} long tasks, ${lp.over50} over 50 ms, longest ${ms(lp.longest)}.`,
    );
    out.push(...longTaskList(lp));
    if (lp.trace) {
      const pct = (x: number) => `${Math.round((x / Math.max(1, lp.trace!.busyMs)) * 100)} %`;
      out.push(
        `  Main thread inside the long tasks: ${lp.trace.busyMs} ms traced — ${pct(lp.trace.readbackMs)} waiting in GLES2::ReadPixels (Chromium reading`,
        `  each WebGL frame back for software compositing: no GPU here, SwiftShader), ${pct(lp.trace.scriptMs)} in script. By trace event (self time):`,
      );
    }
    out.push(...hot('', lp.trace?.top, 6).slice(1));
    out.push(...hot('Inside the long tasks, by JS function (self; "(program)" = native work, see trace above):', lp.profile?.all.self, 8));
    out.push(...hot('Inside the long tasks, by line of ours (inclusive):', lp.profile?.all.ours, 5));
    out.push(...hot('Inside the long tasks, by file:', lp.profile?.all.byFile, 5));
    out.push(...hot('Inside the longest task, by function (self):', lp.profile?.longest?.self, 5));
    for (const n of lp.notes) out.push(`  note (profiled run): ${n}`);
  }
  out.push('');

  // 5. Heap
  const h = r.heap;
  out.push(
    h
      ? `5. JS heap over ${h.changes} step changes after a warm-up of ${h.warmup} (/?mode=present, 1280×800; forced GC before each reading)`
      : '5. JS heap over step changes (/?mode=present, 1280×800)',
  );
  if (h) {
    const mb = (b: number) => `${(b / 1048576).toFixed(2)} MiB`;
    out.push(
      ...table(
        ['changes', 'JS heap used', 'DOM nodes', 'listeners'],
        h.samples.map((s) => [String(s.changes), mb(s.heapUsed), String(s.nodes), String(s.listeners)]),
        10,
        14,
      ),
    );
    out.push(
      `  growth from ${h.baseline.changes} to ${h.after.changes} changes: ${h.growthPct.toFixed(1)} % (the budget's window; ${Math.round(h.ms / 1000)} s in all)`,
      `  growth from ${h.early.from.changes} to ${h.early.to.changes} changes: ${h.early.growthPct.toFixed(1)} % (the first protocol's window, V8 still optimising)`,
    );
    if (h.split) {
      const { early: e, baseline: a, after: b } = h.split;
      const row = (name: string, k: keyof typeof a) => `    ${pad(name, 44)}${lpad(mb(e[k]), 11)}${lpad(mb(a[k]), 11)}${lpad(mb(b[k]), 11)}`;
      out.push(
        `  What the heap is made of (heap snapshots, self sizes)  ${lpad(String(h.early.from.changes), 10)}${lpad(String(h.baseline.changes), 11)}${lpad(String(h.after.changes), 11)}`,
        row('V8 code (bytecode, machine code, feedback)', 'code'),
        row('browser-owned (DOM, performance entries)', 'browser'),
        row("the page's JS objects, arrays and strings", 'js'),
      );
    }
    for (const n of h.notes) out.push(`  note: ${n}`);
  } else out.push('  not measured');
  out.push('');

  out.push('Budgets');
  for (const b of r.budgets) out.push(`  ${pad(b.status, 5)} ${pad(b.name, 52)} ${b.value}`);
  if (r.unmeasured.length) {
    out.push('', 'Not measured');
    for (const u of r.unmeasured) out.push(`  ${u.what}: ${u.why}`);
  }
  return out.join('\n');
}
