/**
 * Shared data, waits and measurements for the browser tests (explainer, slider, network).
 *
 * Expectations come from the content files themselves (data/steps.json, data/events.json, …), never from the code
 * under test, so a test fails when the page stops showing what the content says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export { ORIGIN } from './browser';
export const SCREENSHOTS = path.join(ROOT, 'screenshots');

/** SwiftShader WebGL is slow: a step change can take a few seconds to become idle. */
export const MAP_TIMEOUT = 40_000;

type Bbox = [number, number, number, number];
export interface StepData {
  id: string;
  date: { start: string; end?: string; precision: string } | null;
  camera: { wide: Bbox; narrow: Bbox };
  layers: string[];
  highlight: { events: string[]; places: string[]; regions: string[] };
}
export interface Figure {
  min: number;
  max?: number;
  atLeast?: boolean;
  scope: string;
  countedBy: string;
  sourceId: string;
  asOf: string;
}
export interface EventData {
  id: string;
  kind: 'strike' | 'context';
  date: { start: string; end?: string; precision: string };
  placeId: string;
  killed: Figure[];
  injured: Figure[];
  sources: string[];
}
export interface PlaceData {
  id: string;
  kind: string;
  names: { en: string; ar: string; fa: string };
  lon: number;
  lat: number;
}
export interface SourceData {
  id: string;
  outlet: string;
  title?: string;
}

const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as T;

