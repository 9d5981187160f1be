/**
 * The scrolling explainer as a reader meets it, on a laptop (1440×900) and a phone (375×812): the map draws, every
 * step shows its own place, layers and strikes, scrolling forwards, backwards or jumping always gives the same
 * picture, the URL follows without flooding history, and the event details, table and downloads hold the data.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  EN,
  EVENTS,
  PLACES,
  SCREENSHOTS,
  SOURCES,
  STEPS,
  STEP_IDS,
  asSet,
  bboxCentre,
  bboxOnScreen,
  canvasColours,
  card,
  gotoSite,
  horizontalOverflow,
  mapLocator,
  openStep,
  parseCenter,
  parseCsv,
  readMap,
  scrollCardToReadingLine,
  urlStep,
  waitForMapReady,
  wheelUntilStepChanges,
  type EventData,
  type MapReadout,
} from './helpers';

const SIZES = [
  { width: 1440, height: 900, camera: 'wide' as const },
  { width: 375, height: 812, camera: 'narrow' as const },
];

const en = EN;

mkdirSync(SCREENSHOTS, { recursive: true });

/** What a reader would compare between two visits to the same step. */
const picture = (r: MapReadout) => ({
  step: r.step,
  center: r.center,
  zoom: r.zoom,
  layers: asSet(r.layers),
  currentEvents: asSet(r.currentEvents),
});

/** The figure as the dialog prints it: "9", "10–14", "at least 16". */
function figureText(f: EventData['killed'][number]): string {
  const v = f.max !== undefined && f.max !== f.min ? `${f.min}–${f.max}` : `${f.min}`;
  return f.atLeast ? en.ui.atLeast!.replace('{n}', v) : v;
}

async function expectDialogShowsEvent(page: Page, ev: EventData): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(en.events[ev.id]!.title);
  const text = (await dialog.innerText()).replace(/\s+/g, ' ');
  // Every toll figure, each with who counted it; "not reported" where nobody did.
  for (const [kind, figs] of [
    ['killed', ev.killed],
    ['injured', ev.injured],
  ] as const) {
    if (!figs.length) expect(text, `${ev.id}: ${kind}`).toContain(en.ui.notReported!);
    for (const f of figs) {
      const credit = en.ui.countedBy!.replace('{who}', en.orgs[f.countedBy] ?? f.countedBy).split(',')[0]!;
      expect(text, `${ev.id}: ${kind} figure ${JSON.stringify(f)}`).toContain(`${figureText(f)} — ${credit}`);
    }
  }
  // Every source, by outlet.
  const items = dialog.locator('ul.sources li');
  await expect(items).toHaveCount(ev.sources.length);
  for (const id of ev.sources) {
    const src = SOURCES.find((s) => s.id === id);
    expect(src, `source ${id} is in seeds/sources.json`).toBeTruthy();
    expect(text, `${ev.id}: source ${id}`).toContain(src!.outlet);
  }
}

