// Checks on the committed geodata (data/geo/*), re-measured with turf: what the story says about the border, the
// Kurdistan Region and the page weight must be true of the files the site actually ships.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, featureCollection, intersect, length, lineString, multiLineString, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import { geoArea, geoContains } from 'd3-geo';
import { labelPoint, OVERVIEW_MAX_ZOOM, rewindForD3 } from '../../src/lib/data/geo';
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
type Land = FeatureCollection<Polygon | MultiPolygon, { id: string }>;
const basemap = readJson<Land>(geoPath('basemap.geojson'));
const overview = readJson<Land>(geoPath('basemap-overview.geojson'));
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

  for (const [name, land] of [['basemap', basemap], ['overview basemap', overview]] as const)
    it(`the ${name}’s Iran and Iraq polygons are drawn along exactly this border (no gap, no overlap)`, () => {
      const vertices = (id: string) =>
        new Set(JSON.stringify(land.features.find((f) => f.properties.id === id)!.geometry.coordinates).match(/\[[-\d.]+,[-\d.]+\]/g));
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
    // What src/lib/data/geo.ts loadGeo fetches before the first map.
    const firstView = ['basemap-overview.geojson', 'boundaries-overview.geojson', 'border.geojson', 'border-scales.geojson', 'regions.geojson', 'places.geojson'];
    const total = firstView.reduce((sum, f) => sum + gzipSync(readFileSync(geoPath(f))).length, 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });
});

describe('the overview basemap (the first view’s land, drawn by the SVG map up to OVERVIEW_MAX_ZOOM)', () => {
  const vertexCount = (fc: Land) => fc.features.reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
  // Web Mercator pixels at that zoom (512 px tiles, as MapLibre and the SVG map's mapZoom count them).
  const px = ([lon, lat]: Position): [number, number] => {
    const k = (512 * 2 ** OVERVIEW_MAX_ZOOM) / (2 * Math.PI);
    return [k * (lon! * Math.PI) / 180, -k * Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 360))];
  };
  const toSegment = (p: [number, number], a: [number, number], b: [number, number]) => {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  };
  const rings = (f: Feature<Polygon | MultiPolygon>) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat();

  it('has the same countries, with at most 40 % of the full basemap’s vertices (what the first paint projects)', () => {
    expect(overview.features.map((f) => f.properties.id)).toEqual(basemap.features.map((f) => f.properties.id));
    expect(vertexCount(overview)).toBeLessThan(0.4 * vertexCount(basemap));
  });

  // The story's widest camera (steps.json: 38.5–56.5° E, 28.8–39.8° N) and 2° around it, more than any screen shows.
  const shown = ([lon, lat]: Position) => lon! >= 36.5 && lon! <= 58.5 && lat! >= 26.8 && lat! <= 41.8;

  it('runs within 2.5 px of the full coastlines and borders at that zoom where the story looks (only islands under 5 px across, about 9 km, drop out)', () => {
    for (const id of ['364', '368', '792', '760']) {
      const segs = rings(overview.features.find((f) => f.properties.id === id)!).flatMap((r) => r.slice(1).map((q, i) => [px(r[i]!), px(q)] as const));
      // Bucket the overview's segments by 16 px cell, so each full vertex is checked against the nearby ones only.
      const grid = new Map<string, (typeof segs)[number][]>();
      for (const sg of segs) {
        const [x0, x1] = [Math.min(sg[0][0], sg[1][0]), Math.max(sg[0][0], sg[1][0])];
        const [y0, y1] = [Math.min(sg[0][1], sg[1][1]), Math.max(sg[0][1], sg[1][1])];
        for (let x = Math.floor(x0 / 16) - 1; x <= Math.floor(x1 / 16) + 1; x++)
          for (let y = Math.floor(y0 / 16) - 1; y <= Math.floor(y1 / 16) + 1; y++) grid.set(`${x},${y}`, [...(grid.get(`${x},${y}`) ?? []), sg]);
      }
      const away = ([x, y]: [number, number]) =>
        Math.min(...(grid.get(`${Math.floor(x / 16)},${Math.floor(y / 16)}`) ?? []).map(([a, b]) => toSegment([x, y], a, b)));
      for (const ring of rings(basemap.features.find((f) => f.properties.id === id)!)) {
        const pts = ring.filter(shown).map(px);
        if (!pts.length) continue;
        const across = Math.max(Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1])) - Math.min(...pts.map((p) => p[1])));
        const worst = Math.max(...pts.map(away));
        const at = pts.map(away).indexOf(worst);
        if (across >= 5) expect(worst, `${id}: a ring ${across.toFixed(1)} px across, at ${ring.filter(shown)[at]}`).toBeLessThan(2.5);
      }
    }
  });
});

describe('the SVG map’s cheap planar geometry (src/lib/data/geo.ts) agrees with d3’s spherical answer', () => {
  it('after rewinding, every basemap and region polygon covers less than a hemisphere (d3 fills the right side)', () => {
    for (const fc of [basemap, regions] as FeatureCollection[])
      for (const f of rewindForD3(fc).features) expect(geoArea(f), String(f.properties?.id ?? f.properties?.name)).toBeLessThan(2 * Math.PI);
  });

  it('puts each country’s label point inside that country', () => {
    for (const f of [...rewindForD3(basemap as FeatureCollection).features, ...rewindForD3(overview as FeatureCollection).features]) {
      const id = String(f.properties?.iso3 ?? f.properties?.id);
      if (!['IRN', 'IRQ', 'TUR', 'SYR', 'SAU', 'KWT', 'JOR'].includes(id)) continue;
      expect(geoContains(f, labelPoint(f.geometry) as [number, number]), id).toBe(true);
    }
  });
});
