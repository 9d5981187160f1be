// The quiet land layer: every country touching the story's box, from Natural Earth 1:10m, simplified as a topology,
// clipped to the box; plus the country lines, drawn once from the shared arcs (no double-stroked polygon edges).
import { feature, mesh } from 'topojson-client';
import { bbox as bboxOf, bboxClip } from '@turf/turf';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { BASEMAP_BBOX, BASEMAP_MIN_AREA } from './config';
import { borderArcIndices, isIranIraq } from './border';
import { ISO3_BY_NUMERIC } from './iso';
import { simplifyTopology } from './simplify';
import { roundGeometry } from './round';
import { makeFeature } from './features';

export interface CountryProps { id: string; iso3: string; name: string }
export interface BoundaryProps { kind: 'country' }

const [west, south, east, north] = BASEMAP_BBOX;
const overlapsBox = (b: number[]) => b[0]! <= east && b[2]! >= west && b[1]! <= north && b[3]! >= south;

function inBox(topo: Topology, countries: GeometryCollection): GeometryObject[] {
  return countries.geometries.filter((g) => overlapsBox(bboxOf(feature(topo, g))));
}

/** `minArea`: the Visvalingam threshold (config.ts), full detail unless given. */
export function buildBasemap(topo10m: Topology, minArea = BASEMAP_MIN_AREA) {
  const countries = topo10m.objects.countries as GeometryCollection<{ name: string }>;
  const selected = inBox(topo10m, countries);
  const simple = simplifyTopology(topo10m, minArea, borderArcIndices(topo10m));

  const land: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
  for (const g of selected) {
    const f = feature(simple, g) as Feature<Polygon | MultiPolygon>;
    const clipped = roundGeometry(bboxClip(f, BASEMAP_BBOX).geometry as Polygon | MultiPolygon);
    // A country whose bounding box overlaps ours (France's, with its overseas lands, spans the globe) may still have no
    // land inside it.
    if (!clipped) continue;
    const id = String(g.id ?? '');
    const iso3 = ISO3_BY_NUMERIC[id];
    if (!iso3) throw new Error(`basemap: no ISO alpha-3 for world-atlas id "${id}" (${JSON.stringify(g.properties)}); add it to iso.ts`);
    land.push(makeFeature({ id, iso3, name: (g.properties as { name: string }).name }, clipped));
  }
  // Plain code-unit order, not localeCompare: the output must not depend on the machine's locale.
  land.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));

  const kept = { type: 'GeometryCollection', geometries: selected } as GeometryCollection;
  const lines = mesh(simple, kept, (a, b) => a !== b && !isIranIraq(a, b));
  const clippedLines = roundGeometry(bboxClip(lines, BASEMAP_BBOX).geometry as LineString | MultiLineString);
  const boundaries = clippedLines ? [makeFeature<LineString | MultiLineString, BoundaryProps>({ kind: 'country' }, clippedLines)] : [];
  return { land, boundaries };
}