for (const size of SIZES) {
  test.describe(`explainer at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the map loads and draws a picture', async ({ page }) => {
      await gotoSite(page, './');
      await waitForMapReady(page, STEP_IDS[0]!);
      const box = await mapLocator(page).boundingBox();
      expect(box!.width).toBeGreaterThan(size.width * 0.5);
      expect(box!.height).toBeGreaterThan(size.height * 0.3);
      const c = await canvasColours(page);
      expect(c.width).toBeGreaterThan(0);
      // A drawn map has land, sea, borders and labels: many colours, none covering nearly everything.
      expect(c.distinct, 'distinct colours on the map canvas').toBeGreaterThan(20);
      expect(c.topShare, 'share of the most common colour').toBeLessThan(0.9);
    });

    test('opening the page without a step stays at the top, title in view', async ({ page }) => {
      await gotoSite(page, './');
      await waitForMapReady(page, STEP_IDS[0]!);
      // Give any scroll the page starts by itself time to run.
      await page.waitForTimeout(1500);
      const pos = await page.evaluate(() => {
        const h1 = document.querySelector('h1')!.getBoundingClientRect();
        return { scrollY: window.scrollY, h1Top: h1.top, h1Bottom: h1.bottom, vh: window.innerHeight };
      });
      expect(pos.h1Top, `title top at ${pos.h1Top}px (page scrolled to ${pos.scrollY})`).toBeGreaterThanOrEqual(0);
      expect(pos.h1Bottom).toBeLessThanOrEqual(pos.vh);
      expect(pos.scrollY, 'the page must not scroll by itself on load').toBe(0);
    });

    for (const step of STEPS) {
      test(`?step=${step.id} shows that step's place, layers and strikes`, async ({ page }) => {
        const r = await openStep(page, step.id);
        expect(r.step).toBe(step.id);
        await expect(card(page, step.id)).toHaveAttribute('aria-current', 'step');
        await expect.poll(() => urlStep(page)).toBe(step.id);

        expect(asSet(r.layers), 'visible story layers').toEqual([...step.layers].sort());
        expect(asSet(r.currentEvents), 'highlighted events').toEqual([...step.highlight.events].sort());

        // Camera: centred on the step's box (Web Mercator centre), and the whole box on screen, filling it.
        const bbox = step.camera[size.camera];
        const [w, s, e, n] = bbox;
        const [lon, lat] = parseCenter(r.center);
        const [elon, elat] = bboxCentre(bbox);
        expect(lon, 'centre longitude inside the step box').toBeGreaterThanOrEqual(w);
        expect(lon).toBeLessThanOrEqual(e);
        expect(lat, 'centre latitude inside the step box').toBeGreaterThanOrEqual(s);
        expect(lat).toBeLessThanOrEqual(n);
        expect(Math.abs(lon - elon), `centre longitude ${lon} vs box centre ${elon.toFixed(3)}`).toBeLessThanOrEqual(0.15 * (e - w));
        expect(Math.abs(lat - elat), `centre latitude ${lat} vs box centre ${elat.toFixed(3)}`).toBeLessThanOrEqual(0.15 * (n - s));

        const mapBox = (await mapLocator(page).boundingBox())!;
        const onScreen = bboxOnScreen(bbox, [lon, lat], Number(r.zoom), mapBox);
        const slack = 4;
        expect(onScreen.left, 'west edge of the step box on screen').toBeGreaterThanOrEqual(-slack);
        expect(onScreen.right, 'east edge of the step box on screen').toBeLessThanOrEqual(mapBox.width + slack);
        expect(onScreen.top, 'north edge of the step box on screen').toBeGreaterThanOrEqual(-slack);
        expect(onScreen.bottom, 'south edge of the step box on screen').toBeLessThanOrEqual(mapBox.height + slack);
        const fill = Math.max((onScreen.right - onScreen.left) / mapBox.width, (onScreen.bottom - onScreen.top) / mapBox.height);
        expect(fill, `zoom ${r.zoom}: the step box should fill most of the map`).toBeGreaterThan(0.6);

        await page.screenshot({ path: path.join(SCREENSHOTS, `explainer-${step.id}-${size.width}.png`) });
      });
    }

    test('scrolling forward reaches every step in order, back restores each, a fast jump lands the same', async ({ page }) => {
      test.setTimeout(300_000);
      await gotoSite(page, './');
      const first = await waitForMapReady(page, STEP_IDS[0]!);
      const historyLength = await page.evaluate(() => history.length);
      const forward = new Map<string, MapReadout>([[STEP_IDS[0]!, first]]);

      await test.step('forward with the mouse wheel', async () => {
        for (let i = 1; i < STEPS.length; i++) {
          const reached = await wheelUntilStepChanges(page, STEP_IDS[i - 1]!, 120);
          expect(reached, `scrolling down from ${STEP_IDS[i - 1]}`).toBe(STEP_IDS[i]);
          const r = await waitForMapReady(page, STEP_IDS[i]!);
          forward.set(STEP_IDS[i]!, r);
          await expect(card(page, STEP_IDS[i]!)).toHaveAttribute('aria-current', 'step');
          await expect.poll(() => urlStep(page), 'URL step param follows scrolling').toBe(STEP_IDS[i]);
          expect(asSet(r.layers)).toEqual([...STEPS[i]!.layers].sort());
          expect(asSet(r.currentEvents)).toEqual([...STEPS[i]!.highlight.events].sort());
        }
      });

      await test.step('back up with the mouse wheel', async () => {
        for (let i = STEPS.length - 2; i >= 0; i--) {
          const reached = await wheelUntilStepChanges(page, STEP_IDS[i + 1]!, -120);
          expect(reached, `scrolling up from ${STEP_IDS[i + 1]}`).toBe(STEP_IDS[i]);
          const r = await waitForMapReady(page, STEP_IDS[i]!);
          expect(picture(r), `${STEP_IDS[i]} scrolled back to`).toEqual(picture(forward.get(STEP_IDS[i]!)!));
          await expect.poll(() => urlStep(page)).toBe(STEP_IDS[i]);
        }
      });

      await test.step('fast jump: straight to the last card, then to the second', async () => {
        const last = STEP_IDS[STEP_IDS.length - 1]!;
        await scrollCardToReadingLine(page, last);
        const rLast = await waitForMapReady(page, last);
        expect(picture(rLast), 'jumped to the last step').toEqual(picture(forward.get(last)!));
        await expect.poll(() => urlStep(page)).toBe(last);

        const second = STEP_IDS[1]!;
        await scrollCardToReadingLine(page, second);
        const rSecond = await waitForMapReady(page, second);
        expect(picture(rSecond), 'jumped back to the second step').toEqual(picture(forward.get(second)!));
        await expect.poll(() => urlStep(page)).toBe(second);
      });

      expect(await page.evaluate(() => history.length), 'scrolling must not add history entries').toBe(historyLength);
    });

    test('an event opened from a step card shows its tolls and sources', async ({ page }) => {
      const step = STEPS.find((s) => s.highlight.events.some((id) => EVENTS.find((e) => e.id === id)?.kind === 'strike'))!;
      await openStep(page, step.id);
      const buttons = card(page, step.id).locator('button.event-btn');
      await expect(buttons).toHaveCount(step.highlight.events.length);
      for (let i = 0; i < step.highlight.events.length; i++) {
        const ev = EVENTS.find((e) => e.id === step.highlight.events[i])!;
        const place = PLACES.find((p) => p.id === ev.placeId)!;
        await expect(buttons.nth(i)).toContainText(place.names.en);
        await buttons.nth(i).click();
        await expectDialogShowsEvent(page, ev);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();
      }
    });

    // The chip said "Jezhnikan camp · 20 Nov" while the text and the table said 20–21 November.
    test('a strike chip shows all the days of an event known only to within days', async ({ page }) => {
      await openStep(page, 'strikes-november');
      const chip = card(page, 'strikes-november').locator('button.event-btn', { hasText: 'Jezhnikan' });
      await expect(chip).toHaveText(/^Jezhnikan camp · 20\s?–\s?21 Nov$/);
      await openStep(page, 'strikes-september');
      await expect(card(page, 'strikes-september').locator('button.event-btn', { hasText: 'Sidakan' })).toHaveText(/^Sidakan \/ Bradost area · 24\s?–\s?29 Sept$/);
    });

    test('the events table lists every event, and a row opens its details', async ({ page }) => {
      await gotoSite(page, './');
      const rows = page.locator('#events tbody tr');
      await expect(rows).toHaveCount(EVENTS.length);
      for (const ev of EVENTS) {
        const place = PLACES.find((p) => p.id === ev.placeId)!;
        const row = rows.filter({ has: page.locator(`time[datetime="${ev.date.start}"]`) }).filter({
          has: page.getByRole('button', { name: place.names.en, exact: true }),
        });
        await expect(row, `table row for ${ev.id}`).toHaveCount(1);
      }
      const ev = EVENTS.find((e) => e.killed.length > 1) ?? EVENTS[0]!;
      const place = PLACES.find((p) => p.id === ev.placeId)!;
      await rows
        .filter({ has: page.locator(`time[datetime="${ev.date.start}"]`) })
        .getByRole('button', { name: place.names.en, exact: true })
        .click();
      await expectDialogShowsEvent(page, ev);
    });
  });
}

