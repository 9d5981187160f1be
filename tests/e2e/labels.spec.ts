/**
 * Names on the map: each step names the places it talks about. A step's towns and the areas its strikes hit are
 * read back from MapLibre (data-named: the names it actually placed, after collisions), in the three modes and in
 * three languages, so a name lost to a collision fails here, not in a classroom. And no name is left cut in half by
 * the map's edge.
 */
import { expect, test } from '@playwright/test';
import { EN, EVENTS, PLACES, STEPS, asSet, bboxOnScreen, mapLocator, parseCenter, pngPixels, rgbAt, waitForMapReady } from './helpers';

const placeOf = new Map(EVENTS.map((e) => [e.id, e.placeId]));

// Koya lost its name to Erbil's dot, and Sulaymaniyah its own, in a phone-sized embed: at 0.6 em above or below, a
// highlighted town's larger dot was inside its name's box, so such towns could only be named beside their dots. Then,
// named above its dot, Sulaymaniyah took the place of "Zrgwez", the area that step's strike hit.
const SHAPES = [
  { mode: 'present', page: 'present.html', lang: 'en', width: 1280, height: 800 },
  { mode: 'explainer', page: '', lang: 'ar', width: 390, height: 844 },
  { mode: 'embed', page: 'embed.html', lang: 'fa', width: 700, height: 520 },
] as const;

for (const s of SHAPES) {
  test(`every step names its towns and its strikes' places on the map (${s.mode}, ${s.lang}, ${s.width}×${s.height})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: s.width, height: s.height });
    const missing: string[] = [];
    await page.goto(`./${s.page}?step=${STEPS[0]!.id}&lang=${s.lang}`);
    for (const [i, step] of STEPS.entries()) {
      // As a teacher and a news reader go: the next step by key or button. The explainer's deep link is the reader's
      // way to one step (scrolling there would fly through the others first).
      if (s.mode === 'explainer') await page.goto(`./?step=${step.id}&lang=${s.lang}`);
      else if (i > 0 && s.mode === 'present') await page.keyboard.press('PageDown');
      else if (i > 0) await page.getByTestId('next').click();
      await waitForMapReady(page, step.id);
      // Read when the page is idle after the map is (empty until then): every step names something.
      await expect(mapLocator(page)).not.toHaveAttribute('data-named', '');
      const named = asSet((await mapLocator(page).getAttribute('data-named')) ?? '');
      const wanted = new Set([...step.highlight.places, ...step.highlight.events.map((id) => placeOf.get(id)!)]);
      for (const id of wanted) if (!named.includes(id)) missing.push(`${step.id}: ${id}`);
    }
    expect(missing).toEqual([]);
  });
}

// MapLibre places a name whose box runs off the map ("Tehra" at the presentation's map edge on the accord step, whose
// view is the whole border). Once the map settles such a name is hidden, with its dot (controller.ts, hideCutNames).
test('a name the map’s edge would cut is not drawn (presentation, accord-2023, 1280×800)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./present.html?step=accord-2023&lang=en');
  const map = await waitForMapReady(page, 'accord-2023');
  await expect(mapLocator(page)).not.toHaveAttribute('data-named', '');
  const named = asSet((await mapLocator(page).getAttribute('data-named')) ?? '');
  expect(named).toContain('baghdad');
  expect(named).not.toContain('tehran');

  // What the reader sees: no dark text pixels between Tehran's dot and the map's right edge, on the dot's line.
  const canvas = page.locator('[data-testid=map] canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const tehran = PLACES.find((p) => p.id === 'tehran')!;
  const at = bboxOnScreen([tehran.lon, tehran.lat, tehran.lon, tehran.lat], parseCenter(map.center), Number(map.zoom), box);
  expect(at.left, 'Tehran lies inside the map, near its right edge').toBeGreaterThan(box.width - 120);
  expect(at.left).toBeLessThan(box.width);
  const clip = { x: box.x + at.left - 8, y: box.y + at.top - 12, width: box.width - at.left + 8, height: 24 };
  const px = await pngPixels(page, await page.screenshot({ clip }));
  let dark = 0;
  // The light theme's names and dots are #222; the land there is near white.
  for (let i = 0; i < px.data.length; i += 4) if (px.data[i]! + px.data[i + 1]! + px.data[i + 2]! < 3 * 110) dark++;
  expect(dark, 'dark (text or dot) pixels from Tehran to the map’s edge').toBe(0);
});

// The accord step is about three border crossings close together. In a phone-sized embed, a crossing's name once hid
// the next crossing's dot (dots were a circle layer, no obstacle to names), and a two-line name left no room for the
// third. Each crossing must be named, and its dot drawn where it is, in the crossings' green.
test('a phone-sized embed names the accord’s three crossings, each by its own drawn dot (en, 360×640)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('./embed.html?step=accord-2023&lang=en');
  const map = await waitForMapReady(page, 'accord-2023');
  await expect(mapLocator(page)).not.toHaveAttribute('data-named', '');
  const named = asSet((await mapLocator(page).getAttribute('data-named')) ?? '');
  const crossings = PLACES.filter((p) => p.kind === 'crossing');
  expect(crossings.map((c) => c.id).sort()).toEqual(['crossing-bashmaq', 'crossing-haji-omaran', 'crossing-parviz-khan']);
  for (const c of crossings) expect(named, c.id).toContain(c.id);

  const canvas = page.locator('[data-testid=map] canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  for (const c of crossings) {
    const at = bboxOnScreen([c.lon, c.lat, c.lon, c.lat], parseCenter(map.center), Number(map.zoom), box);
    const rgb = rgbAt(await pngPixels(page, await page.screenshot({ clip: { x: box.x + at.left - 1, y: box.y + at.top - 1, width: 3, height: 3 } })), 1, 1);
    // The light theme's crossing green, #009e73.
    expect(Math.abs(rgb[0]! - 0x00) + Math.abs(rgb[1]! - 0x9e) + Math.abs(rgb[2]! - 0x73), `${c.id} dot colour ${rgb.join(',')}`).toBeLessThan(40);
  }
});

// Opening the legend covers part of a small map with no camera move, so nothing else would say the names under it
// are now cut: the map watches the legend's size. Closing it brings those names back. The step's own names stay.
test('names the open legend covers are hidden, and come back when it closes (embed, en, 360×640)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('./embed.html?step=the-border&lang=en');
  await waitForMapReady(page, 'the-border');
  const named = async () => asSet((await mapLocator(page).getAttribute('data-named')) ?? '');
  await expect.poll(named).toContain('urmia');
  const before = await named();
  const toggle = page.locator('.legend').getByRole('button', { name: EN.ui.legend });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // Urmia and Kirkuk lie under the open legend at this size.
  await expect.poll(named, { timeout: 10_000 }).not.toContain('urmia');
  const open = await named();
  expect(open).not.toContain('kirkuk');
  expect(open.length).toBeGreaterThan(0);
  for (const id of STEPS.find((s) => s.id === 'the-border')!.highlight.places) expect(open, `${id}, the step's own`).toContain(id);
  await toggle.click();
  await expect.poll(named, { timeout: 10_000 }).toEqual(before);
});
