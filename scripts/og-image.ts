/**
 * `npx tsx scripts/og-image.ts [url]`: renders public/og-image.png (1200×630), the sharing-card preview, from the
 * built site's first step (serve it first: `npm run build && npm run preview`). Run again when the map changes.
 */
import { chromium } from '@playwright/test';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/browser';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/?mode=embed&steps=the-border&theme=light';
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
// bypassCSP: only so this script may add its own style tag to hide the controls.
const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1, bypassCSP: true });
await page.goto(url);
await page.mouse.move(10, 10);
await page.locator('[data-testid=map][data-state=ready]').waitFor({ timeout: 30000 });
// The card shows the map alone: no controls, no text below it.
await page.addStyleTag({ content: '.map-box{height:630px!important} .maplibregl-ctrl-top-right,.save,.text,.foot{display:none!important}' });
await page.evaluate(() => window.dispatchEvent(new Event('resize')));
await page.waitForTimeout(1500);
await page.screenshot({ path: 'public/og-image.png', clip: { x: 0, y: 0, width: 1200, height: 630 } });
await browser.close();
console.log('wrote public/og-image.png');
