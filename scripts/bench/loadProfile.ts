/**
 * What the main thread does during a cold load (desktop, one extra load with the V8 profiler on), cut into the two
 * phases the page has: until the SVG map is painted (iib:svg-painted: the reader's first map), and the MapLibre
 * upgrade (iib:gl-start → iib:gl-ready). Lighthouse's TBT and the time-to-first-map numbers are spent here; this
 * names the functions, mapped to source. Kept apart from the timing runs so the profiler cannot skew them.
 */
import type { Browser } from '@playwright/test';
import { DESKTOP, freshPage, readMarks, waitForMark } from './browser';
import { startProfiler, stopProfiler, summarise, type ProfileSummary } from './profile';
import type { SourceMaps } from './sourcemap';

export interface LoadProfile {
  marks: Record<string, number>;
  toSvg: ProfileSummary | null;
  /** The app's first task: building the page over the pre-rendered intro (iib:app-start → iib:app-mounted). */
  mount: ProfileSummary | null;
  /** From the app's first task to the SVG map's first frame (geodata parsed and drawn). */
  toMap: ProfileSummary | null;
  upgrade: ProfileSummary | null;
  notes: string[];
}

export async function profileLoad(browser: Browser, origin: string, maps: SourceMaps): Promise<LoadProfile> {
  const { context, page } = await freshPage(browser, DESKTOP);
  const notes: string[] = [];
  try {
    const cdp = await context.newCDPSession(page);
    await startProfiler(cdp);
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    if ((await waitForMark(page, 'iib:svg-painted', 20_000)) === null) notes.push('no iib:svg-painted within 20 s');
    await page.evaluate(() => window.scrollBy(0, 1));
    if ((await waitForMark(page, 'iib:gl-ready', 30_000)) === null) notes.push('no iib:gl-ready within 30 s');
    const samples = await stopProfiler(cdp);
    const marks = await readMarks(page);
    const svg = marks['iib:svg-painted'];
    const start = marks['iib:gl-start'];
    const ready = marks['iib:gl-ready'];
    return {
      marks,
      toSvg: svg === undefined ? null : summarise(samples, maps, [[0, svg]]),
      mount:
        marks['iib:app-start'] === undefined || marks['iib:app-mounted'] === undefined
          ? null
          : summarise(samples, maps, [[marks['iib:app-start'], marks['iib:app-mounted']]]),
      toMap: marks['iib:app-mounted'] === undefined || svg === undefined ? null : summarise(samples, maps, [[marks['iib:app-mounted'], svg]]),
      upgrade: start === undefined || ready === undefined ? null : summarise(samples, maps, [[start, ready]]),
      notes,
    };
  } finally {
    await context.close();
  }
}
