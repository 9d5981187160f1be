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

/**
 * A ring for each event whose place is known only as an area: the honest shape of "somewhere around here" — plus one
 * label point per area place (not per event: two strikes at Zrgwez share one name), on the ring's northern edge, so
 * the name does not sit on a point it does not mean. Renderers show the label while any event there is visible.
 */
export function eventAreas(events: StoryEvent[], places: Place[]): GeoJSON.FeatureCollection {
  const byId = placeIndex(places);
  const rings: GeoJSON.Feature[] = [];
  const labels = new Map<string, GeoJSON.Feature>();
  for (const e of events) {
    const p = byId.get(e.placeId)!;
    if (e.locationPrecision !== 'area' || !p.radiusKm) continue;
    const ring = circle([p.lon, p.lat], p.radiusKm, { steps: 48, units: 'kilometers' });
    rings.push({ ...ring, properties: { id: e.id, kind: e.kind, radiusKm: p.radiusKm } });
    const north = p.lat + p.radiusKm / 111.2;
    labels.set(p.id, {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, north] },
      properties: { placeId: p.id, kind: 'area-label', ...Object.fromEntries(Object.entries(p.names).map(([k, v]) => [`name_${k}`, v])) },
    });
  }
  return { type: 'FeatureCollection', features: [...rings, ...labels.values()] };
}
