/**
 * Time to first map pixels and to MapLibre ready, on desktop, median of 5 cold loads each.
 *
 * The two are measured in separate loads: the MapLibre upgrade competes for the main thread, so a load that starts
 * it early would slow the SVG paint it is compared with. For the SVG runs nothing touches the page (the upgrade may
 * still start on its own when the map is on screen: that is what a reader gets). For the MapLibre runs a scroll is
 * dispatched right after DOMContentLoaded (window.scrollBy(0, 1); a synthetic scroll event if the page cannot scroll
 * yet), so the upgrade starts as early as the page allows rather than after loading.ts's 3 s fallback.
 * Marks are the page's own (MapView.svelte): iib:svg-painted, iib:gl-start, iib:gl-ready.
 */
import type { Browser } from '@playwright/test';
import { DESKTOP, freshPage, readMarks, waitForMark } from './browser';
import { median } from './stats';

const RUNS = 5;

export interface Timing {
  runs: number;
  svgPainted: number[];
  glReady: number[];
  glStartToReady: number[];
  median: { svgPainted: number; glReady: number; glStartToReady: number };
  notes: string[];
  errors: string[];
}

export async function measureTiming(browser: Browser, origin: string): Promise<Timing> {
  const svgPainted: number[] = [];
  const glReady: number[] = [];
  const glStartToReady: number[] = [];
  const notes: string[] = [];
  const errors: string[] = [];

  for (let i = 0; i < RUNS; i++) {
    const { context, page, errors: e } = await freshPage(browser, DESKTOP);
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    const t = await waitForMark(page, 'iib:svg-painted', 20_000);
    if (t === null) notes.push(`SVG run ${i + 1}: no iib:svg-painted within 20 s`);
    else svgPainted.push(t);
    errors.push(...e);
    await context.close();
  }

  for (let i = 0; i < RUNS; i++) {
    const { context, page, errors: e } = await freshPage(browser, DESKTOP);
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const y = window.scrollY;
        window.scrollBy(0, 1);
        if (window.scrollY === y) window.dispatchEvent(new Event('scroll'));
      });
    });
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    const ready = await waitForMark(page, 'iib:gl-ready', 30_000);
    const marks = await readMarks(page);
    const start = marks['iib:gl-start'];
    if (ready === null || start === undefined) notes.push(`MapLibre run ${i + 1}: no iib:gl-ready within 30 s`);
    else {
      glReady.push(ready);
      glStartToReady.push(ready - start);
    }
    errors.push(...e);
    await context.close();
  }

  return {
    runs: RUNS,
    svgPainted,
    glReady,
    glStartToReady,
    median: { svgPainted: median(svgPainted), glReady: median(glReady), glStartToReady: median(glStartToReady) },
    notes,
    errors,
  };
}
