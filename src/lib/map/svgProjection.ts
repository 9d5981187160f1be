/**
 * Web Mercator for the SVG map, done on the plane. d3's geoMercator works on the sphere: every vertex goes through
 * rotation, antimeridian clipping and spherical ring bookkeeping before the planar clip, which made the basemap most
 * of the first paint's script time. Our frame (35–65° E, 23–42° N) is nowhere near the antimeridian or the poles,
 * so plain x = λ, y = ln tan(π/4 + φ/2), scaled to fit, then d3's planar rectangle clip, gives the same drawing (and
 * the same projection as MapLibre's) for a fraction of the cost. Rings must still follow d3's winding (outer rings
 * clockwise: src/lib/data/geo.ts rewinds them), because the rectangle clip rejoins cut rings by it.
 */
import { geoClipRectangle, type GeoStream } from 'd3-geo';

export type Point = [number, number];
export interface PlanarProjection {
  (p: Point): Point;
  invert(p: Point): Point;
  /** Projects, clips to the frame (with a margin), and drops points within `tolerance` px of the last one kept. */
  stream(out: GeoStream): GeoStream;
}

const RAD = Math.PI / 180;
const mx = (lon: number) => lon * RAD;
const my = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/**
 * Fits bbox [w, s, e, n] into the box [[x0, y0], [x1, y1]] (centred, aspect kept), as d3's fitExtent does for the
 * bbox's corners; drawing is clipped to [0, 0, width, height] plus `margin` px.
 */
export function fitMercator(bbox: readonly number[], box: [Point, Point], width: number, height: number, margin = 10, tolerance = 0.75): PlanarProjection {
  const [w, s, e, n] = bbox as [number, number, number, number];
  const [[x0, y0], [x1, y1]] = box;
  const dx = mx(e) - mx(w);
  const dy = my(n) - my(s);
  const k = Math.min((x1 - x0) / dx, (y1 - y0) / dy);
  const tx = x0 + (x1 - x0 - k * dx) / 2 - k * mx(w);
  const ty = y0 + (y1 - y0 - k * dy) / 2 + k * my(n);

  const project = ((p: Point): Point => [tx + k * mx(p[0]), ty - k * my(p[1])]) as PlanarProjection;
  project.invert = ([x, y]) => [(x - tx) / k / RAD, (2 * Math.atan(Math.exp((ty - y) / k)) - Math.PI / 2) / RAD];
  const clip = geoClipRectangle(-margin, -margin, width + margin, height + margin);

  project.stream = (out) => {
    const clipped = clip(out);
    let lx = 0;
    let ly = 0;
    let fresh = true;
    let pending: Point | null = null;
    // Projection and pixel filter in one step: at this scale most 1:10m vertices land on an already drawn pixel.
    const s: GeoStream = {
      point(lon, lat) {
        const x = tx + k * mx(lon);
        const y = ty - k * my(lat);
        if (fresh || Math.abs(x - lx) >= tolerance || Math.abs(y - ly) >= tolerance) {
          clipped.point(x, y);
          lx = x;
          ly = y;
          fresh = false;
          pending = null;
        } else pending = [x, y];
      },
      lineStart() {
        fresh = true;
        pending = null;
        clipped.lineStart();
      },
      lineEnd() {
        // Ring ends are always kept, so rings close where they should.
        if (pending) clipped.point(pending[0], pending[1]);
        pending = null;
        clipped.lineEnd();
      },
      polygonStart: () => clipped.polygonStart(),
      polygonEnd: () => clipped.polygonEnd(),
      sphere: () => clipped.sphere?.(),
    };
    return s;
  };
  return project;
}

/** The MapLibre zoom that draws at this projection's scale (512 px tiles: the world is 512·2^zoom px wide). */
export function mapZoom(projection: PlanarProjection): number {
  const pxPerDegree = projection([1, 0])[0] - projection([0, 0])[0];
  return Math.log2((pxPerDegree * 360) / 512);
}
