/**
 * The SVG map's labels (src/lib/map/svgLabels.ts) on a phone-sized map: the step about the 2023 accord highlights
 * three border crossings with long names, which must not crowd the Region's own cities off the map.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { content } from '../../src/lib/data/content';
import { eventAreas, eventPoints } from '../../src/lib/data/features';
import type { FC, GeoData } from '../../src/lib/data/geo';
import { fixedDots, placeLabels } from '../../src/lib/map/svgLabels';
import { labelScale, PAST_AREA_CLEARANCE } from '../../src/lib/map/labelSizes';
import { fitMercator } from '../../src/lib/map/svgProjection';
import { resolveStep } from '../../src/lib/story/resolve';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../data/geo/${name}.geojson`, import.meta.url), 'utf8')) as FC;
const empty: FC = { type: 'FeatureCollection', features: [] };
const geo = {
  basemap: empty,
  boundaries: empty,
  overview: { basemap: empty, boundaries: empty },
  detailed: false,
  border: empty,
  scales: empty,
  regions: empty,
  places: read('places'),
  events: eventPoints(content.events, content.places),
  areas: eventAreas(content.events, content.places),
} as GeoData;

// A 390×844 phone in presentation mode: the map is the screen's width and about 500 px tall (as measured).
const W = 390;
const H = 500;

describe('SVG map labels on a phone', () => {
  const index = content.steps.findIndex((s) => s.id === 'accord-2023');
  const view = resolveStep(content, index, 'narrow');
  const projection = fitMercator(view.camera, [[14, 14], [W - 44, H - 14]], W, H);
  const labels = placeLabels(geo, view, projection, W, H, 'en', {});
  const byKey = new Map(labels.map((l) => [l.key, l]));

  it('names every crossing the accord step highlights, at the map style’s size, inside the frame', () => {
    const crossings = view.places.filter((id) => id.startsWith('crossing-'));
    expect(crossings.length).toBe(3);
    for (const id of crossings) {
      const l = byKey.get(`p-${id}`);
      expect(l, id).toBeDefined();
      expect(l!.size).toBe(12);
      expect(l!.strong).toBe(false);
    }
  });

  it('keeps the Region’s cities named beside them (Duhok, Kirkuk), and Baghdad', () => {
    for (const id of ['duhok', 'kirkuk', 'baghdad']) expect(byKey.has(`p-${id}`), id).toBe(true);
  });
});

// Every step, on a phone-sized and a wide map, in a left-to-right and a right-to-left language.
const cases = content.steps.flatMap((s, i) => (['narrow', 'wide'] as const).flatMap((vp) => (['en', 'fa'] as const).map((lang) => [s.id, vp, lang, i] as const)));

/** A step's map at w×h: its projection, the names placed, and every dot drawn (with names, and always drawn). */
function layout(i: number, vp: 'narrow' | 'wide', lang: string, [w, h]: [number, number]) {
  const view = resolveStep(content, i, vp);
  const projection = fitMercator(view.camera, [[14, 14], [w - 14, h - 14]], w, h);
  const labels = placeLabels(geo, view, projection, w, h, lang, {});
  const fixed = fixedDots(geo, view, projection, w, h);
  return { view, labels, fixed, dots: [...labels.filter((l) => l.dot), ...fixed] };
}

/** Whether a dot (3 px each way from its centre) comes within `margin` px of a box. */
const near = ([x0, y0, x1, y1]: number[], x: number, y: number, margin = 0) =>
  x0! - margin < x + 3 && x - 3 < x1! + margin && y0! - margin < y + 3 && y - 3 < y1! + margin;

// A name over another place's dot reads as that place's name (as in the MapLibre style, where dots are obstacles).
describe('SVG map: no name covers another place’s dot', () => {
  it.each(cases)('%s (%s, %s)', (_, vp, lang, i) => {
    // Towns' dots that come with their names, and those always drawn (the step's places, the crossings).
    const { labels, dots } = layout(i, vp, lang, vp === 'narrow' ? [360, 300] : [900, 700]);
    expect(dots.length).toBeGreaterThan(0);
    for (const dot of dots)
      for (const name of labels) if (name.key !== dot.key) expect(near(name.box, dot.px, dot.py), `${name.key} over ${dot.key}'s dot`).toBe(false);
  });

  // Koya, the place the deadline step is about, vanished from a phone's SVG map, name and dot: "Dukan" (sorted first)
  // took the spot over Koya's dot, and a town whose dot was taken was left out whole. The step's own dots are now
  // always drawn and placed first, as on the MapLibre map.
  it.each(cases)('%s (%s, %s): every place the step names has its dot', (_, vp, lang, i) => {
    const { view, fixed } = layout(i, vp, lang, vp === 'narrow' ? [360, 200] : [900, 700]);
    const keys = new Set(fixed.map((d) => d.key));
    for (const id of view.places) expect(keys.has(`p-${id}`), id).toBe(true);
  });
});

