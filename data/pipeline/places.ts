// data/places.json (curated by hand) → data/geo/places.geojson. The schema is the contract with the story data
// (events and steps refer to these ids), so the build refuses a file that breaks it.
import type { Feature, Point } from 'geojson';
import { makeFeature } from './features';
// One schema for data/places.json, shared with the site, the checker and the tests.
import { placesFile, type Place } from '../../src/lib/data/schema';

export const PlacesSchema = placesFile;
export type { Place };

export interface PlaceProps {
  id: string;
  kind: Place['kind'];
  rank: number;
  name_en: string;
  name_ar: string;
  name_fa: string;
  name_ckb?: string;
  precision: Place['precision'];
  radiusKm?: number;
  country: Place['country'];
}

export function placeFeatures(places: Place[]): Feature<Point, PlaceProps>[] {
  return places.map((p) =>
    makeFeature<Point, PlaceProps>(
      {
        id: p.id, kind: p.kind, rank: p.rank,
        name_en: p.names.en, name_ar: p.names.ar, name_fa: p.names.fa,
        ...(p.names.ckb ? { name_ckb: p.names.ckb } : {}),
        precision: p.precision,
        ...(p.radiusKm !== undefined ? { radiusKm: p.radiusKm } : {}),
        country: p.country,
      },
      { type: 'Point', coordinates: [p.lon, p.lat] },
    ),
  );
}
