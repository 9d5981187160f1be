// data/places.json (curated by hand) → data/geo/places.geojson. The schema is the contract with the story data
// (events and steps refer to these ids), so the build refuses a file that breaks it.
import { z } from 'zod';
import type { Feature, Point } from 'geojson';
import { makeFeature } from './features';

const Names = z.object({ en: z.string().min(1), ar: z.string().min(1), fa: z.string().min(1), ckb: z.string().min(1).optional() }).strict();
const Gazetteer = z.object({ source: z.literal('geonames-cities1000'), name: z.string().min(1), lon: z.number(), lat: z.number() }).strict();

export const PlaceSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.enum(['capital', 'city', 'town', 'crossing', 'area']),
    country: z.enum(['IQ', 'IR']),
    rank: z.number().int().min(1).max(4),
    names: Names,
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    gazetteer: Gazetteer.nullable(),
    precision: z.enum(['town', 'approximate', 'area']),
    radiusKm: z.number().positive().optional(),
    note: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).optional(),
  })
  .strict()
  // A coarse or un-gazetteered point must say why; only areas carry a radius, and every area has one.
  .refine((p) => (p.precision === 'town' && p.gazetteer !== null) || p.note !== undefined, { message: 'coarse place needs a note' })
  .refine((p) => (p.precision === 'area') === (p.radiusKm !== undefined), { message: 'radiusKm iff precision "area"' })
  .refine((p) => (p.kind === 'area') === (p.precision === 'area'), { message: 'kind "area" iff precision "area"' });

export const PlacesSchema = z.array(PlaceSchema).superRefine((ps, ctx) => {
  const seen = new Set<string>();
  for (const p of ps) {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${p.id}` });
    seen.add(p.id);
  }
});

export type Place = z.infer<typeof PlaceSchema>;

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
