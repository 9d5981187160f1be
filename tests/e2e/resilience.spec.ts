/**
 * Resilience and security: the built site under its strict CSP (served as a header by `vite preview`, see
 * vite.config.ts) with no violation and no request to another origin in any mode; a lost WebGL context recovers or falls back; a missing or corrupt data file gives a message with a
 * retry; fuzzed URL parameters never break the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { EN, ORIGIN, STEP_IDS, mapLocator } from './helpers';

/** Records CSP violations from the moment the document starts. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

const MODES = ['', '?mode=present', '?mode=present&notes=1', '?mode=embed&step=strikes-november', '?mode=builder'];

for (const query of MODES) {
  test(`under the CSP header: map ready, no violation, no request off the origin (${query || 'explainer'})`, async ({ page }) => {
    const violations = await watchCsp(page);
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const res = await page.goto(`./${query}`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res!.headers()['content-security-policy']).not.toContain('unsafe-eval');
    await page.mouse.move(20, 20);
    await page.mouse.wheel(0, 300);
    if (!query.includes('notes=1') && !query.includes('builder')) {
      await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    } else if (query.includes('builder')) {
      await expect(page.frameLocator('[data-testid=embed-preview]').locator('[data-testid=map]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    }
    await page.waitForTimeout(500);
    expect(await violations()).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
  });
}

test('a lost WebGL context that comes back restores the map', async ({ page }) => {
  await page.goto('./?mode=present&step=accord-2023');
  await page.mouse.move(20, 20);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.evaluate(async () => {
    const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    ext.loseContext();
    await new Promise((r) => setTimeout(r, 500));
    ext.restoreContext();
  });
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.getByTestId('next').click();
  await expect(mapLocator(page)).toHaveAttribute('data-step', STEP_IDS[STEP_IDS.indexOf('accord-2023') + 1]!);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
});

test('a lost WebGL context that never comes back falls back to the SVG map, never a blank one', async ({ page }) => {
  await page.goto('./?mode=present&step=strikes-november');
  await page.mouse.move(20, 20);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.evaluate(() => {
    const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback', { timeout: 15_000 });
  await expect(page.locator('[data-testid=svg-map] svg')).toHaveAttribute('data-step', 'strikes-november');
});

for (const [what, reply] of [
  ['missing', { status: 404, body: 'not found' }],
  ['corrupt', { status: 200, body: '{"type": "FeatureCollection", "features": [' }],
] as const) {
  test(`a ${what} geodata file shows a clear message with a retry that works`, async ({ page }) => {
    let broken = true;
    await page.route(/basemap-overview-[\w-]+\.geojson$/, (route) => (broken ? route.fulfill({ ...reply, contentType: 'application/json' }) : route.continue()));
    await page.goto('./?step=accord-2023');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(EN.ui.geoErrorTitle!);
    await expect(alert).toContainText('basemap-overview.geojson');
    // The story still reads.
    await expect(page.locator('article.step[data-step-id=accord-2023] h2')).toHaveText(EN.steps['accord-2023']!.title);
    broken = false;
    await alert.getByRole('button', { name: EN.ui.retry }).click();
    await expect(alert).toHaveCount(0);
    await page.mouse.move(20, 20);
    await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  });

  test(`a ${what} full basemap (loaded with MapLibre) says so, keeps the first view's map and retries`, async ({ page }) => {
    let broken = true;
    // The full file's hashed name is basemap-<hash>.geojson; the overview's starts basemap-overview-.
    await page.route(/\/basemap-(?!overview-)[\w-]+\.geojson$/, (route) => (broken ? route.fulfill({ ...reply, contentType: 'application/json' }) : route.continue()));
    await page.goto('./?step=accord-2023');
    await expect(page.locator('[data-testid=svg-map] svg')).toHaveAttribute('data-step', 'accord-2023');
    await page.mouse.move(20, 20);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('basemap.geojson');
    // The SVG map stays, with the overview's land: never a blank map.
    await expect(page.locator('[data-testid=svg-map] svg')).toBeVisible();
    expect(await page.locator('[data-testid=svg-map] svg path').count()).toBeGreaterThan(10);
    broken = false;
    await alert.getByRole('button', { name: EN.ui.retry }).click();
    await expect(alert).toHaveCount(0);
    await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  });
}

/** A small deterministic generator, so a failure can be replayed. */
function* fuzz(seed: number, n: number): Generator<string> {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pieces = ['step', 'steps', 'mode', 'lang', 'theme', 'notes', 'childId', 'initialWidth', '__proto__', 'constructor'];
  const values = [
    '9999', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', ',,', ',', '%00', '%E0%A4%A',
    'xx', 'present', 'embed', 'builder', 'bogus', 'dark', 'light', 'auto', 'ar', 'fa', 'ckb', '../../etc/passwd', 'a'.repeat(3000),
    ...STEP_IDS, STEP_IDS.join(','), `${STEP_IDS[0]},${STEP_IDS[0]}`, '1', '0', '-1', 'NaN', '🙂', 'ي', '%%%',
  ];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const k = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) parts.push(`${pieces[Math.floor(rnd() * pieces.length)]}=${values[Math.floor(rnd() * values.length)]}`);
    yield `?${parts.join('&')}`;
  }
}

test('fuzzed and hostile URL parameters: the page always renders, explains what it ignored, and injects nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  await page.addInitScript(() => {
    (window as unknown as { alert: () => void }).alert = () => {
      throw new Error('alert was called: something from the URL ran as code');
    };
  });
  const fixed = ['?step=9999', '?step=<script>alert(1)</script>', '?lang=xx', '?mode=bogus', '?steps=,,', '?theme=%00'];
  for (const q of [...fixed, ...fuzz(7, 30)]) {
    await page.goto(`./${q}`);
    // Every mode renders a heading or the map; nothing from the URL becomes markup.
    await expect(page.locator('h1, h2').first()).toBeVisible();
    expect(await page.locator('img[src=x], script:not([src])').count(), q).toBe(0);
  }
  for (const q of fixed.slice(0, 5)) {
    await page.goto(`./${q}`);
    await expect(page.getByTestId('notices'), q).toBeVisible();
  }
  // Each says what it did instead, in words of its own (the reader learns why the page differs from the link).
  for (const [q, key] of [
    ['?mode=embed&fit=yes', 'noticeFit'],
    ['?mode=embed&steps=the-border,strikes-september&step=accord-2023', 'noticeStepOutside'],
    ['?mode=embed&steps=', 'noticeStepsNone'],
  ] as const) {
    await page.goto(`./${q}`);
    await expect(page.getByTestId('notices'), q).toContainText(EN.ui[key]!);
  }
  expect(errors).toEqual([]);
});
