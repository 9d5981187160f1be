/**
 * The first paint comes from the HTML, before any script: the intro (title, lede, language and mode links) is
 * written into each page in its own language (src/lib/shell.ts). A reader without JavaScript still gets it, and
 * when the app takes over, nothing on screen moves.
 */
import { expect, test, type Page } from '@playwright/test';
import { EN, localeData } from './helpers';

const INTRO = ['.lang-switch', '.kicker', 'h1', '.lede', '.hint', '.modes'];
/** Where each part of the intro sits, and the order of the links a keyboard reader tabs through. */
const boxes = (page: Page) =>
  page.evaluate((sels) => [
    ...sels.map((s) => {
      const r = document.querySelector(`.intro ${s}`)!.getBoundingClientRect();
      return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(' ');
    }),
    [...document.querySelectorAll('.skip-link, .intro a')].map((a) => a.textContent).join(' | '),
  ], INTRO);

for (const viewport of [{ width: 1440, height: 900 }, { width: 375, height: 812 }]) {
  test(`the pre-rendered intro sits exactly where the app's does (${viewport.width}px)`, async ({ browser }) => {
    const noJs = await browser.newContext({ viewport, javaScriptEnabled: false });
    const before = await noJs.newPage();
    await before.goto('./');
    await expect(before.locator('h1')).toHaveText(EN.ui.siteTitle!);
    await expect(before.locator('.intro .lede')).toHaveText(EN.ui.introLede!);
    await before.evaluate(() => document.fonts.ready);
    const shell = await boxes(before);
    await noJs.close();

    const js = await browser.newContext({ viewport });
    const after = await js.newPage();
    await after.goto('./');
    // The app has taken over: its intro, not the HTML's (the shell carries data-shell).
    await expect(after.locator('[data-shell]')).toHaveCount(0);
    await expect(after.locator('[data-testid=map]')).toBeAttached();
    await after.evaluate(() => document.fonts.ready);
    expect(await boxes(after)).toEqual(shell);
    await js.close();
  });
}

test('each language page carries its own intro, language and direction in the HTML', async ({ request }) => {
  for (const lang of ['ar', 'fa', 'ckb']) {
    const locale = localeData(lang);
    const html = await (await request.get(`./index.${lang}.html`)).text();
    expect(html).toContain(`<html lang="${lang}" dir="${locale.dir}">`);
    expect(html).toContain(`<h1>${locale.ui.siteTitle}</h1>`);
    expect(html).toContain(locale.ui.introLede);
    // Its links lead to the other languages' pages and to the modes' own pages, in this language.
    expect(html).toMatch(new RegExp(`<a href="index\\.${lang}\\.html"[^>]*aria-current="true"`));
    expect(html).toContain('<a href="index.html" lang="en"');
    expect(html).toContain(`<a href="present.html?mode=present&amp;lang=${lang}">${locale.ui.presentLink}</a>`);
    expect(html).toContain(`<a href="builder.html?mode=builder&amp;lang=${lang}">${locale.ui.embedLink}</a>`);
    expect(html).not.toContain(EN.ui.introLede!);
  }
});

test('a Persian reader opening index.fa.html gets the Persian app, right to left', async ({ page }) => {
  await page.goto('./index.fa.html');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  const fa = localeData('fa');
  await expect(page.locator('h1').first()).toHaveText(fa.ui.siteTitle!);
  // Its text face is asked for by the HTML itself (a preload), not found only once the page is laid out.
  const faces = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((r) => /noto-sans-arabic-arabic-(400|700)/.test(r.name)).map((r) => (r as PerformanceResourceTiming).initiatorType),
  );
  expect(faces).toEqual(['link', 'link']);
});

test('on index.fa.html the language switch’s English link leads to English, also opened as a plain link', async ({ page }) => {
  await page.goto('./index.fa.html?step=accord-2023');
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  const english = page.locator('nav.lang-switch a[hreflang=en]').first();
  const href = (await english.getAttribute('href'))!;
  // Followed as a link (a new tab, a shared copy): the page opens in English, at the same step.
  await page.goto(new URL(href, page.url()).href);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('h1').first()).toHaveText(EN.ui.siteTitle!);
  expect(new URL(page.url()).searchParams.get('step')).toBe('accord-2023');
});

test('a reader whose system is dark gets a dark intro from the HTML, and the app keeps it dark', async ({ browser }) => {
  const colours = (page: Page) =>
    page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('h1')!).color]);
  const noJs = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
  const before = await noJs.newPage();
  await before.goto('./');
  const shell = await colours(before);
  await noJs.close();
  // The dark theme's tokens (src/styles/global.css): background #15191d, text #f0f0f0.
  expect(shell).toEqual(['rgb(21, 25, 29)', 'rgb(240, 240, 240)']);

  const js = await browser.newContext({ colorScheme: 'dark' });
  const after = await js.newPage();
  await after.goto('./');
  await expect(after.locator('[data-shell]')).toHaveCount(0);
  await expect(after.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await colours(after)).toEqual(shell);
  // An explicit ?theme=light wins over the system once the app runs.
  await after.goto('./?theme=light');
  await expect(after.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await colours(after)).toEqual(['rgb(255, 255, 255)', 'rgb(27, 27, 27)']);
  await js.close();
});

