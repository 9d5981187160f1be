/**
 * The SVG map's labels (src/lib/map/svgLabels.ts) on a phone-sized map: the step about the 2023 accord highlights
 * three border crossings with long names, which must not crowd the Region's own cities off the map.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { content } from '../../src/lib/data/content';
import { eventAreas, eventPoints } from '../../src/lib/data/features';
import type { FC, GeoData } from '../../src/lib/data/geo';
import { placeLabels } from '../../src/lib/map/svgLabels';
import { fitMercator } from '../../src/lib/map/svgProjection';
import { resolveStep } from '../../src/lib/story/resolve';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../data/geo/${name}.geojson`, import.meta.url), 'utf8')) as FC;
const empty: FC = { type: 'FeatureCollection', features: [] };
const geo = {
  basemap: empty,
  boundaries: empty,
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

// The same rule as the MapLibre style (labelSides.ts): at every step, on a phone and a wide screen, in every language,
// no Iranian town is named west of its dot (towards Iraq) and no Iraqi town east of it (towards Iran).
describe('SVG map labels stay on their own country’s side of the dot', () => {
  const country = new Map(geo.places.features.map((f) => [`p-${f.properties!.id}`, f.properties!.country as string]));
  const kind = new Map(geo.places.features.map((f) => [`p-${f.properties!.id}`, f.properties!.kind as string]));
  const cases = content.steps.flatMap((s, i) => (['narrow', 'wide'] as const).flatMap((vp) => (['en', 'fa'] as const).map((lang) => [s.id, vp, lang, i] as const)));
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