test.describe('downloads', () => {
  test('GeoJSON and CSV links return the events', async ({ page }) => {
    await gotoSite(page, './');
    const geoLink = page.locator('a[href$="strikes.geojson"]');
    const csvLink = page.locator('a[href$="strikes.csv"]');
    await expect(geoLink).toHaveCount(1);
    await expect(csvLink).toHaveCount(1);
    await expect(geoLink).toHaveAttribute('download', /.*/);
    await expect(csvLink).toHaveAttribute('download', /.*/);

    const geoUrl = await geoLink.evaluate((a) => (a as HTMLAnchorElement).href);
    const geo = await page.request.get(geoUrl);
    expect(geo.status(), geoUrl).toBe(200);
    expect(geo.headers()['content-type'], 'GeoJSON content type').toMatch(/^application\/(geo\+)?json\b/);
    const fc = JSON.parse(await geo.text()) as {
      type: string;
      features: { type: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(EVENTS.length);
    expect(fc.features.map((f) => f.properties.id).sort()).toEqual(EVENTS.map((e) => e.id).sort());
    for (const f of fc.features) {
      const ev = EVENTS.find((e) => e.id === f.properties.id)!;
      const place = PLACES.find((p) => p.id === ev.placeId)!;
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates, `${ev.id} coordinates`).toEqual([place.lon, place.lat]);
      expect(f.properties.date_start).toBe(ev.date.start);
    }

    const csvUrl = await csvLink.evaluate((a) => (a as HTMLAnchorElement).href);
    const csv = await page.request.get(csvUrl);
    expect(csv.status(), csvUrl).toBe(200);
    expect(csv.headers()['content-type'], 'CSV content type').toMatch(/^text\/csv\b/);
    const table = parseCsv(await csv.text());
    const [head, ...rows] = table;
    expect(head).toContain('id');
    expect(head).toContain('longitude');
    expect(head).toContain('latitude');
    expect(rows).toHaveLength(EVENTS.length);
    for (const r of rows) expect(r, `CSV row ${r[0]} has a cell per column`).toHaveLength(head!.length);
    const idCol = head!.indexOf('id');
    expect(rows.map((r) => r[idCol]).sort()).toEqual(EVENTS.map((e) => e.id).sort());
  });
});

test.describe('no sideways scrolling', () => {
  for (const width of [320, 375, 768, 1440, 2560]) {
    test(`at ${width} px wide`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 900 ? 800 : 1000 });
      await gotoSite(page, './');
      await waitForMapReady(page, STEP_IDS[0]!);
      const o = await horizontalOverflow(page);
      expect(o.scrollWidth, `document ${o.scrollWidth} px wide in a ${o.clientWidth} px viewport`).toBeLessThanOrEqual(o.clientWidth);
      // Also with a step's events shown (cards with event buttons are the widest content).
      const withEvents = STEPS.find((s) => s.highlight.events.length > 3)!;
      await scrollCardToReadingLine(page, withEvents.id);
      await waitForMapReady(page, withEvents.id);
      const o2 = await horizontalOverflow(page);
      expect(o2.scrollWidth, `on ${withEvents.id}`).toBeLessThanOrEqual(o2.clientWidth);
    });
  }
});

