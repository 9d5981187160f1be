/**
 * Lighthouse 13, mobile (its default: simulated slow 4G and 4× CPU slowdown) and desktop (--preset=desktop), as the
 * published CLI rather than the node API so the numbers match what anyone gets from the same command. It launches
 * its own Chromium through chrome-launcher, which reads CHROME_PATH; the flags are the test browser's quiet flags
 * plus SwiftShader, so the MapLibre upgrade (which starts by itself 3 s after load) runs as it does in the tests.
 *
 * Each form is run several times and the run with the median performance score is reported (its report is copied to
 * lh-<form>.json), with every run's score beside it: Lighthouse's own guidance on variability is to take the median
 * of five runs, and on this shared 2-core machine one run's mobile score moves by ±5 with the machine's load (a
 * run's first paint waits for a busy main thread, and the simulated FCP, LCP and Speed Index count everything the
 * real run did before it).
 *
 * Beside the scores, it keeps what explains them: the audits that lose points in accessibility, best practices and
 * SEO, and the main-thread and byte-weight breakdowns behind the performance score.
 */
import { spawn } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHROME_PATH } from './browser';

const VERSION = '13.5.0';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --use-angle=swiftshader --enable-unsafe-swiftshader --disable-background-networking ' +
  '--disable-component-update --disable-sync --no-first-run --disable-quic';

export type Form = 'mobile' | 'desktop';

export interface LighthouseResult {
  form: Form;
  ok: boolean;
  error?: string;
  scores?: { performance: number; accessibility: number; bestPractices: number; seo: number };
  metrics?: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
  /** Audits that lost points (weight > 0, score < 1), per category (id: title [score]). */
  failing?: Record<string, string[]>;
  /** Main-thread time by category, ms; script bootup by URL, ms; biggest transfers, bytes; LCP element. */
  diagnostics?: {
    mainThread: Record<string, number>;
    bootup: { url: string; total: number; scripting: number }[];
    longTasks: { url: string; duration: number; startTime: number }[];
    byteWeight: { url: string; bytes: number }[];
    /** Lighthouse's own CPU benchmark (higher = faster; a typical desktop is well over 1000) and its warnings. */
    benchmarkIndex?: number;
    warnings: string[];
  };
  runMs: number;
  file: string;
  /** Every run of this form, in order; this result is the median one. */
  runs?: { performance: number | null; fcp: number; lcp: number; tbt: number; speedIndex: number }[];
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: Record<string, unknown>[] };
}
interface Lhr {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  environment?: { benchmarkIndex?: number };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      out += `\n(killed after ${timeout / 1000} s)`;
      child.kill('SIGKILL');
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, out: `${out}\n${e.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const items = (a: Audit | undefined): Record<string, unknown>[] => a?.details?.items ?? [];
const short = (url: unknown): string => String(url ?? '').replace(/^https?:\/\/[^/]+/, '');

/** `count` runs of one form; the one with the median performance score, carrying all runs' numbers. */
export async function runLighthouseMedian(url: string, form: Form, outDir: string, count: number): Promise<LighthouseResult> {
  const all: LighthouseResult[] = [];
  for (let i = 1; i <= count; i++) all.push(await runLighthouse(url, form, path.join(outDir, `lh-${form}-${i}.json`)));
  const ok = all.filter((r) => r.ok).sort((a, b) => a.scores!.performance - b.scores!.performance);
  const median = ok[Math.floor((ok.length - 1) / 2)] ?? all[0]!;
  const runs = all.map((r) => ({
    performance: r.ok ? r.scores!.performance : null,
    fcp: r.metrics?.fcp ?? NaN,
    lcp: r.metrics?.lcp ?? NaN,
    tbt: r.metrics?.tbt ?? NaN,
    speedIndex: r.metrics?.speedIndex ?? NaN,
  }));
  const file = path.join(outDir, `lh-${form}.json`);
  if (median.ok) await copyFile(median.file, file);
  return { ...median, file, runs, runMs: all.reduce((s, r) => s + r.runMs, 0) };
}

async function runLighthouse(url: string, form: Form, file: string): Promise<LighthouseResult> {
  const args = [
    '--yes',
    `lighthouse@${VERSION}`,
    url,
    '--output=json',
    `--output-path=${file}`,
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
    ...(form === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const t0 = Date.now();
  const { code, out } = await run('npx', args, { ...process.env, CHROME_PATH }, 180_000);
  const runMs = Date.now() - t0;
  const tail = out
    .split('\n')
    .filter((l) => l.trim() && !/Unknown user config|npm warn/.test(l))
    .slice(-8)
    .join('\n');
  if (code !== 0) return { form, ok: false, error: `lighthouse exited ${code}: ${tail}`, runMs, file };

  let lhr: Lhr;
  try {
    lhr = JSON.parse(await readFile(file, 'utf8')) as Lhr;
  } catch (e) {
    return { form, ok: false, error: `no readable report at ${file}: ${(e as Error).message}; ${tail}`, runMs, file };
  }
  if (lhr.runtimeError) return { form, ok: false, error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`, runMs, file };

  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const failing: Record<string, string[]> = {};
  for (const [cat, c] of Object.entries(lhr.categories)) {
    failing[cat] = c.auditRefs
      .filter((r) => r.weight > 0)
      .map((r) => lhr.audits[r.id])
      .filter((a): a is Audit => !!a && a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => {
        // For a failing check, name the first element it found (accessibility and the like).
        const first = items(a)[0] as { node?: { selector?: string; explanation?: string } } | undefined;
        const node = first?.node?.selector ? ` — e.g. ${first.node.selector}: ${(first.node.explanation ?? '').split('\n').slice(0, 2).join(' ').trim()}` : '';
        return `${a.id}: ${a.title} [${Math.round((a.score ?? 0) * 100)}]${cat === 'performance' ? '' : node}`;
      });
  }
  return {
    form,
    ok: true,
    scores: { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') },
    metrics: {
      fcp: num('first-contentful-paint'),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      speedIndex: num('speed-index'),
    },
    failing,
    diagnostics: {
      mainThread: Object.fromEntries(items(lhr.audits['mainthread-work-breakdown']).map((i) => [String(i.groupLabel ?? i.group), Math.round(Number(i.duration))])),
      bootup: items(lhr.audits['bootup-time']).map((i) => ({ url: short(i.url), total: Math.round(Number(i.total)), scripting: Math.round(Number(i.scripting)) })),
      longTasks: items(lhr.audits['long-tasks']).map((i) => ({ url: short(i.url), duration: Math.round(Number(i.duration)), startTime: Math.round(Number(i.startTime)) })),
      byteWeight: items(lhr.audits['total-byte-weight']).map((i) => ({ url: short(i.url), bytes: Number(i.totalBytes) })),
      ...(lhr.environment?.benchmarkIndex ? { benchmarkIndex: Math.round(lhr.environment.benchmarkIndex) } : {}),
      warnings: (lhr.runWarnings ?? []).map((w) => w.replace(/\s*Learn more.*$/, '').replace(/\s+/g, ' ')),
    },
    runMs,
    file,
  };
}
