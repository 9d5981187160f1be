/**
 * Without WebGL (old devices, locked-down browsers): the SVG map tells every step with its events, and MapLibre is
 * never even downloaded.
 */
import { expect, test } from '@playwright/test';
import { CHROME_ARGS, CHROME_PATH } from './browser';
import { EN, EVENTS, PLACES, STEPS, mapLocator } from './helpers';

test.use({ launchOptions: { executablePath: CHROME_PATH, args: [...CHROME_ARGS, '--disable-webgl', '--disable-3d-apis'] } });

test('the SVG map tells every step, with its events, and MapLibre is never downloaded', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('./?mode=present');
  // The reader's first move starts the upgrade, which finds no WebGL and keeps the SVG map for good.
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
  for (const [i, step] of STEPS.entries()) {
    if (i > 0) await page.getByTestId('next').click();
    const svg = page.locator('[data-testid=svg-map] svg');
    await expect(svg).toHaveAttribute('data-step', step.id);
    await expect(page.locator('h1')).toHaveText(EN.steps[step.id]!.title);
    expect((await svg.getAttribute('data-current-events'))!.split(',').filter(Boolean).sort()).toEqual([...step.highlight.events].sort());
    expect(await svg.locator('path').count()).toBeGreaterThan(20);
  }
  await page.screenshot({ path: 'screenshots/no-webgl-present.png' });
  expect(requests.filter((u) => /controller|maplibre/i.test(u))).toEqual([]);
});

test('events on the SVG map open their details', async ({ page }) => {
  await page.goto('./?mode=present&step=strikes-september');
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
  await page.locator('[data-testid=svg-map] circle.clickable').first().click();
  await expect(page.locator('dialog[open] h2')).toBeVisible();
});

// Names on a projected slide were 12–15 px, unreadable from the back of a room: the presentation draws them larger
// (1.5× on a 1920 px screen), the explainer at the usual size.
test('the presentation’s map names are sized for a room; the explainer’s are not', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const koyaSize = async () => Number(await page.locator('[data-testid=svg-map] svg text', { hasText: /^Koya$/ }).first().getAttribute('font-size'));
  await page.goto('./present.html?step=strikes-september');
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
  expect(await koyaSize()).toBeCloseTo(15 * 1.5, 1);
  await page.goto('./?step=strikes-september');
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
  expect(await koyaSize()).toBe(15);
});

// The legend, the credits and the no-WebGL note sit over the SVG map. A name under them was cut ("SAUDI ARABIA" under
// the open legend): other places' names keep out from under them, as on the MapLibre map; the step's own never give way.
test('no name on the SVG map runs under the legend, the credits or the note, except the step’s own (present, 1280×800)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./present.html');
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
  const under: string[] = [];
  for (const [i, step] of STEPS.entries()) {
    if (i > 0) await page.keyboard.press('PageDown');
    await expect(page.locator('[data-testid=svg-map] svg')).toHaveAttribute('data-step', step.id);
    await page.waitForTimeout(300);
    const own = new Set([...step.highlight.places, ...step.highlight.events.map((id) => EVENTS.find((e) => e.id === id)!.placeId)].map((id) => PLACES.find((p) => p.id === id)?.names.en));
    const found = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('[data-map-overlay], [data-testid=map] .svg-attrib, [data-testid=map] .fallback-note')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      // Names are the map's text drawn with pointer-events none (the scale bar's label is not a name).
      return [...document.querySelectorAll('[data-testid=svg-map] svg text[pointer-events=none]')]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return boxes.some((b) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom);
        })
        .map((t) => t.textContent ?? '');
    });
    for (const name of found) if (!own.has(name)) under.push(`${step.id}: ${name}`);
  }
  expect(under).toEqual([]);
});

// The no-WebGL note covers the top of the map. In a 360 px embed it hid the accord step's own Haji Omaran crossing,
// name and dot: the step's places are fitted below it, so none of them is under the note, on any step. And every one
// of them is named (Koya, the deadline step's, once lost name and dot to "Dukan").
test('every place the step names is named, and none is under the no-WebGL note (embed, 360×640, English and Persian)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 640 });
  const under: string[] = [];
  for (const [lang, step] of (['en', 'fa'] as const).flatMap((l) => STEPS.map((st) => [l, st] as const))) {
    await page.goto(`./embed.html?step=${step.id}&lang=${lang}`);
    await page.mouse.move(5, 5);
    await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
    const svg = page.locator('[data-testid=svg-map] svg');
    await expect(svg).toHaveAttribute('data-step', step.id);
    const own = step.highlight.places.map((id) => PLACES.find((p) => p.id === id)!.names[lang]);
    const found = await page.evaluate((names) => {
      const note = document.querySelector('[data-testid=map] .fallback-note')!.getBoundingClientRect();
      const hit = (r: DOMRect) => r.left < note.right && note.left < r.right && r.top < note.bottom && note.top < r.bottom;
      const texts = [...document.querySelectorAll('[data-testid=svg-map] svg text[pointer-events=none]')];
      return names.filter((n) => {
        const t = texts.find((x) => x.textContent === n);
        return !t || hit(t.getBoundingClientRect());
      });
    }, own);
    under.push(...found.map((n) => `${step.id} (${lang}): ${n}`));
  }
  expect(under).toEqual([]);
});

// A reader matches the map's symbols with the legend's: the SVG map drew border crossings at a town dot's size (2.5 px)
// while the legend (and the MapLibre map) draw them at 5 px.
test('the SVG map draws border crossings as the legend does', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./present.html?step=accord-2023');
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
  await expect(page.locator('[data-testid=svg-map] svg')).toHaveAttribute('data-step', 'accord-2023');
  const swatch = page.locator('[data-map-overlay] li', { hasText: /border crossing/i }).locator('circle');
  await expect(swatch).toHaveCount(1);
  const [fill, r, halo] = await Promise.all(['fill', 'r', 'stroke-width'].map((a) => swatch.getAttribute(a)));
  const dots = page.locator(`[data-testid=svg-map] svg circle[fill="${fill}"]`);
  await expect(dots).toHaveCount(3);
  for (const d of await dots.all()) {
    expect(await d.getAttribute('r')).toBe(r);
    expect(await d.getAttribute('stroke-width')).toBe(halo);
  }
});

// The Persian credits run long: at 768 px the SVG map's credits line covered its scale bar (a narrow map's was lifted
// already, a wider one's not).
test('the scale bar stays clear of the credits, on a narrow map and where the credits line is long', async ({ page }) => {
  for (const [url, size] of [
    ['./index.fa.html?step=border-length', { width: 768, height: 1024 }],
    ['./index.html?step=accord-2023', { width: 1350, height: 940 }],
    ['./embed.html?mode=embed&step=accord-2023&lang=ar', { width: 360, height: 640 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto(url);
    await page.mouse.move(5, 5);
    await expect(mapLocator(page)).toHaveAttribute('data-state', 'fallback');
    const [bar, credits] = [(await page.locator('.scale-bar').boundingBox())!, (await page.locator('.svg-attrib').boundingBox())!];
    const where = `${url} ${size.width}: bar ${JSON.stringify(bar)}, credits ${JSON.stringify(credits)}`;
    const apart = bar.y + bar.height <= credits.y + 0.5 || bar.x + bar.width <= credits.x + 0.5 || credits.x + credits.width <= bar.x + 0.5;
    expect(apart, where).toBe(true);
  }
});

