/**
 * `npx tsx scripts/screenshot.ts <url> <out.png> [width] [height] [waitForReady=1]`: a screenshot of the site in
 * headless Chromium, for looking at what we built (not a test).
 */
import { chromium } from '@playwright/test';
import { CHROME_ARGS, CHROME_PATH } from '../tests/e2e/browser';

const [url = 'http://127.0.0.1:4173/', out = 'screenshots/page.png', w = '1440', h = '900', wait = '1', full = '0'] = process.argv.slice(2);
const extra = (process.env.EXTRA_ARGS ?? '').split(' ').filter(Boolean);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROME_ARGS, ...extra] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
if (wait === '1') await page.waitForSelector('[data-testid=map][data-state=ready], [data-testid=map][data-state=fallback]', { timeout: 30000 }).catch(() => console.error('map not ready'));
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: full === '1' });
console.log(await page.locator('[data-testid=map]').evaluate((el) => JSON.stringify((el as HTMLElement).dataset)).catch(() => 'no map'));
await browser.close();
