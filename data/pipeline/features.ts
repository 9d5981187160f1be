// Building GeoJSON with a fixed key order, so JSON.stringify gives the same bytes on every run and every machine.
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';

/** A Feature with keys in the order type, properties, geometry; ring winding per RFC 7946 (outer rings anticlockwise). */
export function makeFeature<G extends Geometry, P extends GeoJsonProperties>(properties: P, geometry: G): Feature<G, P> {
  const g = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? (rewind(geometry) as G) : geometry;
  return { type: 'Feature', properties, geometry: g };
}

export function makeCollection<G extends Geometry, P extends GeoJsonProperties>(
  features: Feature<G, P>[],
  bbox?: [number, number, number, number],
): FeatureCollection<G, P> {
  return bbox ? { type: 'FeatureCollection', bbox, features } : { type: 'FeatureCollection', features };
}
