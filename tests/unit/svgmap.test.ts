/**
 * The SVG map's planar Mercator (src/lib/map/svgProjection.ts) must draw what d3's spherical geoMercator would, and
 * what MapLibre shows: same positions for the same camera, and shapes clipped to the frame without holes or
 * inverted fills. Checked on the real basemap.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoMercator, geoPath } from 'd3-geo';
import { fitMercator, type Point } from '../../src/lib/map/svgProjection';
import { rewindForD3, type FC } from '../../src/lib/data/geo';

const basemap = rewindForD3(JSON.parse(readFileSync(new URL('../../data/geo/basemap.geojson', import.meta.url), 'utf8')) as FC);
const steps = (JSON.parse(readFileSync(new URL('../../data/steps.json', import.meta.url), 'utf8')) as { steps: { id: string; camera: { wide: number[] } }[] }).steps;

const W = 800;
const H = 600;
const BOX: [Point, Point] = [[20, 30], [W - 40, H - 20]];

describe('SVG map projection', () => {
  for (const step of steps.slice(0, 4)) {
    it(`puts places where d3's geoMercator.fitExtent does (${step.id})`, () => {
      const [w, s, e, n] = step.camera.wide as [number, number, number, number];
      const ours = fitMercator(step.camera.wide, BOX, W, H);
      const d3 = geoMercator().fitExtent(BOX, { type: 'MultiPoint', coordinates: [[w, s], [e, s], [e, n], [w, n]] });
      for (const p of [[44.0091, 36.1901], [45.4375, 35.5558], [51.389, 35.6892], [w, s], [e, n]] as Point[]) {
        const [ax, ay] = ours(p);
        const [bx, by] = d3(p)!;
        expect(Math.abs(ax - bx)).toBeLessThan(0.01);
        expect(Math.abs(ay - by)).toBeLessThan(0.01);
        const back = ours.invert([ax, ay]);
        expect(Math.abs(back[0] - p[0]) + Math.abs(back[1] - p[1])).toBeLessThan(1e-9);
      }
    });
  }

  it('clips countries to the frame: Iraq fills the whole frame on a close-up of Erbil, not its inverse', () => {
    const iraq = basemap.features.find((f) => f.properties?.iso3 === 'IRQ')!;
    const projection = fitMercator([43.6, 35.9, 44.4, 36.5], BOX, W, H);
    const d = geoPath(projection)(iraq)!;
    // The clipped ring is the frame (plus the clip margin): its area is the frame's, not zero and not negative.
    const area = geoPath(projection).area(iraq);
    expect(d.length).toBeGreaterThan(0);
    expect(area).toBeGreaterThan(0.95 * (W + 20) * (H + 20));
  });

  it('drops vertices that land on the same pixel, but keeps the shape', () => {
    const iran = basemap.features.find((f) => f.properties?.iso3 === 'IRN')!;
    const [w, s, e, n] = steps[0]!.camera.wide as [number, number, number, number];
    const ours = geoPath(fitMercator(steps[0]!.camera.wide, BOX, W, H));
    const d3 = geoPath(
      geoMercator()
        .precision(0)
        .fitExtent(BOX, { type: 'MultiPoint', coordinates: [[w, s], [e, s], [e, n], [w, n]] })
        .clipExtent([[-10, -10], [W + 10, H + 10]]),
    );
    expect(ours(iran)!.length).toBeLessThan(d3(iran)!.length * 0.8);
    expect(Math.abs(ours.area(iran) - d3.area(iran)) / d3.area(iran)).toBeLessThan(0.01);
  });
});
