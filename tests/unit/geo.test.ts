// Checks on the committed geodata (data/geo/*), re-measured with turf: what the story says about the border, the
// Kurdistan Region and the page weight must be true of the files the site actually ships.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, featureCollection, intersect, length, lineString, multiLineString, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import { geoArea, geoContains } from 'd3-geo';
import { labelPoint, rewindForD3 } from '../../src/lib/data/geo';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

const geoPath = (name: string) => new URL(`../../data/geo/${name}`, import.meta.url);
const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

type Lines = FeatureCollection<MultiLineString, { scale: string; part?: string; lengthKm: number }>;
type Regions = FeatureCollection<Polygon | MultiPolygon, Record<string, string | number>>;
interface Stats { borderLengthKm: Record<string, number>; borderAlongKriKm: number; kriAreaKm2: number }
interface Place { id: string; lon: number; lat: number }

const border = readJson<Lines>(geoPath('border.geojson'));
const scales = readJson<Lines>(geoPath('border-scales.geojson'));
const regions = readJson<Regions>(geoPath('regions.geojson'));
const basemap = readJson<FeatureCollection<Polygon | MultiPolygon, { id: string }>>(geoPath('basemap.geojson'));
const stats = readJson<Stats>(geoPath('stats.json'));
const places = readJson<Place[]>(new URL('../../data/places.json', import.meta.url));

const km = (g: MultiLineString) => length(multiLineString(g.coordinates), { units: 'kilometers' });
const border10m = border.features.find((f) => f.properties.part === undefined)!;
const kriStretch = border.features.find((f) => f.properties.part === 'kri')!;
const kri = regions.features.find((f) => f.properties.kind === 'kri')!;
const at = (id: string) => {
  const p = places.find((x) => x.id === id);
  if (!p) throw new Error(`places.json has no ${id}`);
  return point([p.lon, p.lat]);
};
const outline = (f: Feature<Polygon | MultiPolygon>): Position[][] => {
  const l = polygonToLine(f);
  const fs = (l.type === 'FeatureCollection' ? l.features : [l]) as Feature<LineString | MultiLineString>[];
  return fs.flatMap((x) => (x.geometry.type === 'LineString' ? [x.geometry.coordinates] : x.geometry.coordinates));
};
const kmToOutline = (p: Position, rings: Position[][]) =>
  Math.min(...rings.map((r) => pointToLineDistance(point(p), lineString(r), { units: 'kilometers' })));

describe('Iran–Iraq border length depends on the map scale', () => {
  const expected = { '110m': 1029, '50m': 1135, '10m': 1313 } as const;

  it.each(Object.entries(expected))('%s: within 3 percent of %s km, and equal to stats.json', (scale, km0) => {
    const f = scales.features.find((x) => x.properties.scale === scale)!;
    const measured = km(f.geometry);
    expect(Math.abs(measured - km0) / km0).toBeLessThan(0.03);
    expect(measured).toBeCloseTo(stats.borderLengthKm[scale]!, 1);
    expect(f.properties.lengthKm).toBe(stats.borderLengthKm[scale]);
  });

  it('gets longer as the map gets more detailed (110m < 50m < 10m)', () => {
    const { '110m': a, '50m': b, '10m': c } = stats.borderLengthKm;
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
  });

  it('border.geojson carries the unsimplified 1:10m line that stats.json measures', () => {
    expect(km(border10m.geometry)).toBeCloseTo(stats.borderLengthKm['10m']!, 1);
    expect(border10m.properties.lengthKm).toBe(stats.borderLengthKm['10m']);
  });
});

