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
 * CDP Performance.getMetrics JSHeapUsedSize. The baseline is read after a warm-up of 100 changes (ten passes
 * through the story), then 500 more changes are made and the heap read every 100: growth that a leak would cause
 * goes on in a straight line, while the warm-up fills what is filled once — V8's optimised code for the step path,
 * MapLibre's tile cache, and the browser's own capped performance-entry buffers (layout shifts, long animation
 * frames), which a heap snapshot diff showed were most of the growth over the first few hundred changes.
 * DOM nodes and event listeners are read the same way, as they leak along with the heap.
 *
 * A heap snapshot at the baseline and at the end splits the heap three ways, because the one number mixes them:
 * V8's compiled code (which grows as more of the step path is optimised, and levels off), objects the browser owns
 * (DOM, capped performance-entry buffers), and the page's own JS objects, arrays and strings, where a leak of ours
 * would show. The budget stays on the one number; the split says what it is made of.
 */
import type { Browser, CDPSession } from '@playwright/test';
import { freshPage, PRESENT } from './browser';
import { openPresent, progress, waitReady } from './present';
import { sleep } from './stats';

const WARMUP = 100;
const CHANGES = WARMUP + 500;
const BASELINE_AT = WARMUP;
const SETTLE_EVERY = 50;
const GAP_MS = 60;
const KEYS = { PageDown: 34, Home: 36 } as const;

export interface HeapSample {
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
  /** Snapshot split at the baseline and at the end. */
  split: { baseline: HeapSplit; after: HeapSplit } | null;
  baseline: HeapSample;
  after: HeapSample;
  growthPct: number;
  samples: HeapSample[];
  changes: number;
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
    let splitAt0: HeapSplit | null = null;
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
      if (n % SETTLE_EVERY === 0 || n === BASELINE_AT) {
        await Promise.all(sent);
        sent = [];
        if (!(await waitReady(page))) unready++;
        const real = await progress(page);
        if (real.index !== index) {
          notes.push(`after ${n} changes the page is on step ${real.index + 1}, expected ${index + 1}: key presses were lost`);
          index = real.index;
        }
      }
      if (n >= BASELINE_AT && n % 100 === 0) samples.push(await sample(cdp, n - WARMUP));
      if (n === BASELINE_AT) splitAt0 = await split(cdp);
      if (n % SETTLE_EVERY === 0 || n === BASELINE_AT) next = Date.now();
    }
    if (unready) notes.push(`map not ready within 30 s at ${unready} of the settle points`);
    const baseline = samples.find((s) => s.changes === 0)!;
    const after = samples[samples.length - 1]!;
    const splitAfter = await split(cdp);
    return {
      split: splitAt0 ? { baseline: splitAt0, after: splitAfter } : null,
      baseline,
      after,
      growthPct: ((after.heapUsed - baseline.heapUsed) / baseline.heapUsed) * 100,
      samples,
      changes: CHANGES - WARMUP,
      ms: Date.now() - t0,
      notes,
      errors,
    };
  } finally {
    await context.close();
  }
}