// On failure, attach what the map reported, for the report.
test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) {
    const r = await readMap(page).catch(() => null);
    if (r) await info.attach('map-readout', { body: JSON.stringify(r, null, 2), contentType: 'application/json' });
  }
});

// A deep link opened with its card two-thirds down the screen, under the end of the previous step and blank space
// (the card's tall slot, not the card, went to the reading line).
for (const size of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a deep link opens with its step's card in view from its top, and that step active (${size.width}×${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    await gotoSite(page, './?step=erbil-2024');
    await expect(card(page, 'erbil-2024')).toHaveAttribute('aria-current', 'step');
    const gap = () =>
      page.evaluate(() => {
        const c = document.querySelector('article.step[data-step-id=erbil-2024] .card')!.getBoundingClientRect();
        // On a phone the sticky map covers the top of the screen; the cards are read below it.
        const visibleTop = window.innerWidth >= 900 ? 0 : document.querySelector('.graphic')!.getBoundingClientRect().bottom;
        return Math.round(c.top - visibleTop);
      });
    await expect.poll(gap, { message: 'card top, px below the top of the visible area' }).toBeLessThanOrEqual(60);
    expect(await gap()).toBeGreaterThanOrEqual(0);
    await page.waitForTimeout(500);
    await expect(card(page, 'erbil-2024')).toHaveAttribute('aria-current', 'step');
    expect(new URL(page.url()).searchParams.get('step')).toBe('erbil-2024');
  });
}
