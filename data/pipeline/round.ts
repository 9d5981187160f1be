// Coordinate rounding for the committed files. 4 decimals ≈ 11 m, finer than world-atlas's own 1:10m grid
// (≈ 330 × 190 m here), so rounding costs no detail, keeps files small and makes output byte-stable.
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export const DECIMALS = 4;

export function roundNumber(n: number, decimals = DECIMALS): number {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function roundPositions(ps: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ps) {
    const q = [roundNumber(p[0]!), roundNumber(p[1]!)];
    const last = out[out.length - 1];
    // Rounding can make neighbouring vertices equal; a repeated vertex only adds bytes.
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounds a (multi)line or (multi)polygon and drops parts that collapse (lines < 2 points, rings < 4). */
export function roundGeometry<G extends LineString | MultiLineString | Polygon | MultiPolygon>(g: G): G | null {
  const line = (ps: Position[]) => { const r = roundPositions(ps); return r.length >= 2 ? r : null; };
  const ring = (ps: Position[]) => { const r = roundPositions(ps); return r.length >= 4 ? r : null; };
  const poly = (rings: Position[][]) => {
    const outer = rings[0] && ring(rings[0]);
    if (!outer) return null;
    return [outer, ...rings.slice(1).map(ring).filter((r): r is Position[] => r !== null)];
  };
  const keep = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
  let out: Geometry | null;
  switch (g.type) {
    case 'LineString': { const c = line(g.coordinates); out = c && { type: 'LineString', coordinates: c }; break; }
    case 'MultiLineString': { const c = keep(g.coordinates.map(line)); out = c.length ? { type: 'MultiLineString', coordinates: c } : null; break; }
    case 'Polygon': { const c = poly(g.coordinates); out = c && { type: 'Polygon', coordinates: c }; break; }
    case 'MultiPolygon': { const c = keep(g.coordinates.map(poly)); out = c.length ? { type: 'MultiPolygon', coordinates: c } : null; break; }
  }
  return out as G | null;
}