// An earlier strike's area has no dot of its own: its name set snug beside another place's dot read as that dot's
// name ("Zrgwez" beside Dukan's unnamed dot). It keeps its room from every dot, or gives way.
describe('SVG map: an earlier strike area’s name keeps clear of every dot', () => {
  it.each(cases)('%s (%s, %s)', (_, vp, lang, i) => {
    const { labels, dots } = layout(i, vp, lang, vp === 'narrow' ? [360, 260] : [900, 700]);
    for (const l of labels.filter((x) => x.key.startsWith('a-') && x.color === 'place'))
      for (const d of dots) expect(near(l.box, d.px, d.py, PAST_AREA_CLEARANCE), `${l.key} beside ${d.key}'s dot`).toBe(false);
  });
});

// The legend and the credits sit over the map: names there would be cut or hidden, as on the MapLibre map, except the
// step's own (half of a name the step is about says more than none).
describe('SVG map: names keep out from under what covers the map', () => {
  const index = content.steps.findIndex((s) => s.id === 'accord-2023');
  const view = resolveStep(content, index, 'wide');
  const [w, h] = [900, 700];
  const projection = fitMercator(view.camera, [[14, 14], [w - 14, h - 14]], w, h);
  const free = placeLabels(geo, view, projection, w, h, 'en', {});
  const own = new Set([...view.places.map((id) => `p-${id}`), ...view.events.filter((e) => e.state === 'current').map((e) => `a-${e.placeId}`)]);
  const over = (a: number[], b: number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

  it('another place’s name under a covered box is moved or left out', () => {
    const others = free.filter((l) => !own.has(l.key));
    expect(others.length).toBeGreaterThan(2);
    const covered = others.slice(0, 3).map((l) => l.box);
    const labels = placeLabels(geo, view, projection, w, h, 'en', {}, 1, covered);
    for (const l of labels.filter((x) => !own.has(x.key))) for (const c of covered) expect(over(l.box, c), l.key).toBe(false);
  });

  it('the step’s own names stay, covered or not', () => {
    const mine = free.filter((l) => own.has(l.key));
    expect(mine.length).toBeGreaterThan(0);
    const labels = placeLabels(geo, view, projection, w, h, 'en', {}, 1, mine.map((l) => l.box));
    const keys = new Set(labels.map((l) => l.key));
    for (const l of mine) expect(keys.has(l.key), l.key).toBe(true);
  });
});

// The same rule as the MapLibre style (labelSides.ts): at every step, on a phone and a wide screen, in every language,
// no Iranian town is named west of its dot (towards Iraq) and no Iraqi town east of it (towards Iran).
describe('SVG map labels stay on their own country’s side of the dot', () => {
  const country = new Map(geo.places.features.map((f) => [`p-${f.properties!.id}`, f.properties!.country as string]));
  const kind = new Map(geo.places.features.map((f) => [`p-${f.properties!.id}`, f.properties!.kind as string]));
  it.each(cases)('%s, %s, %s', (_, vp, lang, i) => {
    const view = resolveStep(content, i, vp);
    const [w, h] = vp === 'narrow' ? [W, H] : [900, 700];
    const projection = fitMercator(view.camera, [[14, 14], [w - 44, h - 14]], w, h);
    const labels = placeLabels(geo, view, projection, w, h, lang, {}).filter((l) => country.has(l.key) && kind.get(l.key) !== 'crossing');
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      const west = l.anchor === 'end' && l.x < l.px;
      const east = l.anchor === 'start' && l.x > l.px;
      if (country.get(l.key) === 'IR') expect(west, `${l.key} west of its dot`).toBe(false);
      if (country.get(l.key) === 'IQ') expect(east, `${l.key} east of its dot`).toBe(false);
    }
  });
});

// On a projected slide 12–15 px names could not be read from the back of a room. The presentation draws them larger,
// the same on both maps (labelSizes.ts): here the SVG map's, and the style's in style.test.ts.
describe('names sized for a room', () => {
  it('are 1.2× on a projector-sized map, growing to 1.5× on a 1920 px screen, and 1× elsewhere', () => {
    expect(labelScale(false, 1400)).toBe(1);
    expect(labelScale(true, 614)).toBe(1.2);
    expect(labelScale(true, 1152)).toBe(1.5);
  });
  it('scale every SVG label, highlighted or not', () => {
    const i = content.steps.findIndex((s) => s.id === 'strikes-september');
    const view = resolveStep(content, i, 'wide');
    const projection = fitMercator(view.camera, [[14, 14], [1138, 1066]], 1152, 1080);
    const at = (scale: number) => new Map(placeLabels(geo, view, projection, 1152, 1080, 'en', {}, scale).map((l) => [l.key, l.size]));
    const [base, room] = [at(1), at(1.5)];
    const both = [...base.keys()].filter((k) => room.has(k));
    expect(both).toContain('p-koya');
    for (const k of both) expect(room.get(k), k).toBeCloseTo(base.get(k)! * 1.5, 1);
    expect(room.get('p-koya')).toBeGreaterThanOrEqual(22);
  });
});
