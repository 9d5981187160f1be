/**
 * Launches Chromium the way the browser tests do (tests/e2e/browser.ts: Debian's build and its quiet flags), so the
 * bench and the tests see the same browser. Every measurement gets a fresh context: a cold cache, as a first visit.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROME_ARGS, CHROME_PATH } from '../../tests/e2e/browser';

export { CHROME_ARGS, CHROME_PATH };

/**
 * Compositing through SwiftShader's GPU path, as a device with a GPU composites. Without these flags headless
 * Chromium here composites in software and reads every WebGL frame back to the CPU (GLES2::ReadPixels), a cost no
 * reader with a GPU pays: measured on the same build, 136 long tasks while playing without them, 10 with them.
 * BENCH_CHROME_ARGS (space-separated) replaces them, e.g. BENCH_CHROME_ARGS=" " for software compositing.
 */
const GPU = '--use-angle=swiftshader --enable-unsafe-swiftshader --ignore-gpu-blocklist --enable-gpu-compositing';
const EXTRA = (process.env.BENCH_CHROME_ARGS ?? GPU).split(' ').filter(Boolean);
export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROME_PATH, args: [...CHROME_ARGS, ...EXTRA] });

export interface Viewport {
  width: number;
  height: number;
}
export const MOBILE: Viewport = { width: 412, height: 823 };
export const DESKTOP: Viewport = { width: 1350, height: 940 };
export const PRESENT: Viewport = { width: 1280, height: 800 };

/** A fresh context and page; page errors are collected so a broken page shows in the report instead of odd numbers. */
export async function freshPage(browser: Browser, viewport: Viewport): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, timezoneId: 'UTC' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  return { context, page, errors };
}

/** The page's performance marks (the iib:* marks MapView.svelte sets), name → startTime in ms. */
export const readMarks = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));

/** Waits for a performance mark; resolves with its startTime, or null on timeout. */
export async function waitForMark(page: Page, name: string, timeout: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? false, name, {
      timeout,
      polling: 50,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}