export const STEPS = readJson<{ steps: StepData[] }>('data/steps.json').steps;
export const EVENTS = readJson<{ events: EventData[] }>('data/events.json').events;
export const PLACES = readJson<PlaceData[]>('data/places.json');
export const SOURCES = readJson<{ sources: SourceData[] }>('seeds/sources.json').sources;
export const STEP_IDS = STEPS.map((s) => s.id);
export interface LocaleData {
  dir: string;
  ui: Record<string, string>;
  steps: Record<string, { title: string }>;
  events: Record<string, { title: string }>;
  orgs: Record<string, string>;
}
/** A language's texts (titles, ui strings, organisation names), as data/i18n/<lang>.json has them. */
export const localeData = (lang: string): LocaleData => readJson<LocaleData>(`data/i18n/${lang}.json`);
/** The English texts. */
export const EN = localeData('en');
export const stepById = (id: string): StepData => {
  const s = STEPS.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in data/steps.json`);
  return s;
};

/** The site's two layouts: cards beside the map from 900 px, map on top below that. */
export const isWide = (page: Page): boolean => (page.viewportSize()?.width ?? 1280) >= 900;
/** Where the page decides the active card (fraction of the viewport height), per the test contract. */
export const readingLineFraction = (page: Page): number => (isWide(page) ? 0.55 : 0.78);

export const mapLocator = (page: Page): Locator => page.getByTestId('map');
export const slider = (page: Page): Locator => page.locator('[role=slider]');
export const card = (page: Page, id: string): Locator => page.locator(`article.step[data-step-id="${id}"]`);

export interface MapReadout {
  state: string;
  step: string;
  center: string;
  zoom: string;
  layers: string;
  currentEvents: string;
}

export async function readMap(page: Page): Promise<MapReadout> {
  return mapLocator(page).evaluate((el) => {
    const d = (el as HTMLElement).dataset;
    return {
      state: d.state ?? '',
      step: d.step ?? '',
      center: d.center ?? '',
      zoom: d.zoom ?? '',
      layers: d.layers ?? '',
      currentEvents: d.currentEvents ?? '',
    };
  });
}

/** "a,b,c" → sorted list ("" → []), for comparing comma lists as sets. */
export const asSet = (list: string): string[] =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .sort();

/**
 * Waits until MapLibre is idle on `stepId` and stays there: data-state=ready and data-step=stepId on two readings
 * half a second apart with the same camera, so a passing idle in the middle of a scroll is not taken for the result.
 */
export async function waitForMapReady(page: Page, stepId: string, timeout = MAP_TIMEOUT): Promise<MapReadout> {
  const deadline = Date.now() + timeout;
  let last: MapReadout | null = null;
  for (;;) {
    const now = await readMap(page);
    // The page's own error banner: the geodata did not load, so the map cannot become ready.
    const geoError = await page.evaluate(() => document.querySelector('.geo-error')?.textContent ?? null);
    if (geoError) throw new Error(`the page reports a data error: ${geoError.trim()}`);
    // 'fallback' is final: MapLibre gave up (no WebGL, a lost context, or no first frame in time).
    if (now.state === 'fallback') throw new Error(`the map fell back to its SVG version (data-state=fallback) on step ${now.step}`);
    const settled = (r: MapReadout | null) => r !== null && r.state === 'ready' && r.step === stepId && r.center !== '';
    if (
      settled(now) &&
      settled(last) &&
      last!.center === now.center &&
      last!.zoom === now.zoom &&
      last!.layers === now.layers &&
      last!.currentEvents === now.currentEvents
    )
      return now;
    if (Date.now() > deadline)
      throw new Error(`map not idle on ${stepId} after ${timeout} ms: data-state=${now.state}, data-step=${now.step}`);
    last = now;
    await page.waitForTimeout(last.state === 'ready' && last.step === stepId ? 500 : 250);
  }
}

/**
 * page.goto, tolerant of one thing only: the preview server's files being rebuilt at that moment by someone else's
 * `vite build` (a 404 or a refused connection for a second or two). Any other failure is reported as is.
 */
export async function gotoSite(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await page.goto(url);
      if (res && res.status() === 200) return;
      if (attempt >= 4) throw new Error(`${url}: HTTP ${res?.status()}`);
    } catch (e) {
      if (attempt >= 4 || !/ERR_HTTP_RESPONSE_CODE_FAILURE|ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE/.test(String(e))) throw e;
    }
    await page.waitForTimeout(3000);
  }
}

/** Opens the explainer on a step via the URL and waits for the map to be idle there. */
export async function openStep(page: Page, stepId: string): Promise<MapReadout> {
  await gotoSite(page, `./?step=${stepId}`);
  return waitForMapReady(page, stepId);
}

/**
 * Scrolls (instantly) to the top of the story section, where the sticky map and its controls are fully on screen
 * while the first card is still the active one.
 */
export async function scrollToStory(page: Page): Promise<void> {
  await page.evaluate(() => {
    const top = document.getElementById('story')!.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top, behavior: 'instant' });
  });
}

export async function activeCardId(page: Page): Promise<string | null> {
  return page.locator('article.step[aria-current="step"]').getAttribute('data-step-id');
}

export async function urlStep(page: Page): Promise<string | null> {
  return page.evaluate(() => new URLSearchParams(window.location.search).get('step'));
}

/**
 * Scrolls the window (instantly) so that the card's top sits `above` px above the reading line: per the contract
 * that makes it the active card (the next card is at least a card height further down).
 */
export async function scrollCardToReadingLine(page: Page, stepId: string, above = 40): Promise<void> {
  const frac = readingLineFraction(page);
  await card(page, stepId).evaluate(
    (el, { frac, above }) => {
      const top = window.scrollY + el.getBoundingClientRect().top - window.innerHeight * frac + above;
      window.scrollTo({ top, behavior: 'instant' });
    },
    { frac, above },
  );
}

/**
 * A point in the viewport over the page's text, not over the sticky map (a wheel over the map zooms it instead of
 * scrolling the page): the first of a few candidate heights whose element is outside the map's column.
 */
export async function wheelPoint(page: Page): Promise<{ x: number; y: number }> {
  const wide = isWide(page);
  return page.evaluate((wide) => {
    const x = wide ? Math.min(200, window.innerWidth * 0.15) : window.innerWidth / 2;
    for (const f of [0.9, 0.75, 0.5, 0.3, 0.15, 0.05]) {
      const y = Math.round(window.innerHeight * f);
      const el = document.elementFromPoint(x, y);
      if (el && !el.closest('.graphic, [data-testid=map], dialog')) return { x, y };
    }
    throw new Error('no point outside the map to scroll with');
  }, wide);
}

/**
 * Scrolls with the mouse wheel in small notches until the map's step changes; returns the new step id.
 * Fails if nothing changes within `maxNotches`.
 */
export async function wheelUntilStepChanges(page: Page, from: string, dy: number, maxNotches = 60): Promise<string> {
  for (let i = 0; i < maxNotches; i++) {
    const { x, y } = await wheelPoint(page);
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(120);
    const step = await mapLocator(page).getAttribute('data-step');
    if (step && step !== from) {
      // Let the scroll settle, then report where it really ended.
      await page.waitForTimeout(250);
      return (await mapLocator(page).getAttribute('data-step')) ?? step;
    }
  }
  throw new Error(`scrolling by ${dy} px ${maxNotches} times did not leave step ${from}`);
}

/**
 * A PNG (a Playwright screenshot) decoded in the page, which has the decoder: its RGBA bytes, row by row, scaled to
 * `width` pixels wide first if given.
 */
export async function pngPixels(page: Page, png: Buffer, width?: number): Promise<{ width: number; height: number; data: Uint8Array }> {
  const r = await page.evaluate(
    async ([b64, scaleTo]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const w = scaleTo ?? img.width;
      const h = scaleTo ? Math.max(1, Math.round((img.height / img.width) * scaleTo)) : img.height;
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [w, h];
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(img, 0, 0, w, h);
      const bytes = ctx.getImageData(0, 0, w, h).data;
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: w, height: h, b64: btoa(bin) };
    },
    [png.toString('base64'), width] as [string, number | undefined],
  );
  return { width: r.width, height: r.height, data: Buffer.from(r.b64, 'base64') };
}

/** The [r, g, b] of pixel (x, y) of pngPixels' result. */
export const rgbAt = (p: { width: number; data: Uint8Array }, x: number, y: number): [number, number, number] => {
  const i = 4 * (y * p.width + x);
  return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
};

/**
 * Colours of the map as the reader sees it: a screenshot of the MapLibre canvas's box (what the compositor shows,
 * not the WebGL drawing buffer, which is not kept between frames), scaled down: the number of distinct colours and
 * the share of the most common one. A blank or failed map is one colour.
 */
export async function canvasColours(page: Page): Promise<{ distinct: number; topShare: number; width: number; height: number }> {
  const canvas = page.locator('[data-testid=map] canvas.maplibregl-canvas');
  const png = await canvas.screenshot();
  const full = (await canvas.boundingBox())!;
  const px = await pngPixels(page, png, 160);
  const counts = new Map<number, number>();
  for (let i = 0; i < px.data.length; i += 4) {
    const key = (px.data[i]! << 16) | (px.data[i + 1]! << 8) | px.data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = Math.max(...counts.values());
  return { distinct: counts.size, topShare: top / (px.width * px.height), width: Math.round(full.width), height: Math.round(full.height) };
}

// ---- Web Mercator, for checking that the camera frames a step's box -------------------------------------------

const mercY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const invMercY = (y: number): number => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

/** The centre of a [west, south, east, north] box as Web Mercator sees it (what fitBounds centres on). */
export function bboxCentre([w, s, e, n]: Bbox): [number, number] {
  return [(w + e) / 2, invMercY((mercY(s) + mercY(n)) / 2)];
}

/**
 * Where the box lands on a map of `size` pixels at `center`/`zoom` (512-px world tiles, as MapLibre uses):
 * its pixel edges relative to the map's top-left corner.
 */
export function bboxOnScreen(
  [w, s, e, n]: Bbox,
  center: [number, number],
  zoom: number,
  size: { width: number; height: number },
): { left: number; right: number; top: number; bottom: number } {
  const world = 512 * 2 ** zoom;
  const x = (lon: number) => ((lon - center[0]) / 360) * world + size.width / 2;
  const y = (lat: number) => (-(mercY(lat) - mercY(center[1])) / (2 * Math.PI)) * world + size.height / 2;
  return { left: x(w), right: x(e), top: y(n), bottom: y(s) };
}

export const parseCenter = (c: string): [number, number] => {
  const [lon, lat] = c.split(',').map(Number);
  return [lon!, lat!];
};

// ---- CSV ----------------------------------------------------------------------------------------------------------

export { parseCsv } from '../shared/csv';

/** No sideways scrolling: the document is no wider than the viewport. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