describe('the Kurdistan Region polygon', () => {
  it.each(['erbil', 'sulaymaniyah', 'duhok', 'koya'])('contains %s', (id) => {
    expect(booleanPointInPolygon(at(id), kri)).toBe(true);
  });

  it.each(['kirkuk', 'mosul', 'sanandaj'])('does not contain %s', (id) => {
    expect(booleanPointInPolygon(at(id), kri)).toBe(false);
  });

  it('has an area within 10 % of the ~38,200 km² of Natural Earth’s three governorates', () => {
    const km2 = area(kri) / 1e6;
    expect(Math.abs(km2 - 38_200) / 38_200).toBeLessThan(0.1);
    expect(Math.abs(stats.kriAreaKm2 - 38_200) / 38_200).toBeLessThan(0.1);
  });

  it('does not overlap any of the four Iranian provinces', () => {
    const provinces = regions.features.filter((f) => f.properties.kind === 'ir-kurdish-province');
    expect(provinces.map((f) => f.properties.id).sort()).toEqual(['IR-02', 'IR-05', 'IR-16', 'IR-17']);
    for (const p of provinces) {
      const overlap = intersect(featureCollection([kri, p]));
      // Shared edges come from one topology, so any overlap is a numerical sliver at most.
      expect(overlap ? area(overlap) / 1e6 : 0, String(p.properties.id)).toBeLessThan(1);
    }
  });
});

describe('the border and the Kurdistan Region', () => {
  it('touch: the 1:10m border comes within 1 km of the Region’s outline', () => {
    const rings = outline(kri);
    expect(border10m.geometry.coordinates.flat().some((p) => kmToOutline(p, rings) <= 1)).toBe(true);
  });

  it('the stretch along the Region is 350–550 km long (facts.md: ≈ 458 km) and matches stats.json', () => {
    const measured = km(kriStretch.geometry);
    expect(measured).toBeGreaterThan(350);
    expect(measured).toBeLessThan(550);
    expect(measured).toBeCloseTo(stats.borderAlongKriKm, 1);
  });

  it('line up: every vertex of that stretch lies within 250 m (one pixel at zoom 9) of the Region’s outline', () => {
    const rings = outline(kri);
    const worst = Math.max(...kriStretch.geometry.coordinates.flat().map((p) => kmToOutline(p, rings)));
    expect(worst).toBeLessThan(0.25);
  });

  it('the basemap’s Iran and Iraq polygons are drawn along exactly this border (no gap, no overlap)', () => {
    const vertices = (id: string) =>
      new Set(JSON.stringify(basemap.features.find((f) => f.properties.id === id)!.geometry.coordinates).match(/\[[-\d.]+,[-\d.]+\]/g));
    const iran = vertices('364');
    const iraq = vertices('368');
    for (const p of border10m.geometry.coordinates.flat()) {
      const key = JSON.stringify(p);
      expect(iran.has(key) && iraq.has(key), key).toBe(true);
    }
  });
});

describe('regions.geojson labels', () => {
  it('every feature has English, Arabic and Persian names (and Sorani Kurdish)', () => {
    for (const f of regions.features) {
      for (const key of ['name_en', 'name_ar', 'name_fa', 'name_ckb']) {
        expect(String(f.properties[key] ?? '').trim(), `${f.properties.id} ${key}`).not.toBe('');
      }
      // Arabic-script fields must hold Arabic script (catches swapped or transliterated names).
      for (const key of ['name_ar', 'name_fa', 'name_ckb']) expect(String(f.properties[key])).toMatch(/^[\u0600-\u06FF\s/()\u200c]+$/);
    }
  });
});

describe('page weight', () => {
  it('the first-view files total at most 150 KB gzip', () => {
    const firstView = ['basemap.geojson', 'boundaries.geojson', 'border.geojson', 'regions.geojson', 'places.geojson'];
    const total = firstView.reduce((sum, f) => sum + gzipSync(readFileSync(geoPath(f))).length, 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });
});

describe('the SVG map’s cheap planar geometry (src/lib/data/geo.ts) agrees with d3’s spherical answer', () => {
  it('after rewinding, every basemap and region polygon covers less than a hemisphere (d3 fills the right side)', () => {
    for (const fc of [basemap, regions] as FeatureCollection[])
      for (const f of rewindForD3(fc).features) expect(geoArea(f), String(f.properties?.id ?? f.properties?.name)).toBeLessThan(2 * Math.PI);
  });

  it('puts each country’s label point inside that country', () => {
    for (const f of rewindForD3(basemap as FeatureCollection).features) {
      const id = String(f.properties?.iso3 ?? f.properties?.id);
      if (!['IRN', 'IRQ', 'TUR', 'SYR', 'SAU', 'KWT', 'JOR'].includes(id)) continue;
      expect(geoContains(f, labelPoint(f.geometry) as [number, number]), id).toBe(true);
    }
  });
});
