/**
 * JS heap after 500 step changes in presentation mode (1280×800): a classroom keeps one tab open for an hour of
 * clicking back and forth, so memory that grows with each step is a leak that will eventually stall the map.
 *
 * Steps are changed with the presenter's keys (PageDown to the last step, then Home, repeat), sent as real key
 * events through CDP (Input.dispatchKeyEvent) every 60 ms by the clock, without waiting for the page to draw each
 * one: Playwright's keyboard.press waits until the page has handled the key, which under SwiftShader on a busy
 * machine is a frame of up to a second, and made 500 changes take five minutes. Sent this way the page may handle
 * several keys between two frames, like a presenter clicking fast; every change still runs the whole step-change
 * path (story → Svelte effects → MapController.apply → MapLibre), interrupted camera moves included. Every 50
 * changes the map is allowed to become ready and the step is checked against the count of keys sent. The heap is
 * read after a forced full GC (CDP HeapProfiler.collectGarbage, twice, so objects freed by finalisers go too) as
 * CDP Performance.getMetrics JSHeapUsedSize, every 100 changes.
 *
 * The budget's window is the 500 changes after a warm-up of 1,000. The warm-up fills what is filled once: V8's
 * compiled code and feedback for the step path, MapLibre's tile cache, and the browser's own capped
 * performance-entry buffers (layout shifts, long animation frames). Growth that a leak would cause goes on in a
 * straight line after that. Why 1,000: with a warm-up of 100 (this bench's first protocol) the window still caught
 * V8 optimising more and more of the step path as its call counts crossed the tiers' thresholds, +18–24 % of V8's
 * compiled code in 500 changes against −3 to +2 % for the page's own objects, and the total went from 7.7 to 17.3 %
 * between runs of the same build; in runs of 1,600 changes the total stopped growing at about 1,000. The growth
 * over the 500 changes after the first 100 is still read from the same run and printed beside the verdict.
 * DOM nodes and event listeners are read the same way, as they leak along with the heap.
 *
 * Heap snapshots after 100 changes, at the baseline and at the end split the heap three ways, because the one
 * number mixes them: V8's code (what a snapshot types "code": bytecode, machine code and the type feedback and
 * allocation sites V8 keeps beside them; it grows as more of the step path is optimised, and levels off), objects the browser owns
 * (DOM, capped performance-entry buffers), and the page's own JS objects, arrays and strings, where a leak of ours
 * would show. The budget stays on the one number; the split says what it is made of.
 */
import type { Browser, CDPSession } from '@playwright/test';
import { freshPage, PRESENT } from './browser';
import { openPresent, progress, waitReady } from './present';
import { sleep } from './stats';

const EARLY = 100;
const WARMUP = 1000;
const WINDOW = 500;
const CHANGES = WARMUP + WINDOW;
const SETTLE_EVERY = 50;
const GAP_MS = 60;
const KEYS = { PageDown: 34, Home: 36 } as const;

export interface HeapSample {
  /** Step changes since the page was opened. */
  changes: number;
  heapUsed: number;
  nodes: number;
  listeners: number;
}

/** Self sizes from a heap snapshot, bytes. */
export interface HeapSplit {
  code: number;
  browser: number;
  js: number;
}

export interface Heap {
  /** Snapshot split after the first 100 changes, at the baseline and at the end. */
  split: { early: HeapSplit; baseline: HeapSplit; after: HeapSplit } | null;
  /** The budget's window: from `baseline` (after the warm-up) to `after`, `changes` changes later. */
  baseline: HeapSample;
  after: HeapSample;
  growthPct: number;
  warmup: number;
  changes: number;
  /** The same number of changes after only 100 (the first protocol), for comparison. */
  early: { from: HeapSample; to: HeapSample; growthPct: number };
  samples: HeapSample[];
  ms: number;
  notes: string[];
  errors: string[];
}

async function sample(cdp: CDPSession, changes: number): Promise<HeapSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  return { changes, heapUsed: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners') };
}

async function split(cdp: CDPSession): Promise<HeapSplit> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [ti, si, n] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  const out: HeapSplit = { code: 0, browser: 0, js: 0 };
  for (let i = 0; i < snap.nodes.length; i += n) {
    const type = types[snap.nodes[i + ti]!];
    const size = snap.nodes[i + si]!;
    if (type === 'code') out.code += size;
    else if (type === 'native') out.browser += size;
    else if (type !== 'synthetic') out.js += size;
  }
  return out;
}

export async function measureHeap(browser: Browser, origin: string): Promise<Heap> {
  const { context, page, errors } = await freshPage(browser, PRESENT);
  const notes: string[] = [];
  const t0 = Date.now();
  try {
    await openPresent(page, origin);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    let { index, count } = await progress(page);
    const samples: HeapSample[] = [];
    let unready = 0;
    const splits = new Map<number, HeapSplit>();
    let sent: Promise<unknown>[] = [];
    const press = (key: keyof typeof KEYS) => {
      const k = { key, code: key, windowsVirtualKeyCode: KEYS[key] };
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...k }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...k }));
    };
    let next = Date.now();

    for (let n = 1; n <= CHANGES; n++) {
      const last = index >= count - 1;
      press(last ? 'Home' : 'PageDown');
      index = last ? 0 : index + 1;
      next += GAP_MS;
      await sleep(next - Date.now());
      if (n % SETTLE_EVERY === 0) {
        await Promise.all(sent);
        sent = [];
        if (!(await waitReady(page))) unready++;
        const real = await progress(page);
        if (real.index !== index) {
          notes.push(`after ${n} changes the page is on step ${real.index + 1}, expected ${index + 1}: key presses were lost`);
          index = real.index;
        }
      }
      if (n % 100 === 0) samples.push(await sample(cdp, n));
      if (n === EARLY || n === WARMUP) splits.set(n, await split(cdp));
      if (n % SETTLE_EVERY === 0) next = Date.now();
    }
    if (unready) notes.push(`map not ready within 30 s at ${unready} of the settle points`);
    const at = (n: number) => samples.find((s) => s.changes === n)!;
    const growth = (a: HeapSample, b: HeapSample) => ((b.heapUsed - a.heapUsed) / a.heapUsed) * 100;
    const [baseline, after] = [at(WARMUP), at(CHANGES)];
    const splitAfter = await split(cdp);
    const [early, base] = [splits.get(EARLY), splits.get(WARMUP)];
    return {
      split: early && base ? { early, baseline: base, after: splitAfter } : null,
      baseline,
      after,
      growthPct: growth(baseline, after),
      warmup: WARMUP,
      changes: WINDOW,
      early: { from: at(EARLY), to: at(EARLY + WINDOW), growthPct: growth(at(EARLY), at(EARLY + WINDOW)) },
      samples,
      ms: Date.now() - t0,
      notes,
      errors,
    };
  } finally {
    await context.close();
  }
}