// The Arabic-script face is 49 KB: an English reader's first view (intro, map, legend, timeline, cards) has no
// Arabic script to draw but the language switch's three names (in the system's font), so it must not be fetched;
// a Persian reader's page must fetch it and draw its text with it.
test('the Arabic-script web font is fetched for pages that use it, not for an English reader’s first view', async ({ browser }) => {
  for (const [url, wanted] of [['./', false], ['./?lang=fa', true]] as const) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'font' && fonts.push(r.url()));
    await page.goto(url);
    await expect(page.locator('[data-testid=svg-map] svg, [data-testid=map][data-state=ready]').first()).toBeVisible();
    await expect(page.locator('.legend')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((f) => /noto-sans-arabic/.test(f)), `${url}: ${fonts.join(', ')}`).toBe(wanted);
    if (wanted) expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'سلام'))).toBe(true);
    await context.close();
  }
});

/**
 * Every state of the page's direction and headline (the intro's title, the presentation's step title, or the
 * embed's step card's title), recorded from before the first script runs, each marked with whether the app had started by then.
 */
const RECORD_HEADLINES = `window.__headlines = [];
  new MutationObserver(() => {
    const h = document.querySelector('h1') ?? document.querySelector('.card .title');
    const s = { dir: document.documentElement.dir, text: h ? h.textContent.trim() : '', app: performance.getEntriesByName('iib:app-start').length > 0 };
    const last = window.__headlines[window.__headlines.length - 1];
    if (!last || last.dir !== s.dir || last.text !== s.text || last.app !== s.app) window.__headlines.push(s);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });`;

