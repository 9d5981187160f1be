/**
 * The embed as a news site uses it: a host page grows the iframe to the embed's height with the real Pym.js parent
 * library (from npm), with a Datawrapper-style listener, and with our own embed.js; the embed survives a sandboxed
 * iframe and hostile messages; the builder produces working code.
 */
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { ORIGIN, STEP_IDS, EN, localeData, waitForMapReady } from './helpers';

const require = createRequire(import.meta.url);
const PYM = readFileSync(require.resolve('pym.js/dist/pym.v1.min.js'), 'utf8');

test.use({ viewport: { width: 900, height: 700 } });

/**
 * A newsroom's page: served by a tiny server of its own on another origin (localhost, not the site's 127.0.0.1),
 * with no CSP of its own, and a 700 px wide article column.
 */
let hostServer: Server;
let hostOrigin = '';
test.beforeAll(async () => {
  hostServer = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Host</title>'));
  await new Promise<void>((r) => hostServer.listen(0, '127.0.0.1', r));
  hostOrigin = `http://localhost:${(hostServer.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => hostServer.close(() => r())));

async function host(page: Page, body: string) {
  await page.goto(`${hostOrigin}/article`);
  await page.setContent(`<!doctype html><html><body style="margin:0"><main style="width:700px">${body}</main></body></html>`);
}

async function embedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('mode=embed'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('mode=embed'))!;
  await frame.locator('[data-testid=map]').waitFor();
  return frame;
}

/** The embed's own content height, as the embed measures it. */
const contentHeight = (frame: Frame) => frame.locator('.embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));

test('the real Pym.js parent grows the iframe to the embed height, and the embed answers its width message', async ({ page }) => {
  await host(page, '<div id="graphic"></div>');
  await page.addScriptTag({ content: PYM });
  await page.evaluate((url) => {
    (window as unknown as { parent_: unknown }).parent_ = new (window as unknown as { pym: { Parent: new (id: string, url: string, o: object) => unknown } }).pym.Parent('graphic', url, {});
  }, `${ORIGIN}/?mode=embed&step=strikes-september`);
  const frame = await embedFrame(page);
  expect(new URL(frame.url()).searchParams.get('childId')).toBe('graphic');
  const iframe = page.locator('#graphic iframe');
  await expect.poll(async () => Math.abs((await iframe.evaluate((el) => el.getBoundingClientRect().height)) - (await contentHeight(frame)))).toBeLessThanOrEqual(2);
  const h = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  expect(h).toBeGreaterThan(500);
  // Content that changes height (a different step's text) is reported again.
  await frame.getByTestId('next').click();
  await expect.poll(async () => Math.abs((await iframe.evaluate((el) => el.getBoundingClientRect().height)) - (await contentHeight(frame)))).toBeLessThanOrEqual(2);
});

test('a Datawrapper-style listener and our own embed.js both size the iframe', async ({ page }) => {
  // The Datawrapper-style listener is on the page before the iframe loads (as a host's own script would be); our
  // embed.js is added after the embed has loaded, as an async script may be, and must still get the height.
  await host(
    page,
    `<script>
      window.addEventListener('message', (e) => {
        const d = e.data && e.data['datawrapper-height'];
        const frame = document.getElementById('dw');
        if (!d || e.source !== frame.contentWindow) return;
        for (const h of Object.values(d)) frame.style.height = h + 'px';
      });
    </script>
    <iframe id="dw" src="${ORIGIN}/?mode=embed&step=accord-2023" style="width:100%;height:150px;border:0"></iframe>
    <iframe id="own" data-iran-iraq-border src="${ORIGIN}/?mode=embed&step=border-length&lang=en" style="width:100%;height:150px;border:0"></iframe>`,
  );
  await page.addScriptTag({ url: `${ORIGIN}/embed.js` });
  const dw = page.locator('#dw');
  const own = page.locator('#own');
  await expect.poll(() => dw.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(500);
  await expect.poll(() => own.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(500);
  const frames = page.frames().filter((f) => f.url().includes('mode=embed'));
  for (const f of frames) {
    const id = new URL(f.url()).searchParams.get('step');
    const el = id === 'accord-2023' ? dw : own;
    await expect.poll(async () => Math.abs((await el.evaluate((x) => x.getBoundingClientRect().height)) - (await contentHeight(f)))).toBeLessThanOrEqual(2);
  }
});

test('height messages are sent on change only, not in a loop', async ({ page }) => {
  await host(page, `<iframe id="f" src="${ORIGIN}/?mode=embed&step=the-border" style="width:100%;height:900px;border:0"></iframe>`);
  await page.evaluate(() => {
    (window as unknown as { n: number }).n = 0;
    window.addEventListener('message', () => ((window as unknown as { n: number }).n += 1));
  });
  const frame = await embedFrame(page);
  await frame.locator('[data-testid=map][data-state=ready]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => (window as unknown as { n: number }).n);
  await page.waitForTimeout(2000);
  const after = await page.evaluate(() => (window as unknown as { n: number }).n);
  expect(after - before).toBe(0);
});

test('a single-step embed is static: no timeline, no step buttons, a link to the full explainer', async ({ page }) => {
  await page.goto('./?mode=embed&steps=accord-2023');
  await expect(page.locator('h2')).toHaveText(EN.steps['accord-2023']!.title);
  await expect(page.locator('[role=slider]')).toHaveCount(0);
  await expect(page.getByTestId('next')).toHaveCount(0);
  const link = page.getByRole('link', { name: EN.ui.openFull });
  expect(new URL((await link.getAttribute('href'))!).searchParams.get('step')).toBe('accord-2023');
});

// On embed.html (where the embed code points) the link once led to embed.html itself without a mode: the explainer,
// but with no intro and marked noindex. It leads to the explainer's page in the embed's language.
test('the embed’s link to the full story opens the explainer in the embed’s language, at its step', async ({ page }) => {
  const fa = localeData('fa');
  await page.goto('./embed.html?mode=embed&step=accord-2023&lang=fa');
  const href = (await page.getByRole('link', { name: fa.ui.openFull }).getAttribute('href'))!;
  const url = new URL(href);
  expect([url.pathname.split('/').pop(), url.search]).toEqual(['index.fa.html', '?step=accord-2023']);
  await page.goto(href);
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.intro h1')).toHaveText(fa.ui.siteTitle!);
  await expect(page.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  await expect(page.locator('meta[name=robots]')).toHaveCount(0);
});

test('a subset embed steps only through its steps', async ({ page }) => {
  await page.goto('./?mode=embed&steps=accord-2023,memorandum-2025');
  await expect(page.getByText('Step 1 of 2')).toBeVisible();
  await page.getByTestId('next').click();
  await expect(page.locator('[data-testid=map]')).toHaveAttribute('data-step', 'memorandum-2025');
  await expect(page.getByTestId('next')).toBeDisabled();
});

test('works inside a sandboxed iframe (allow-scripts only): no crash where storage, fullscreen or workers are refused', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource|Worker|SecurityError/i.test(m.text()) && errors.push(m.text()));
  await host(page, `<iframe id="s" sandbox="allow-scripts" src="${ORIGIN}/?mode=embed&step=strikes-november" style="width:100%;height:800px;border:0"></iframe>`);
  const frame = await embedFrame(page);
  await expect(frame.locator('h2')).toHaveText(EN.steps['strikes-november']!.title);
  // The map is drawn: by MapLibre if the browser allows its worker there, otherwise as SVG.
  await expect(frame.locator('[data-testid=map][data-state=ready], [data-testid=map][data-state=fallback]')).toBeAttached({ timeout: 30_000 });
  await expect(frame.locator('[data-testid=map] svg, [data-testid=map] canvas').first()).toBeAttached();
  await frame.getByTestId('next').click();
  await expect(frame.locator('[data-testid=map]')).toHaveAttribute('data-step', 'balancing');
  expect(errors).toEqual([]);
});

test('hostile and stray messages are ignored without errors; documented ones work', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await host(page, `<iframe id="f" src="${ORIGIN}/?mode=embed&step=the-border&childId=g1" style="width:100%;height:900px;border:0"></iframe>`);
  const frame = await embedFrame(page);
  const junk: unknown[] = [
    null, 42, 'hello', '<img src=x onerror=alert(1)>', [], [1, 2], {}, { type: 'iran-iraq-border:goto' },
    { type: 'iran-iraq-border:goto', step: '<script>alert(1)</script>' }, { type: 'iran-iraq-border:goto', step: 'nope' },
    { type: 'iran-iraq-border:goto', step: { toString: 1 } }, 'pymxPYMxg1xPYMxwidthxPYMx-5', 'pymxPYMxotherxPYMxwidthxPYMx600',
    'x'.repeat(100_000), { 'datawrapper-height': { g1: 10 } }, { __proto__: { type: 'iran-iraq-border:goto' } },
  ];
  await page.evaluate((items) => {
    const w = (document.getElementById('f') as HTMLIFrameElement).contentWindow!;
    for (const m of items) w.postMessage(m, '*');
  }, junk);
  await page.waitForTimeout(500);
  await expect(frame.locator('[data-testid=map]')).toHaveAttribute('data-step', 'the-border');
  await expect(frame.locator('img[src=x]')).toHaveCount(0);
  // The documented goto message works.
  await page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'iran-iraq-border:goto', step: 'accord-2023' }, '*'));
  await expect(frame.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  expect(errors).toEqual([]);
});

test('the builder makes embed code that shows the chosen step, and previews it live', async ({ page }) => {
  await page.goto('./builder.html?mode=builder');
  await page.getByRole('combobox', { name: EN.ui.builderStart }).selectOption('accord-2023');
  await page.getByRole('combobox', { name: EN.ui.language }).selectOption('en');
  await page.getByLabel(EN.ui['theme-dark']!).check();
  const code = await page.getByTestId('embed-code').inputValue();
  // embed.html: the page without the explainer's pre-rendered intro (next test).
  expect(code).toMatch(/src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?mode=embed&/);
  expect(code).toContain('step=accord-2023');
  expect(code).toContain('theme=dark');
  expect(code).toContain('embed.js');
  const preview = page.frameLocator('[data-testid=embed-preview]');
  await expect(preview.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.getByTestId('embed-preview').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(500);
  // Pasting the code into a host page works as-is.
  await host(page, code);
  const frame = await embedFrame(page);
  await expect(frame.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  await expect.poll(() => page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(500);
  await page.screenshot({ path: 'screenshots/embed-in-host.png', fullPage: true });
  expect(STEP_IDS).toContain('accord-2023');
});

// A CMS that strips scripts keeps the iframe at the height it was given. The embed grew to its content anyway, so a
// 700×520 frame cut the timeline and the step's text started below the frame. Fixed-height code now asks the embed to
// fit: map, step buttons, timeline and the start of the text in the frame; the text (then the link to the full
// explainer) scrolls in its own box.
test('fixed-height code from the builder fits its frame: controls, timeline and the step’s title in view, the text scrolls', async ({ page }) => {
  await page.goto('./builder.html?mode=builder');
  await page.getByRole('combobox', { name: EN.ui.builderStart }).selectOption('strikes-september');
  await page.getByLabel(EN.ui.builderAuto!).uncheck();
  const pixels = page.getByLabel(EN.ui.builderPixels!);
  for (const [width, height] of [
    [700, 520],
    [360, 560],
    [1000, 600],
  ] as const) {
    await pixels.fill(String(height));
    const code = (await page.getByTestId('embed-code').inputValue()).replace('width="100%"', `width="${width}"`).replace('width:100%', `width:${width}px`);
    expect(code).toContain('fit=1');
    await host(page, code);
    const frame = await embedFrame(page);
    await expect(frame.locator('[data-testid=map]')).toHaveAttribute('data-step', 'strikes-september');
    const box = await page.locator('iframe').boundingBox();
    expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([width, height]);
    // Everything a reader steps with, and the step's title, inside the frame; the page itself does not scroll.
    const inFrame = async (name: string, el: ReturnType<Frame['locator']>) => {
      const r = (await el.boundingBox())!;
      expect(r.y + r.height, `${name} at ${width}×${height}`).toBeLessThanOrEqual(height + 0.5);
    };
    await inFrame('slider', frame.getByRole('slider'));
    await inFrame('next', frame.getByTestId('next'));
    await inFrame('title', frame.locator('.text .title'));
    expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    // The rest of the step's text is there, in a box that scrolls to it.
    const text = frame.locator('.text');
    expect(await text.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
    await text.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await inFrame('last line', frame.locator('.text .card > :last-child'));
    await inFrame('full-story link, after the text', frame.getByRole('link', { name: EN.ui.openFull }));
    // A wide, short frame puts the text beside the map, which then has the frame's full height (under it, the map was
    // a strip too short to show the whole border); a narrow one stacks them.
    const [map, textBox] = [(await frame.locator('.map-box').boundingBox())!, (await text.boundingBox())!];
    if (width >= 640) {
      expect(Math.round(map.height), `${width}×${height}`).toBe(height);
      expect(textBox.x, `${width}×${height}`).toBeGreaterThanOrEqual(map.x + map.width - 1);
    } else expect(textBox.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    // A 600 px frame leaves the map too short for the open legend: it folds behind its button.
    if (height === 600) await expect(frame.locator('.legend').getByRole('button', { name: EN.ui.legend })).toBeVisible();
    await page.goto('./builder.html?mode=builder&step=strikes-september');
    await page.getByRole('combobox', { name: EN.ui.builderStart }).selectOption('strikes-september');
    await page.getByLabel(EN.ui.builderAuto!).uncheck();
  }
});

// index.html?mode=embed painted the explainer's headline, language and mode links inside the host's iframe until the
// script ran. embed.html, where the embed code points, has no intro in its HTML, and is not for search engines.
test('the embed page shows nothing of the explainer before the embed draws, then the embed', async ({ browser }) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const before = await noJs.newPage();
  await before.goto('./embed.html?mode=embed&step=accord-2023');
  await expect(before.locator('#app')).toBeEmpty();
  await expect(before.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
  await noJs.close();
  const index = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await index.goto('./');
  await expect(index.locator('h1')).toHaveText(EN.ui.siteTitle!);
  await expect(index.locator('meta[name=robots]')).toHaveCount(0);

  const page = await browser.newPage();
  await page.goto('./embed.html?mode=embed&step=accord-2023&lang=fa');
  await expect(page.locator('.embed [data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveCount(0);
});

// An embed set to theme=light on a reader's dark system painted dark until the app's script had loaded and run
// (seconds on a slow connection), then turned light. The page applies the host's choice before its first paint.
test('an embed set to a theme shows it from the first frame, before the app has loaded, on a system set the other way', async ({ browser }) => {
  for (const [scheme, theme, bg] of [['dark', 'light', 'rgb(255, 255, 255)'], ['light', 'dark', 'rgb(21, 25, 29)']] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    // Hold the app's script back: what shows meanwhile is the page's own first paint.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`./embed.html?mode=embed&step=accord-2023&theme=${theme}`, { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (document.body ? getComputedStyle(document.body).backgroundColor : ''))).toBe(bg);
    expect(await page.locator('[data-testid=map]').count()).toBe(0);
    release();
    await expect(page.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bg);
    await context.close();
  }
});

// The builder let the start step be one that "Only these steps" leaves out: the preview, and the code it gave, opened
// with "the link asked for a step that does not exist". The start list offers only the chosen steps, and a start
// the subset leaves out goes back to the first step.
test('the builder’s start step is always one of the chosen steps: no notice in the preview or in the pasted code', async ({ page }) => {
  const title = (id: string) => EN.steps[id]!.title;
  await page.goto('./builder.html?mode=builder');
  const start = page.getByRole('combobox', { name: EN.ui.builderStart });
  const code = page.getByTestId('embed-code');
  const preview = page.frameLocator('[data-testid=embed-preview]');
  await start.selectOption('the-border');
  await expect(code).toHaveValue(/&amp;step=the-border/);
  await page.getByRole('checkbox', { name: title('accord-2023') }).check();
  await page.getByRole('checkbox', { name: title('memorandum-2025') }).check();
  await expect(start).toHaveValue('');
  await expect(start.locator('option')).toHaveText([EN.ui.builderFirst!, title('accord-2023'), title('memorandum-2025')]);
  await expect(code).toHaveValue(/steps=accord-2023%2Cmemorandum-2025/);
  await expect(code).not.toHaveValue(/&amp;step=/);
  await expect(preview.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  await expect(preview.getByText('Step 1 of 2')).toBeVisible();
  await expect(preview.getByTestId('notices')).toHaveCount(0);
  // A start inside the subset is kept; unticking it sends the start back to the first step.
  await start.selectOption('memorandum-2025');
  await expect(code).toHaveValue(/&amp;step=memorandum-2025/);
  await expect(preview.locator('[data-testid=map]')).toHaveAttribute('data-step', 'memorandum-2025');
  await page.getByRole('checkbox', { name: title('memorandum-2025') }).uncheck();
  await expect(start).toHaveValue('');
  await expect(start.locator('option')).toHaveText([EN.ui.builderFirst!, title('accord-2023')]);
  await expect(code).not.toHaveValue(/memorandum-2025/);
  await expect(preview.locator('h2')).toHaveText(title('accord-2023'));
  await expect(preview.getByTestId('notices')).toHaveCount(0);
  // The code, pasted into a host page, opens without a notice too.
  await host(page, await code.inputValue());
  const frame = await embedFrame(page);
  await expect(frame.locator('[data-testid=map]')).toHaveAttribute('data-step', 'accord-2023');
  await expect(frame.getByTestId('notices')).toHaveCount(0);
});

// On the Arabic builder the code box was right to left, so the HTML read scrambled ('title="…"=iframe src=…<').
test('on a right-to-left builder page the embed code reads left to right, starting with <iframe', async ({ page }) => {
  await page.goto('./builder.html?mode=builder&lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const boxes = page.locator('textarea');
  await expect(boxes.first()).toHaveValue(/^<iframe/);
  for (const box of await boxes.all()) expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

// In a 360 px embed the full credits ran two lines across the map's foot, over the accord step's border where it
// reaches the Gulf. On a narrow map they are one line that still names both sources and GeoNames' licence.
test('in a phone-sized embed the map’s credits take one line and still name the sources and licence (Persian, 360×640)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('./embed.html?step=accord-2023&lang=fa');
  await waitForMapReady(page, 'accord-2023');
  const credits = page.locator('[data-testid=map] .maplibregl-ctrl-attrib');
  const text = (await credits.textContent()) ?? '';
  expect(text).toContain('Natural Earth');
  expect(text).toContain('GeoNames');
  expect(text).toContain('CC\u00a0BY\u00a04.0');
  const box = (await credits.boundingBox())!;
  const line = await credits.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 16);
  expect(box.height, 'one line').toBeLessThan(2 * line);
});

// A growing embed's map was 560 px tall at any width: at 1920 px, more than three times as wide as tall, the map
// (which cannot zoom out past the basemap's edges) cut off both ends of the border on the border-length step.
test('a wide embed’s map is at most twice as wide as tall, and the border-length step shows the whole border', async ({ page }) => {
  const border = JSON.parse(readFileSync('data/geo/border.geojson', 'utf8')) as { features: { geometry: { coordinates: number[][][] } }[] };
  const pts = border.features[0]!.geometry.coordinates.flat();
  const [north, south] = [pts.reduce((a, b) => (b[1]! > a[1]! ? b : a)), pts.reduce((a, b) => (b[1]! < a[1]! ? b : a))];
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await page.goto('./embed.html?mode=embed&step=border-length');
    const r = await waitForMapReady(page, 'border-length');
    const box = (await page.locator('[data-testid=map]').boundingBox())!;
    expect(box.width / box.height, `${size.width}: ${JSON.stringify(box)}`).toBeLessThanOrEqual(2.01);
    // Web Mercator at MapLibre's 512 px tiles, from the map's own centre and zoom.
    const [clon, clat] = r.center.split(',').map(Number) as [number, number];
    const scale = (512 * 2 ** Number(r.zoom)) / (2 * Math.PI);
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const px = ([lon, lat]: number[]): [number, number] => [box.width / 2 + scale * (((lon! - clon) * Math.PI) / 180), box.height / 2 - scale * (merc(lat!) - merc(clat))];
    for (const [name, p] of [['north end', north], ['south end', south]] as const) {
      const [x, y] = px(p);
      expect(x > 0 && x < box.width && y > 0 && y < box.height, `${size.width}: the border's ${name} at ${x}, ${y} in ${box.width}×${box.height}`).toBe(true);
    }
  }
});
