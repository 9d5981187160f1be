/**
 * The timeline slider and step buttons: the ways through the story that are not scrolling. Keyboard, buttons,
 * dragging or clicking a date, play/pause, and reduced motion (nothing moves by itself).
 */
import { expect, test, type Page } from '@playwright/test';
import {
  EN,
  EVENTS,
  STEPS,
  STEP_IDS,
  activeCardId,
  asSet,
  card,
  gotoSite,
  localeData,
  readMap,
  readingLineFraction,
  scrollToStory,
  slider,
  stepById,
  urlStep,
  waitForMapReady,
} from './helpers';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
];

const DAY = 864e5;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "29 September 2022: Missiles and drones …" → { day: '2022-09-29', title: 'Missiles and drones …' }. */
function parseValueText(text: string | null): { day: string; title: string } {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4}): (.+)$/.exec(text ?? '');
  expect(m, `aria-valuetext "${text}" reads "<day> <Month> <year>: <step title>"`).toBeTruthy();
  const month = MONTHS.indexOf(m![2]!) + 1;
  expect(month, `month name in "${text}"`).toBeGreaterThan(0);
  const day = `${m![3]}-${String(month).padStart(2, '0')}-${m![1]!.padStart(2, '0')}`;
  return { day, title: m![4]! };
}

