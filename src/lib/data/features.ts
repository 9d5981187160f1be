/**
 * Turns events and places into the GeoJSON the renderers draw and the downloads ship. Pure, shared by MapLibre,
 * the SVG fallback and the data export, so all three always agree.
 */
import { circle } from '@turf/turf';
import type { Place, StoryEvent } from './schema';
import { tollForSize } from '../story/resolve';
import { strikeRadius } from '../map/palette';

export function placeIndex(places: Place[]): Map<string, Place> {
  return new Map(places.map((p) => [p.id, p]));
}

/** One point per event, at its place; `r` is the circle radius in px (area ∝ toll). */
export function eventPoints(events: StoryEvent[], places: Place[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const byId = placeIndex(places);
  return {
    type: 'FeatureCollection',
    features: events.map((e) => {
      const p = byId.get(e.placeId)!;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { id: e.id, kind: e.kind, r: strikeRadius(tollForSize(e)), precision: e.locationPrecision },
      };
    }),
  };
}

/** A ring for each event whose place is known only as an area: the honest shape of "somewhere around here". */
export function eventAreas(events: StoryEvent[], places: Place[]): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  const byId = placeIndex(places);
  return {
    type: 'FeatureCollection',
    features: events.flatMap((e) => {
      const p = byId.get(e.placeId)!;
      if (e.locationPrecision !== 'area' || !p.radiusKm) return [];
      const ring = circle([p.lon, p.lat], p.radiusKm, { steps: 48, units: 'kilometers' });
      return [{ ...ring, properties: { id: e.id, kind: e.kind, radiusKm: p.radiusKm } }];
    }),
  };
}
