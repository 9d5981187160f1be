// The Iran–Iraq border, taken from the shared country topology rather than from either country's outline, so it is
// exactly the edge both polygons use (no gap, no double line).
import { mesh, meshArcs } from 'topojson-client';
import { length, lineString, multiLineString } from '@turf/turf';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { MultiLineString } from 'geojson';

export const IRAN = '364';
export const IRAQ = '368';

/** True for the pair of neighbours that share the Iran–Iraq border, in either order. */
export function isIranIraq(a: GeometryObject, b: GeometryObject): boolean {
  return (a.id === IRAN && b.id === IRAQ) || (a.id === IRAQ && b.id === IRAN);
}

function countries(topo: Topology): GeometryCollection {
  return topo.objects.countries as GeometryCollection;
}

export function borderLine(topo: Topology): MultiLineString {
  return mesh(topo, countries(topo), isIranIraq);
}

/** Indices (non-negative) of the arcs the border is made of, so simplification can leave them untouched. */
export function borderArcIndices(topo: Topology): Set<number> {
  const arcs = meshArcs(topo, countries(topo), isIranIraq).arcs.flat();
  return new Set(arcs.map((i) => (i < 0 ? ~i : i)));
}

/** Geodesic length in km, as turf measures it (the number the story quotes). */
export function lengthKm(line: MultiLineString): number {
  return length(multiLineString(line.coordinates), { units: 'kilometers' });
}

export function lineLengthKm(coords: number[][]): number {
  return length(lineString(coords), { units: 'kilometers' });
}
