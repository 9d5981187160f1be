/**
 * Names on the map: each step names the places it talks about. A step's towns and the areas its strikes hit are
 * read back from MapLibre (data-named: the names it actually placed, after collisions), in the three modes and in
 * three languages, so a name lost to a collision fails here, not in a classroom.
 */
import { expect, test } from '@playwright/test';
import { EVENTS, STEPS, asSet, mapLocator, waitForMapReady } from './helpers';

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
