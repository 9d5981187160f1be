/**
 * Bytes of a first visit, cut at two moments of the same cold page load:
 *
 * - First view: what the reader downloads before seeing the map, with no interaction. The page paints an SVG map
 *   (mark iib:svg-painted) and upgrades to MapLibre later (src/lib/map/loading.ts), so the first view ends when the
 *   SVG is painted and the network has been idle for 500 ms, or when the upgrade starts (mark iib:gl-start),
 *   whichever comes first. Every request *sent* before that moment counts, with all its bytes (a GeoJSON file still
 *   arriving at the cut is needed for the first view all the same); requests the upgrade makes come after the mark.
 * - Full load: everything once MapLibre has drawn (mark iib:gl-ready, triggered by a small scroll if it has not
 *   started by itself) and the network has been idle for 500 ms, including MapLibre's worker script, which
 *   Lighthouse and the page's CDP session do not see complete (see network.ts).
 *
 * Bytes are gzip transfer sizes from CDP (encodedDataLength), served by serve.ts with compression.
 */
import type { Browser } from '@playwright/test';
import { freshPage, readMarks, type Viewport } from './browser';
import { byKind, NetworkRecorder, type Entry, type Kind } from './network';
import { readCspViolations, recordCspViolations } from './csp';
import type { SourceMaps } from './sourcemap';

const IDLE_MS = 500;

export interface LoadBytes {
  viewport: Viewport;
  /** Why and when (page ms) the first view ended. */
  cut: { reason: 'gl-start' | 'svg-painted + 500 ms idle' | 'timeout'; at: number };
  marks: Record<string, number>;
  firstView: Record<Kind | 'total', number>;
  full: Record<Kind | 'total', number>;
  /** Per request, for finding what dominates. */
  files: { path: string; kind: Kind; bytes: number; start: number; end: number | null; firstView: boolean; estimated: boolean }[];
  /**
   * Requests sent in the 150 ms after the cut: the upgrade's own, but also any the page would have made for the
   * first view anyway and that only lost the race with the mark (the Arabic web font does, depending on timing).
   */
  justAfterCut: { path: string; bytes: number }[];
  /** The page's largest contentful paint: when, and which element (what a reader sees as "loaded"). */
  lcp: { at: number; element: string; size: number } | null;
  /** CSP violations the page reported (see csp.ts). */
  csp: string[];
  notes: string[];
  errors: string[];
}

/** The earliest moment at or after `from` when no request is in flight for IDLE_MS (page time). */
function idleStart(entries: Entry[], from: number): number | null {
  const busy = entries.filter((e) => !e.worker || e.end !== null).map((e) => [e.start, e.end ?? Infinity] as const);
  let t = from;
  for (let guard = 0; guard < 1000; guard++) {
    // The first request active in [t, t + IDLE_MS) pushes t to its end.
    const blocker = busy.filter(([s, e]) => s < t + IDLE_MS && e > t).sort((a, b) => b[1] - a[1])[0];
    if (!blocker) return t;
    if (blocker[1] === Infinity) return null;
    t = blocker[1];
  }
  return null;
}

export async function measurePageLoad(browser: Browser, origin: string, dist: string, viewport: Viewport, maps: SourceMaps): Promise<LoadBytes> {
  const { context, page, errors } = await freshPage(browser, viewport);
  const notes: string[] = [];
  try {
    await recordCspViolations(context);
    await context.addInitScript(() => {
      const w = window as unknown as { __lcp?: { at: number; element: string; size: number } };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null; size: number })[]) {
          const el = e.element;
          const name = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}` : '(removed element)';
          const text = (el?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
          w.__lcp = { at: e.startTime, element: text ? `${name} "${text}"` : name, size: e.size };
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    const rec = await NetworkRecorder.attach(page, cdp, origin);
    await page.goto(`${origin}/`);

    // First view: no interaction until the cut, polled from the page's own marks.
    const deadline = Date.now() + 20_000;
    let marks: Record<string, number> = {};
    while (Date.now() < deadline) {
      marks = await readMarks(page);
      if (marks['iib:gl-start'] !== undefined) break;
      if (marks['iib:svg-painted'] !== undefined && rec.idleFor(IDLE_MS)) break;
      await page.waitForTimeout(50);
    }

    // Full load: nudge the upgrade (a no-op if it has started), wait for MapLibre's first frame, then quiet. What the
    // nudge sets off is not the first view: the upgrade fetches the full basemap a task before its iib:gl-start mark,
    // and a request 2 ms inside the 500 ms window once made the desktop's cut the nudge's gl-start (270.7 KB).
    const nudgeAt = await page.evaluate(() => performance.now());
    await page.evaluate(() => window.scrollBy(0, 1));
    await page
      .waitForFunction(() => performance.getEntriesByName('iib:gl-ready').length > 0, null, { timeout: 30_000 })
      .catch(() => notes.push('iib:gl-ready did not appear within 30 s: full load is what had arrived by then'));
    if (!(await rec.waitForIdle(IDLE_MS, 15_000))) notes.push('network not idle 15 s after gl-ready');
    marks = await readMarks(page);
    const csp = await readCspViolations(page, maps);
    const lcp = await page.evaluate(() => (window as unknown as { __lcp?: LoadBytes['lcp'] }).__lcp ?? null);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const entries = rec.snapshot(dist, timeOrigin);

    const glStart = marks['iib:gl-start'];
    const svg = marks['iib:svg-painted'];
    const idle = svg === undefined ? null : idleStart(entries.filter((e) => e.start < nudgeAt), svg);
    let cut: LoadBytes['cut'];
    if (glStart !== undefined && (idle === null || glStart <= idle)) cut = { reason: 'gl-start', at: glStart };
    else if (idle !== null) cut = { reason: 'svg-painted + 500 ms idle', at: idle };
    else {
      cut = { reason: 'timeout', at: Infinity };
      notes.push('neither iib:gl-start nor an idle network after iib:svg-painted: first view = everything');
    }
    const first = entries.filter((e) => e.start < cut.at);
    for (const e of entries.filter((e) => e.estimated)) notes.push(`${e.path}: worker script, bytes = gzip of the built file (CDP cannot see its transfer)`);
    for (const e of entries.filter((e) => e.end === null && !e.estimated)) notes.push(`${e.path}: never finished`);
    for (const e of entries.filter((e) => e.failed || e.status >= 400)) notes.push(`${e.path}: failed (${e.status || 'network error'})`);

    return {
      viewport,
      cut,
      marks,
      firstView: byKind(first),
      full: byKind(entries),
      files: entries.map((e) => ({
        path: e.path,
        kind: e.kind,
        bytes: e.bytes,
        start: Math.round(e.start),
        end: e.end === null ? null : Math.round(e.end),
        firstView: e.start < cut.at,
        estimated: e.estimated,
      })),
      justAfterCut: entries.filter((e) => e.start >= cut.at && e.start < cut.at + 150).map((e) => ({ path: e.path, bytes: e.bytes })),
      lcp: lcp && { ...lcp, at: Math.round(lcp.at) },
      csp,
      notes,
      errors,
    };
  } finally {
    await context.close();
  }
}
