/**
 * Where main-thread time goes, from a V8 sampling profile (CDP Profiler, 1 ms samples): a budget that fails is only
 * useful with a name attached. Samples are placed on the page's clock (CDP Performance metric NavigationStart is the
 * page's timeOrigin in the same monotonic clock as the profile), so they can be cut to a window — the first view, or
 * the long tasks the page reported — and summed:
 *
 * - self time by function (mapped through the hidden source maps to file:line, MapLibre's own TypeScript included);
 * - time by "our code": the nearest frame on the stack that is in src/, so a cost inside d3 or MapLibre is charged
 *   to the line of ours that asked for it.
 *
 * The profiler adds a few per cent of overhead; it runs only in the passes that say so.
 */
import type { CDPSession } from '@playwright/test';
import { describe, type SourceMaps } from './sourcemap';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Hotspot {
  where: string;
  ms: number;
}
export interface ProfileSummary {
  /** Sampled ms inside the windows (idle excluded). */
  busyMs: number;
  /** Self time by function. */
  self: Hotspot[];
  /** Inclusive time charged to the nearest frame in src/ (or "(no src/ frame)"). */
  ours: Hotspot[];
  /** Self time by script file (or native / GC / program). */
  byFile: Hotspot[];
}

export async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
}

export interface Samples {
  /** Page time (ms) and node id per sample; the sample's weight is the time to the next one. */
  times: number[];
  nodes: number[];
  byId: Map<number, ProfileNode>;
  parent: Map<number, number>;
}

export async function stopProfiler(cdp: CDPSession): Promise<Samples> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const navStart = (metrics.find((m) => m.name === 'NavigationStart')?.value ?? 0) * 1000;
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas ?? []) {
    t += d;
    times.push(t / 1000 - navStart);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { times, nodes: profile.samples ?? [], byId, parent };
}

const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

export function summarise(s: Samples, maps: SourceMaps, windows: [number, number][] | null, top = 8): ProfileSummary {
  const self = new Map<string, number>();
  const ours = new Map<string, number>();
  const byFile = new Map<string, number>();
  const names = new Map<number, { where: string; isOurs: boolean; file: string }>();
  const info = (id: number) => {
    let r = names.get(id);
    if (r) return r;
    const f = s.byId.get(id)!.callFrame;
    if (!f.url || SPECIAL.has(f.functionName)) {
      const label = SPECIAL.has(f.functionName) ? f.functionName : `${f.functionName || '(anonymous)'} (native)`;
      r = { where: label, isOurs: false, file: SPECIAL.has(f.functionName) ? f.functionName : '(native/browser API)' };
    } else {
      const o = maps.lookup(f.url, f.lineNumber, f.columnNumber);
      const file = new URL(f.url).pathname;
      r = { where: describe(o, `${file}:${f.lineNumber + 1}:${f.columnNumber + 1} ${f.functionName}`), isOurs: !!o?.file.startsWith('src/'), file };
    }
    names.set(id, r);
    return r;
  };
  const inWindow = windows ? (t: number) => windows.some(([a, b]) => t >= a && t < b) : () => true;
  let busy = 0;
  for (let i = 0; i < s.nodes.length - 1; i++) {
    const t = s.times[i]!;
    if (!inWindow(t)) continue;
    const w = s.times[i + 1]! - t;
    const id = s.nodes[i]!;
    const me = info(id);
    if (me.where === '(idle)') continue;
    busy += w;
    self.set(me.where, (self.get(me.where) ?? 0) + w);
    byFile.set(me.file, (byFile.get(me.file) ?? 0) + w);
    let cur: number | undefined = id;
    let owner = '(no src/ frame)';
    while (cur !== undefined) {
      const c = info(cur);
      if (c.isOurs) {
        owner = c.where;
        break;
      }
      cur = s.parent.get(cur);
    }
    if (me.where.startsWith('(') && owner === '(no src/ frame)') owner = me.where;
    ours.set(owner, (ours.get(owner) ?? 0) + w);
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ where, ms: Math.round(ms) }));
  return { busyMs: Math.round(busy), self: sorted(self), ours: sorted(ours), byFile: sorted(byFile) };
}
