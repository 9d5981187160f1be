/**
 * Reading the explainer contacts nobody but the site itself (no CDN, font service, tile server or analytics), and
 * the page runs without console errors or uncaught exceptions while a reader scrolls through every step, opens an
 * event and uses the timeline.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ORIGIN,
  STEPS,
  STEP_IDS,
  card,
  gotoSite,
  scrollCardToReadingLine,
  scrollToStory,
  slider,
  waitForMapReady,
} from './helpers';

interface Recorder {
  requests: string[];
  consoleErrors: string[];
  /** Warnings from the page and MapLibre; not the GPU driver's own "[.WebGL-…]" notes (SwiftShader here). */
  consoleWarnings: string[];
  pageErrors: string[];
  badResponses: string[];
}

function record(page: Page): Recorder {
  const r: Recorder = { requests: [], consoleErrors: [], consoleWarnings: [], pageErrors: [], badResponses: [] };
  page.on('request', (req) => r.requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') r.consoleErrors.push(`${msg.text()} @ ${msg.location().url}:${msg.location().lineNumber}`);
    if (msg.type() === 'warning' && !msg.text().startsWith('[.WebGL-')) r.consoleWarnings.push(msg.text().slice(0, 200));
  });
  page.on('pageerror', (err) => r.pageErrors.push(`${err.name}: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) r.badResponses.push(`${res.status()} ${res.url()}`);
  });
  return r;
}

const ownOrigin = (url: string) => url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:');

for (const size of [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
]) {
  test(`a full read at ${size.width}×${size.height} stays on the site's own origin, without errors`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const rec = record(page);

    await gotoSite(page, './');
    await waitForMapReady(page, STEP_IDS[0]!);

    // Every step, by scrolling.
    for (const id of STEP_IDS) {
      await scrollCardToReadingLine(page, id);
      await waitForMapReady(page, id);
    }

    // An event's details, from its card.
    const withEvents = STEPS.find((s) => s.highlight.events.length > 0)!;
    await scrollCardToReadingLine(page, withEvents.id);
    await waitForMapReady(page, withEvents.id);
    await card(page, withEvents.id).locator('button.event-btn').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // The timeline: keys, then a click on the axis.
    await gotoSite(page, './');
    await waitForMapReady(page, STEP_IDS[0]!);
    await scrollToStory(page);
    await slider(page).evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('ArrowRight');
    await waitForMapReady(page, STEP_IDS[1]!);
    await page.keyboard.press('End');
    await waitForMapReady(page, STEP_IDS[STEP_IDS.length - 1]!);
    await page.keyboard.press('Home');
    await waitForMapReady(page, STEP_IDS[0]!);
    await scrollToStory(page);
    await waitForMapReady(page, STEP_IDS[0]!);
    const box = (await slider(page).locator('svg').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.65);
    await expect(page.getByTestId('map')).not.toHaveAttribute('data-step', STEP_IDS[0]!);
    const step = (await page.getByTestId('map').getAttribute('data-step'))!;
    await waitForMapReady(page, step);

    // The table and downloads at the end of the page are rendered too.
    await page.locator('#events').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);

    const foreign = rec.requests.filter((u) => !ownOrigin(u));
    expect(rec.requests.length, 'requests were recorded').toBeGreaterThan(5);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(rec.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(rec.consoleErrors, 'console errors').toEqual([]);
    // MapLibre warned on every load that the place and crossing dots "could not be loaded" (they were, a moment late).
    expect(rec.consoleWarnings, 'console warnings').toEqual([]);
    expect(rec.badResponses, 'failed responses from the site').toEqual([]);
  });
}