// The app once mounted in English and switched when the language's strings arrived: index.fa.html went from its
// Persian intro to English, left to right, and back, for half a second.
test('a Persian or Arabic reader’s app opens in their language: never an English headline or a left-to-right page once it starts', async ({ browser }) => {
  const english = new Set([EN.ui.siteTitle!, ...Object.values(EN.steps).map((s) => s.title)]);
  for (const url of ['./index.fa.html', './?lang=fa', './index.fa.html?mode=present', './?lang=ar&mode=embed']) {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_HEADLINES);
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('[data-shell]')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('[data-testid=map]')).toBeAttached();
    const seen = (await page.evaluate('window.__headlines')) as { dir: string; text: string; app: boolean }[];
    const app = seen.filter((s) => s.app && s.text);
    expect(app.length, `${url}: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
    for (const s of app) {
      expect(s.dir, `${url}: ${JSON.stringify(seen)}`).toBe('rtl');
      expect(english.has(s.text), `${url}: ${JSON.stringify(seen)}`).toBe(false);
    }
    // index.fa.html is right to left and Persian from its HTML on: the whole page, not only the app.
    if (url.startsWith('./index.fa.html')) expect(seen.every((s) => s.dir === 'rtl' && !english.has(s.text)), JSON.stringify(seen)).toBe(true);
    await context.close();
  }
});

// present.html?mode=present on index.html painted the explainer's intro (headline, lede, links) in front of the class
// until the script ran; the intro's link now leads to present.html, which has no intro, in the page's language.
test('the presentation opens from the intro on its own page: the explainer’s headline never shows, and the language follows', async ({ browser }) => {
  const fa = localeData('fa');
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const shell = await noJs.newPage();
  await shell.goto('./index.fa.html');
  const href = (await shell.getByRole('link', { name: fa.ui.presentLink }).getAttribute('href'))!;
  await shell.goto(new URL(href, shell.url()).href);
  await expect(shell.locator('#app')).toBeEmpty();
  await expect(shell.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
  await noJs.close();

  const context = await browser.newContext();
  await context.addInitScript(RECORD_HEADLINES);
  const page = await context.newPage();
  await page.goto('./index.fa.html?step=accord-2023');
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  // The app's own link (it replaced the intro) says the same, with the step the reader is at. (Followed rather than
  // clicked: a click scrolls the page up to the intro, and so back to the first step.)
  const own = (await page.getByRole('link', { name: fa.ui.presentLink }).getAttribute('href'))!;
  expect(own).toBe('present.html?step=accord-2023&mode=present&lang=fa');
  await page.goto(new URL(own, page.url()).href);
  await expect(page.locator('.mode-present [data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  const url = new URL(page.url());
  expect([url.pathname.split('/').pop(), url.searchParams.get('mode'), url.searchParams.get('lang')]).toEqual(['present.html', 'present', 'fa']);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText(fa.steps['accord-2023']!.title);
  const seen = (await page.evaluate('window.__headlines')) as { dir: string; text: string }[];
  expect(seen.filter((s) => s.text).every((s) => s.dir === 'rtl' && s.text === fa.steps['accord-2023']!.title), JSON.stringify(seen)).toBe(true);
  await context.close();
});

// A bookmark or a shortened link that lost ?mode=present opened present.html as the explainer (without its intro),
// and embed.html likewise: each mode's page opens its own mode; a ?mode in the link still wins.
test('each mode’s page opens that mode without ?mode in the link', async ({ page }) => {
  for (const mode of ['present', 'embed', 'builder']) {
    await page.goto(`./${mode}.html?step=accord-2023`);
    await expect(page.locator(`main.mode-${mode}`)).toBeVisible();
    if (mode !== 'builder') await expect(page.locator('[data-testid=map]').first()).toHaveAttribute('data-step', 'accord-2023');
    await expect(page.getByTestId('notices')).toHaveCount(0);
  }
  await page.goto('./present.html?mode=explainer&step=accord-2023');
  await expect(page.locator('main.mode-explainer')).toBeVisible();
});

// The switch once wrote ?lang=fa on index.html: the reader stayed in place, but a reload or a shared copy of the URL
// painted the English intro (and English sharing card) first. It now leads to index.fa.html.
test('switching language on the explainer switches in place, and the URL it leaves opens in that language from the first paint', async ({ browser }) => {
  const fa = localeData('fa');
  const context = await browser.newContext({ colorScheme: 'dark' });
  await context.addInitScript(RECORD_HEADLINES);
  const page = await context.newPage();
  await page.goto('./?theme=light');
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await page.locator('nav.lang-switch a[hreflang=fa]').first().click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.intro h1')).toHaveText(fa.ui.siteTitle!);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  const url = new URL(page.url());
  expect([url.pathname.split('/').pop(), url.search]).toEqual(['index.fa.html', '?theme=light']);
  await page.reload();
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const seen = (await page.evaluate('window.__headlines')) as { dir: string; text: string }[];
  // The first headline on screen is the HTML's own, in Persian, right to left, and so is every one after it.
  expect(seen.find((s) => s.text), JSON.stringify(seen)).toEqual({ dir: 'rtl', text: fa.ui.siteTitle, app: false });
  expect(seen.every((s) => s.dir === 'rtl' && (!s.text || s.text === fa.ui.siteTitle)), JSON.stringify(seen)).toBe(true);
  await context.close();
});

test('a language whose strings fail to load opens in English and says so, instead of no page', async ({ page }) => {
  await page.route(/\/assets\/fa-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('./index.fa.html');
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.locator('h1').first()).toHaveText(EN.ui.siteTitle!);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('notices')).toContainText(EN.ui.noticeLangLoad!);
});

// The first view downloads and draws the overview land (a third of the full basemap's vertices and bytes:
// data/README.md); the full basemap comes with MapLibre, or at once for an SVG view closer than the overview is for.
test('the first map draws the overview land; the full basemap comes with MapLibre or a closer view', async ({ browser }) => {
  const open = async (url: string, options: Parameters<typeof browser.newContext>[0] = {}) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, ...options });
    const page = await context.newPage();
    const land: string[] = [];
    page.on('request', (r) => {
      const m = /\/(basemap|boundaries)(-overview)?-[\w-]+\.geojson$/.exec(r.url());
      if (m) land.push(`${m[1]}${m[2] ?? ''}`);
    });
    await page.goto(url);
    return { context, page, land };
  };

  // The opening step, a region-wide view: the overview only, until the reader does something.
  const first = await open('./');
  const svg = first.page.locator('[data-testid=svg-map] svg');
  await expect(svg).toHaveAttribute('data-step', 'the-border');
  await expect(svg).toHaveAttribute('data-land', 'overview');
  await first.page.waitForTimeout(1500);
  expect(first.land.sort()).toEqual(['basemap-overview', 'boundaries-overview']);
  // Then MapLibre loads, with the full basemap.
  await first.page.mouse.move(20, 20);
  await expect(first.page.locator('[data-testid=map]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(first.land.sort()).toEqual(['basemap', 'basemap-overview', 'boundaries', 'boundaries-overview']);
  await first.context.close();

  // A deep link to a close-up: the SVG map asks for the full land at once, and draws it.
  const close = await open('./?step=strikes-september');
  await expect(close.page.locator('[data-testid=svg-map] svg')).toHaveAttribute('data-land', 'full');
  expect(close.land).toContain('basemap');
  await close.context.close();
});
