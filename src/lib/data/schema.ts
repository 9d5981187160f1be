/**
 * One schema per content file. The build (vite plugin), the unit tests and `npm run check:data` all validate with
 * these, so a malformed file fails everywhere with the same message. The browser imports only the *types* from here
 * (`import type`), so zod never reaches the bundle.
 */
import { z } from 'zod';

/** Everything the story covers happens in these years (the 13 Mar 2022 Erbil strike is the earliest context item). */
export const YEAR_MIN = 2022;
export const YEAR_MAX = 2025;
/** The map's region: any coordinate outside it is a typo (a swapped lat/lon lands far outside). */
export const REGION_BBOX = { west: 34, south: 24, east: 64, north: 42 } as const;

import { LANGS, type Lang } from './langs';
export { LANGS, type Lang };

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase kebab-case id');

const isoDate = z.iso.date().refine((d) => {
  const y = Number(d.slice(0, 4));
  return y >= YEAR_MIN && y <= YEAR_MAX;
}, `date must fall within ${YEAR_MIN}–${YEAR_MAX}`);

/** A publication date may be known only to the month. Sources may predate the story (e.g. a 1995 factbook). */
const pubDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((d) => {
    const [y, m = 1, day = 1] = d.split('-').map(Number);
    const t = new Date(Date.UTC(y!, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  }, 'not a real calendar date');

export const dateRange = z
  .strictObject({
    start: isoDate,
    end: isoDate.optional(),
    /** day: the date is exact; days: somewhere in [start, end]; month: only the month is known. */
    precision: z.enum(['day', 'days', 'month']),
  })
  .refine((d) => !d.end || d.end >= d.start, { message: 'end must not be before start', path: ['end'] })
  .refine((d) => d.precision === 'day' || d.end, { message: 'a range or month needs an end', path: ['end'] });
export type DateRange = z.infer<typeof dateRange>;

const lon = z.number().min(REGION_BBOX.west, 'longitude outside the map region').max(REGION_BBOX.east, 'longitude outside the map region');
const lat = z.number().min(REGION_BBOX.south, 'latitude outside the map region').max(REGION_BBOX.north, 'latitude outside the map region');

// ---------- sources (seeds/sources.json) ----------
/** What kind of text a source is, where its outlet's name alone would mislead: each has a `sourceForm-…` UI string. */
export const SOURCE_FORMS = ['aggregator', 'statement', 'briefing'] as const;
export const claim = z.strictObject({ id, text: z.string().min(10) });
export const source = z
  .strictObject({
    id,
    kind: z.enum(['seed', 'public', 'data']),
    /** For seeds: the file name in ../shared/seeds (the article text itself is never copied into the repo). */
    seedFile: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/).optional(),
    /** The outlet's own name; what kind of text it is goes in `form`, so it can be said in the reader's language. */
    outlet: z.string().min(2),
    form: z.enum(SOURCE_FORMS).optional(),
    /** Who spoke, for a briefing (a name, written as the source writes it). */
    speaker: z.string().min(2).optional(),
    title: z.string().min(2).optional(),
    date: pubDate.optional(),
    url: z.url({ protocol: /^https$/ }).optional(),
    note: z.string().optional(),
    claims: z.array(claim),
  })
  .refine((s) => !s.speaker || s.form === 'briefing', { message: 'a speaker goes with form "briefing"', path: ['speaker'] })
  .refine((s) => s.kind !== 'seed' || s.seedFile, { message: 'a seed needs its seedFile', path: ['seedFile'] })
  .refine((s) => s.kind !== 'seed' || s.claims.length > 0, { message: 'a seed must list the claims taken from it', path: ['claims'] });
export const sourcesFile = z.strictObject({ sources: z.array(source).min(1) });
export type Source = z.infer<typeof source>;

// ---------- places (data/places.json) ----------
export const placeKind = z.enum(['capital', 'city', 'town', 'crossing', 'area']);
export const place = z
  .strictObject({
    id,
    kind: placeKind,
    country: z.enum(['IQ', 'IR']),
    rank: z.number().int().min(1).max(4),
    names: z.strictObject({ en: z.string().min(1), ar: z.string().min(1), fa: z.string().min(1), ckb: z.string().min(1).optional() }),
    lon,
    lat,
    gazetteer: z
      .strictObject({ source: z.literal('geonames-cities1000'), name: z.string(), lon: z.number(), lat: z.number() })
      .nullable(),
    precision: z.enum(['town', 'approximate', 'area']),
    radiusKm: z.number().positive().max(100).optional(),
    note: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    /** disputed: outside the Region's governorate lines, in territory disputed between Baghdad and the KRG. */
    territory: z.literal('disputed').optional(),
  })
  .refine((p) => (p.precision === 'area') === (p.radiusKm !== undefined), { message: 'radiusKm is required for an area and only for an area', path: ['radiusKm'] })
  .refine((p) => (p.kind === 'area') === (p.precision === 'area'), { message: 'kind "area" goes with precision "area"', path: ['precision'] })
  .refine((p) => (p.precision === 'town' && p.gazetteer) || p.note, {
    message: 'a coarse or un-gazetteered place needs a note saying why',
    path: ['note'],
  });
export const placesFile = z.array(place).min(1);
export type Place = z.infer<typeof place>;

// ---------- events (data/events.json) ----------
/** A casualty figure: who counted, where it was reported, and when. Ranges where counts differ are several figures. */
export const figure = z
  .strictObject({
    min: z.number().int().min(0),
    max: z.number().int().min(0).optional(),
    /** "at least" figures: the count was still rising or covers only what one counter could confirm. */
    atLeast: z.boolean().optional(),
    /** site: this place only; day: every site struck that day together. */
    scope: z.enum(['site', 'day']),
    countedBy: id,
    sourceId: id,
    asOf: isoDate,
  })
  .refine((f) => f.max === undefined || f.max >= f.min, { message: 'max must not be below min', path: ['max'] });
export type Figure = z.infer<typeof figure>;

export const event = z.strictObject({
  id,
  /** strike: the 2022 campaign the seeds describe; context: IRGC strikes on Erbil outside the seeds' story. */
  kind: z.enum(['strike', 'context']),
  date: dateRange,
  placeId: id,
  /** ACLED-like: site = the struck site itself; town = a town's centroid; area = somewhere within a ring. */
  locationPrecision: z.enum(['site', 'town', 'area']),
  actor: id,
  targets: z.array(id).min(1),
  weapons: z.array(z.enum(['ballistic-missiles', 'missiles', 'drones', 'artillery'])).min(1),
  killed: z.array(figure),
  injured: z.array(figure),
  /** reported: a cited source says civilians were killed or hurt; not-reported: none of our sources says so. */
  civilianHarm: z.enum(['reported', 'not-reported']),
  /** Ids of seeds (sources of kind "seed") that state this event; empty when it is added context. */
  seeds: z.array(id),
  sources: z.array(id).min(1),
});
export const eventsFile = z.strictObject({ events: z.array(event).min(1) });
export type StoryEvent = z.infer<typeof event>;

// ---------- steps (data/steps.json) ----------
export const LAYERS = [
  'border',
  'border-kri',
  'border-scales',
  'kri',
  'kri-governorates',
  'ir-provinces',
  'events',
  'context-events',
  'crossings',
] as const;
export type LayerId = (typeof LAYERS)[number];

const bbox = z
  .tuple([lon, lat, lon, lat])
  .refine(([w, s, e, n]) => w < e && s < n, 'bbox must be [west, south, east, north]');
export type Bbox = [number, number, number, number];

export const step = z.strictObject({
  id,
  /** null for framing steps (intro, the border's length) that sit outside the timeline; they keep the previous date. */
  date: dateRange.nullable(),
  /** Seeds that report what this step says; an empty list marks the step as added context. */
  seeds: z.array(id),
  /** The FULL view, never a difference from the previous step: scrolling back or jumping must give the same map. */
  camera: z.strictObject({ wide: bbox, narrow: bbox }),
  layers: z.array(z.enum(LAYERS)),
  highlight: z.strictObject({ events: z.array(id), places: z.array(id), regions: z.array(z.string()) }),
  sources: z.array(id),
  /** Where sources disagree; the text of each note lives in the locale files under steps.<id>.notes.<noteId>. */
  notes: z.array(z.strictObject({ id, sources: z.array(id).min(1) })),
});
export const stepsFile = z.strictObject({ steps: z.array(step).min(1) });
export type Step = z.infer<typeof step>;

// ---------- locale text (data/i18n/<lang>.json) ----------
const stepText = z.strictObject({
  kicker: z.string().optional(),
  title: z.string().min(1),
  body: z.array(z.string().min(1)).min(1),
  notes: z.record(z.string(), z.string().min(1)).optional(),
  /** Short label for the step's marker on the timeline (only key dates have one). */
  marker: z.string().min(1).optional(),
  /** Speaker notes for presentation mode: short talking points. */
  talk: z.array(z.string().min(1)).optional(),
  /** A one-line description of what the map shows, for screen readers. */
  mapAlt: z.string().min(1),
});
export const localeFile = z.strictObject({
  lang: z.enum(LANGS),
  dir: z.enum(['ltr', 'rtl']),
  /** True until a native speaker has reviewed the translation. */
  machineAssisted: z.boolean(),
  ui: z.record(z.string(), z.string()),
  steps: z.record(z.string(), stepText),
  events: z.record(z.string(), z.strictObject({ title: z.string(), summary: z.string() })),
  orgs: z.record(z.string(), z.string()),
  groups: z.record(z.string(), z.string()),
  countries: z.record(z.string(), z.string()),
  /** Translations of data/places.json notes (English reads them from places.json itself). */
  placeNotes: z.record(z.string(), z.string().min(1)).optional(),
});
export type Locale = z.infer<typeof localeFile>;