/** The slider names the step shown and a date that belongs to it (inside its date range, for dated steps). */
async function expectSliderOn(page: Page, stepId: string): Promise<void> {
  const step = stepById(stepId);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', new RegExp(`: ${escapeRe(EN.steps[stepId]!.title)}$`));
  const { day } = parseValueText(await slider(page).getAttribute('aria-valuetext'));
  if (step.date) {
    expect(day >= step.date.start, `slider date ${day} on or after ${step.id} starts (${step.date.start})`).toBe(true);
    expect(day <= (step.date.end ?? step.date.start), `slider date ${day} not after ${step.id} ends`).toBe(true);
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** After a control moved the story, the page scrolls so that step's card is the active one, and stays there. */
async function expectCardActive(page: Page, stepId: string): Promise<void> {
  await expect(card(page, stepId)).toHaveAttribute('aria-current', 'step');
  const frac = readingLineFraction(page);
  // The card really is where the page's own rule puts the active one: its top above the reading line, the next
  // card's top below it.
  await expect
    .poll(
      async () =>
        page.evaluate(
          ({ id, frac }) => {
            const cards = [...document.querySelectorAll<HTMLElement>('article.step')];
            const i = cards.findIndex((c) => c.dataset.stepId === id);
            const line = window.innerHeight * frac;
            const topOk = cards[i]!.getBoundingClientRect().top < line;
            const next = cards[i + 1];
            const nextOk = !next || next.getBoundingClientRect().top >= line;
            return topOk && nextOk ? 'at the reading line' : `card top ${Math.round(cards[i]!.getBoundingClientRect().top)}, line ${Math.round(line)}`;
          },
          { id: stepId, frac },
        ),
      { timeout: 10_000 },
    )
    .toBe('at the reading line');
}

/** Where a calendar day sits on the slider, from the axis the page drew (year ticks are 1 January). */
async function xForDay(page: Page, day: string): Promise<{ x: number; y: number }> {
  const svg = slider(page).locator('svg');
  const ticks = await svg.locator('g.axis g.tick').evaluateAll((gs) =>
    gs.map((g) => {
      const m = /translate\(([-\d.]+)/.exec(g.getAttribute('transform') ?? '');
      return { x: Number(m?.[1]), label: g.textContent?.trim() ?? '' };
    }),
  );
  const years = ticks.filter((t) => /^\d{4}$/.test(t.label) && Number.isFinite(t.x));
  expect(years.length, 'year ticks on the timeline axis').toBeGreaterThanOrEqual(2);
  const a = years[0]!;
  const b = years[years.length - 1]!;
  const ta = utc(`${a.label}-01-01`);
  const tb = utc(`${b.label}-01-01`);
  const pxPerDay = (b.x - a.x) / ((tb - ta) / DAY);
  expect(pxPerDay, 'the axis runs left to right in English').toBeGreaterThan(0);
  const box = (await svg.boundingBox())!;
  const axisY = await svg.locator('g.axis').evaluate((g) => Number(/translate\([^,]+,([-\d.]+)/.exec(g.getAttribute('transform') ?? '')?.[1]));
  return { x: box.x + a.x + ((utc(day) - ta) / DAY) * pxPerDay, y: box.y + (Number.isFinite(axisY) ? axisY : box.height / 2) };
}

/**
 * Opens the story on a step with the sticky map and its controls fully on screen (on the first step that means
 * scrolling to the top of the story section, which keeps the first card active).
 */
async function start(page: Page, stepId = STEP_IDS[0]!): Promise<void> {
  await gotoSite(page, stepId === STEP_IDS[0] ? './' : `./?step=${stepId}`);
  await waitForMapReady(page, stepId);
  // Let any load-time scrolling settle before driving the controls.
  await page.waitForTimeout(800);
  if (stepId === STEP_IDS[0]) {
    await scrollToStory(page);
    await page.waitForTimeout(300);
    await waitForMapReady(page, stepId);
  }
  await expect(slider(page)).toBeInViewport({ ratio: 1 });
}

/** Keyboard focus without the browser's scroll-into-view (the test drives the keys, not the focus scroll). */
const focusSlider = (page: Page) => slider(page).evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));

const september = STEPS.find((s) => s.id === 'strikes-september')!;
const november = STEPS.find((s) => s.id === 'strikes-november')!;

for (const size of SIZES) {
  test.describe(`slider at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('arrow keys step through the story, Home and End jump to the ends', async ({ page }) => {
      test.setTimeout(120_000);
      await start(page);
      const historyLength = await page.evaluate(() => history.length);
      await focusSlider(page);
      await expectSliderOn(page, STEP_IDS[0]!);

      await page.keyboard.press('ArrowRight');
      await waitForMapReady(page, STEP_IDS[1]!);
      await expectSliderOn(page, STEP_IDS[1]!);
      await expectCardActive(page, STEP_IDS[1]!);
      await expect(page.getByTestId('announcer')).toHaveText(
        EN.ui.announceStep!.replace('{n}', '2').replace('{total}', String(STEPS.length)).replace('{title}', EN.steps[STEP_IDS[1]!]!.title),
      );
      // Still there once the page has finished scrolling (the scroll must not pull the story elsewhere).
      await page.waitForTimeout(1500);
      expect((await readMap(page)).step).toBe(STEP_IDS[1]);
      await expect.poll(() => urlStep(page)).toBe(STEP_IDS[1]);

      await page.keyboard.press('ArrowLeft');
      await waitForMapReady(page, STEP_IDS[0]!);
      await expectSliderOn(page, STEP_IDS[0]!);
      await expectCardActive(page, STEP_IDS[0]!);

      const last = STEP_IDS[STEP_IDS.length - 1]!;
      expect(last).toBe('border-length');
      await page.keyboard.press('End');
      const rEnd = await waitForMapReady(page, last);
      await expectSliderOn(page, last);
      await expectCardActive(page, last);
      expect(asSet(rEnd.layers)).toEqual([...stepById(last).layers].sort());
      await page.waitForTimeout(1500);
      expect((await readMap(page)).step, 'End stays on the last step after the page scrolls').toBe(last);

      await page.keyboard.press('Home');
      await waitForMapReady(page, STEP_IDS[0]!);
      await expectSliderOn(page, STEP_IDS[0]!);
      await expectCardActive(page, STEP_IDS[0]!);
      await page.waitForTimeout(1500);
      expect((await readMap(page)).step, 'Home stays on the first step after the page scrolls').toBe(STEP_IDS[0]);
      expect(await page.evaluate(() => history.length), 'no history entries from stepping').toBe(historyLength);
    });

    test('tabbing to the step controls and the slider does not change the step by itself', async ({ page }) => {
      await gotoSite(page, './');
      await waitForMapReady(page, STEP_IDS[0]!);
      await page.waitForTimeout(800);
      const seen: string[] = [];
      let onSlider = false;
      for (let i = 0; i < 40 && !onSlider; i++) {
        await page.keyboard.press('Tab');
        await page.waitForTimeout(300);
        const { focused, step } = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          const label = a?.getAttribute('data-testid') ?? a?.getAttribute('role') ?? a?.getAttribute('aria-label') ?? a?.textContent?.trim().slice(0, 30) ?? '';
          return { focused: `${a?.tagName.toLowerCase()} "${label}"`, step: document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.step ?? '' };
        });
        seen.push(`${focused} → ${step}`);
        onSlider = focused.includes('"slider"');
      }
      expect(onSlider, `Tab reaches the slider:\n${seen.join('\n')}`).toBe(true);
      // Scroll handling is asynchronous: give it time, then check nothing moved the story.
      await page.waitForTimeout(1000);
      const steps = seen.map((s) => s.split(' → ')[1]);
      expect(
        steps.every((s) => s === STEP_IDS[0]) && (await readMap(page)).step === STEP_IDS[0],
        `focus alone must not move the story off ${STEP_IDS[0]}; Tab order and step:\n${seen.join('\n')}`,
      ).toBe(true);
    });

    test('Next and Previous buttons move one step and stop at the ends', async ({ page }) => {
      test.setTimeout(120_000);
      await start(page);
      const prev = page.getByTestId('prev');
      const next = page.getByTestId('next');
      await expect(prev).toBeDisabled();
      await next.click();
      await waitForMapReady(page, STEP_IDS[1]!);
      await next.click();
      await waitForMapReady(page, STEP_IDS[2]!);
      await expectCardActive(page, STEP_IDS[2]!);
      await expectSliderOn(page, STEP_IDS[2]!);
      await prev.click();
      await waitForMapReady(page, STEP_IDS[1]!);
      await expectCardActive(page, STEP_IDS[1]!);
      await page.waitForTimeout(1500);
      expect((await readMap(page)).step).toBe(STEP_IDS[1]);

      await start(page, STEP_IDS[STEP_IDS.length - 1]!);
      await expect(page.getByTestId('next')).toBeDisabled();
      await expect(page.getByTestId('prev')).toBeEnabled();
    });

    test('clicking a date between the September and November strikes shows only the September strikes', async ({ page }) => {
      await start(page);
      const target = '2022-10-20';
      expect(target > (september.date!.end ?? september.date!.start) && target < november.date!.start).toBe(true);
      const { x, y } = await xForDay(page, target);
      await page.mouse.click(x, y);
      const r = await waitForMapReady(page, september.id);
      expect(asSet(r.currentEvents), 'highlighted strikes on 20 October 2022').toEqual([...september.highlight.events].sort());
      const { day, title } = parseValueText(await slider(page).getAttribute('aria-valuetext'));
      expect(title).toBe(EN.steps[september.id]!.title);
      // The handle is where it was put (a pixel is a few days on a phone), not snapped back to the step's date.
      expect(Math.abs(utc(day) - utc(target)) / DAY, `slider date ${day} vs clicked ${target}`).toBeLessThanOrEqual(6);
      await expectCardActive(page, september.id);
      await page.waitForTimeout(1500);
      const after = await readMap(page);
      expect(after.step, 'still on the September strikes after the page scrolled to their card').toBe(september.id);
      expect(asSet(after.currentEvents)).toEqual([...september.highlight.events].sort());
    });

    test('dragging the handle through time follows the strikes as they happened', async ({ page }) => {
      test.setTimeout(120_000);
      await start(page);
      const from = await xForDay(page, '2022-09-03');
      const mid = await xForDay(page, '2022-10-20');
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(mid.x, mid.y, { steps: 12 });
      await page.mouse.up();
      const r = await waitForMapReady(page, september.id);
      expect(asSet(r.currentEvents)).toEqual([...september.highlight.events].sort());

      // On 16 November 2022 only the strikes of 14 November had happened: the later November ones are not shown yet.
      const day = '2022-11-16';
      const shown = november.highlight.events.filter((id) => EVENTS.find((e) => e.id === id)!.date.start <= day);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(november.highlight.events.length);
      const start2 = await xForDay(page, '2022-10-20');
      const end2 = await xForDay(page, day);
      await page.mouse.move(start2.x, start2.y);
      await page.mouse.down();
      await page.mouse.move(end2.x, end2.y, { steps: 8 });
      await page.mouse.up();
      const r2 = await waitForMapReady(page, november.id);
      const { day: shownDay } = parseValueText(await slider(page).getAttribute('aria-valuetext'));
      // A phone's pixel is several days; only assert the split if the handle landed between 14 and 20 November.
      expect(shownDay >= '2022-11-14' && shownDay < '2022-11-20', `handle landed on ${shownDay}`).toBe(true);
      expect(asSet(r2.currentEvents), `strikes highlighted on ${shownDay}`).toEqual([...shown].sort());
    });
  });
}

test.describe('play', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('play advances a step within about 6 s, pause stops it', async ({ page }) => {
    test.setTimeout(120_000);
    await start(page);
    // Every step the map shows from here on, with the time since Play was pressed.
    await page.evaluate(() => {
      const w = window as unknown as { __steps: string[]; __t0: number };
      w.__steps = [];
      w.__t0 = 0;
      const m = document.querySelector<HTMLElement>('[data-testid=map]')!;
      new MutationObserver(() => {
        const last = w.__steps[w.__steps.length - 1];
        const step = m.dataset.step ?? '';
        if (!last?.endsWith(` ${step}`)) w.__steps.push(`${Math.round(performance.now() - w.__t0)}ms ${step}`);
      }).observe(m, { attributes: true, attributeFilter: ['data-step'] });
    });
    const log = () => page.evaluate(() => (window as unknown as { __steps: string[] }).__steps.join(', '));
    const play = page.locator('button.play');
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    await page.evaluate(() => ((window as unknown as { __t0: number }).__t0 = performance.now()));
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(async () => `${(await readMap(page)).step} (steps shown: ${await log()}; play ${await play.getAttribute('aria-pressed')})`, {
        // 5 s per step, plus slack for a loaded machine (SwiftShader shares the CPU with the page's main thread).
        timeout: 8_000,
        message: 'play moves to the second step (5 s per step)',
      })
      .toMatch(new RegExp(`^${STEP_IDS[1]} `));
    await waitForMapReady(page, STEP_IDS[1]!);
    await expectCardActive(page, STEP_IDS[1]!);
    const steps = (await log()).split(', ').map((e) => e.split(' ')[1]);
    expect(steps, `steps shown while playing: ${await log()}`).toEqual(STEP_IDS.slice(1, steps.length + 1));

    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    const at = (await readMap(page)).step;
    await page.waitForTimeout(7_000);
    expect((await readMap(page)).step, `paused: no further steps (${await log()})`).toBe(at);
    expect(await activeCardId(page)).toBe(at);
  });

  // The Sorani label (پەخشکردن) squeezed the triangle to 0 px; the button also changed width between Play and Pause.
  test('the play button shows its icon and keeps its width as it turns into pause, in every language', async ({ page }) => {
    for (const lang of ['en', 'ar', 'fa', 'ckb']) {
      await page.goto(`./?lang=${lang}&step=${STEP_IDS[STEP_IDS.length - 2]}`);
      const play = page.locator('button.play');
      await expect(play).toBeVisible();
      const icon = async () => (await play.locator('svg').boundingBox())!.width;
      const width = async () => (await play.boundingBox())!.width;
      expect(await icon(), lang).toBeGreaterThanOrEqual(15);
      const before = await width();
      await play.click();
      await expect(play).toHaveAttribute('aria-pressed', 'true');
      expect(await icon(), lang).toBeGreaterThanOrEqual(15);
      expect(Math.abs((await width()) - before), lang).toBeLessThan(0.5);
      // The accessible name is the word shown, not both.
      await expect(play).toHaveAccessibleName(localeData(lang).ui.pause!);
      await play.click();
      await expect(play).toHaveAccessibleName(localeData(lang).ui.play!);
    }
  });

  test('with reduced motion nothing advances by itself', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await start(page);
    const before = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(7_000);
    expect((await readMap(page)).step).toBe(STEP_IDS[0]);
    expect(await activeCardId(page)).toBe(STEP_IDS[0]);
    await expect(page.locator('button.play')).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => window.scrollY), 'the page did not scroll by itself').toBe(before);
  });
});

// The dashed line at the current date ran up through the marker labels: the labels' halo hid it only on the glyphs,
// and between Persian letters its dashes read as vowel marks ("حملاتْ"). And a label centred on a marker near an end
// of the slider was cut off ("لاحتجاجات" for الاحتجاجات in Arabic at 1024 px).
for (const { lang, width, height } of [
  { lang: 'en', width: 1280, height: 800 },
  { lang: 'fa', width: 1280, height: 800 },
  { lang: 'ar', width: 1024, height: 768 },
  { lang: 'ckb', width: 390, height: 844 },
] as const) {
  test(`marker labels: inside the slider, and the current-date line crosses none, at every step (${lang}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await gotoSite(page, lang === 'en' ? './?step=the-border' : `./index.${lang}.html?step=the-border`);
    await expect(slider(page).locator('text.marker-label').first()).toBeAttached();
    await page.evaluate(() => document.fonts.ready);
    await focusSlider(page);
    for (const id of STEP_IDS) {
      // ArrowUp is "next" in either reading direction.
      if (id !== STEP_IDS[0]) await slider(page).press('ArrowUp');
      await expect(page.locator('[data-testid=map]')).toHaveAttribute('data-step', id);
      const found = await slider(page).evaluate((el) => {
        const svg = el.querySelector('svg')!;
        const line = el.querySelector<SVGLineElement>('line.now')!;
        const x = line.x1.baseVal.value;
        const top = Math.min(line.y1.baseVal.value, line.y2.baseVal.value);
        const labels = [...el.querySelectorAll<SVGTextElement>('text.marker-label')].map((t) => ({ text: t.textContent, b: t.getBBox() }));
        return {
          crossed: labels.filter(({ b }) => x >= b.x - 1 && x <= b.x + b.width + 1 && top < b.y + b.height).map((l) => l.text),
          outside: labels.filter(({ b }) => b.x < 0 || b.x + b.width > svg.width.baseVal.value).map((l) => l.text),
        };
      });
      expect(found.crossed, `labels the line crosses at ${id}`).toEqual([]);
      expect(found.outside, `labels cut by the slider's edge at ${id}`).toEqual([]);
    }
  });
}
