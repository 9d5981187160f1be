/**
 * What the renderer's main thread does that is not JavaScript. The V8 profile shows native work only as "(program)",
 * and in the long tasks while playing that is most of the time; a Chrome trace names it. The trace (categories
 * toplevel, devtools.timeline, gpu) is cut to the long tasks' windows, on the page's main thread, and summed by
 * event self time, each event labelled with its outermost meaningful ancestor — e.g. a wait on the GPU process
 * inside GLES2::ReadPixels, which is Chromium reading a WebGL frame back for software compositing.
 *
 * Trace timestamps are on the same monotonic clock as CDP, so page time = ts − NavigationStart (see profile.ts).
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { Hotspot } from './profile';

const CATEGORIES = ['toplevel', 'devtools.timeline', 'gpu'];
const GENERIC = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'Scheduler::RunTask', 'ThreadPool_RunTask']);

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

export interface TraceSummary {
  /** Main-thread ms inside the windows. */
  busyMs: number;
  /** Self time by "event in outermost meaningful ancestor". */
  top: Hotspot[];
  /** Of busyMs: waiting inside GLES2::ReadPixels (the WebGL frame read back for software compositing). */
  readbackMs: number;
  /** Of busyMs: inside script (FunctionCall / EvaluateScript and what they contain). */
  scriptMs: number;
}

export async function stopTrace(browser: Browser, cdp: CDPSession, windows: [number, number][], top = 8): Promise<TraceSummary> {
  const buf = await browser.stopTracing();
  const { metrics } = await cdp.send('Performance.getMetrics');
  const navStartUs = (metrics.find((m) => m.name === 'NavigationStart')?.value ?? 0) * 1e6;
  const raw = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);

  // The page's main thread: the CrRendererMain with the most top-level task time (the present page's renderer).
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && threadName.get(key) === 'CrRendererMain' && GENERIC.has(e.name)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  const inWindow = (ts: number) => {
    const t = (ts - navStartUs) / 1000;
    return windows.some(([a, b]) => t >= a && t < b);
  };
  const self = new Map<string, number>();
  let total = 0;
  let readback = 0;
  let script = 0;
  // Walk the nesting with a stack: an event's self time is its duration minus its direct children's.
  type Open = { e: TraceEvent; end: number; child: number; label: string; readback: boolean; script: boolean };
  const stack: Open[] = [];
  const close = (o: Open) => {
    const own = (o.e.dur! - o.child) / 1000;
    if (own > 0 && inWindow(o.e.ts)) {
      self.set(o.label, (self.get(o.label) ?? 0) + own);
      total += own;
      if (o.readback) readback += own;
      else if (o.script) script += own;
    }
  };
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur!;
    const outer = stack.find((o) => !GENERIC.has(o.e.name));
    const label = outer && outer.e.name !== e.name ? `${e.name} in ${outer.e.name}` : e.name;
    const readbackHere = e.name === 'GLES2::ReadPixels' || !!parent?.readback;
    const scriptHere = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction' || !!parent?.script;
    stack.push({ e, end: e.ts + e.dur!, child: 0, label, readback: readbackHere, script: scriptHere });
  }
  while (stack.length) close(stack.pop()!);

  return {
    busyMs: Math.round(total),
    readbackMs: Math.round(readback),
    scriptMs: Math.round(script),
    top: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ where, ms: Math.round(ms) })),
  };
}
