/**
 * Presentation mode helpers shared by the long-task and heap measurements: open `/?mode=present`, wait for
 * MapLibre to be ready, read where the story is (the progress bar's aria-valuenow / aria-valuemax).
 */
import type { Page } from '@playwright/test';

export const READY = '[data-testid=map][data-state=ready]';

export async function openPresent(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/?mode=present`);
  await page.waitForSelector(READY, { timeout: 45_000 });
}

export async function progress(page: Page): Promise<{ index: number; count: number }> {
  return page.locator('[role=progressbar]').evaluate((el) => ({
    index: Number(el.getAttribute('aria-valuenow')) - 1,
    count: Number(el.getAttribute('aria-valuemax')),
  }));
}

/** Waits for the map to settle after a change: a frame for the state to flip to loading, then ready. */
export async function waitReady(page: Page, timeout = 30_000): Promise<boolean> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page
    .waitForSelector(READY, { timeout })
    .then(() => true)
    .catch(() => false);
}
