/**
 * Validates the whole content set: each file against its schema, then the references between files.
 * Returns EVERY problem (file, path, reason) rather than stopping at the first, so an editor fixes a file in one go.
 */
import type { z } from 'zod';
import {
  eventsFile,
  localeFile,
  placesFile,
  sourcesFile,
  stepsFile,
  type Locale,
  type Place,
  type Source,
  type Step,
  type StoryEvent,
} from './schema';

export interface Problem {
  file: string;
  path: string;
  reason: string;
}

/** Where each content file lives, relative to the repository root. */
export const FILES = {
  sources: 'seeds/sources.json',
  places: 'data/places.json',
  events: 'data/events.json',
  steps: 'data/steps.json',
  locale: (lang: string) => `data/i18n/${lang}.json`,
} as const;

export interface RawDataset {
  sources: unknown;
  places: unknown;
  events: unknown;
  steps: unknown;
  /** Locale files by language code; English is the reference every other language is compared with. */
  locales: Record<string, unknown>;
  /** Ids of the region polygons the steps may highlight (from data/geo/regions.geojson); null when absent. */
  regionIds: string[] | null;
}

function fmtPath(path: PropertyKey[]): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
}

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string, out: Problem[]): T | undefined {
  // A missing or unreadable file was already reported by the reader; its schema errors would only repeat it.
  if (value === undefined) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) out.push({ file, path: fmtPath(issue.path), reason: issue.message });
  return undefined;
}

/**
 * The ids a file declares, read leniently from the raw JSON: when one entry fails its schema, references to the
 * others must still resolve, or a single typo would be reported as dozens of "unknown id" problems.
 */
function rawIds(list: unknown): unknown[] {
  return Array.isArray(list) ? list : [];
}

function dupes(items: unknown[], file: string, root: string, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const id = (it as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) out.push({ file, path: `${root}[${i}].id`, reason: `duplicate id "${id}"` });
    seen.add(id);
  });
  return seen;
}

/** Lists every key path ("ui.next", "steps.accord-2023.title") so languages can be compared key by key. */
export function keyPaths(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

export function validateDataset(raw: RawDataset): Problem[] {
  const out: Problem[] = [];
  const sources = parse(sourcesFile, raw.sources, FILES.sources, out)?.sources ?? [];
  const places = parse(placesFile, raw.places, FILES.places, out) ?? [];
  const events = parse(eventsFile, raw.events, FILES.events, out)?.events ?? [];
  const steps = parse(stepsFile, raw.steps, FILES.steps, out)?.steps ?? [];
  const locales: Record<string, Locale> = {};
  for (const [lang, value] of Object.entries(raw.locales)) {
    const loc = parse(localeFile, value, FILES.locale(lang), out);
    if (loc) locales[lang] = loc;
  }

  const rawSources = rawIds((raw.sources as { sources?: unknown } | undefined)?.sources);
  const sourceIds = dupes(rawSources, FILES.sources, 'sources', out);
  const placeIds = dupes(rawIds(raw.places), FILES.places, '', out);
  const eventIds = dupes(rawIds((raw.events as { events?: unknown } | undefined)?.events), FILES.events, 'events', out);
  dupes(rawIds((raw.steps as { steps?: unknown } | undefined)?.steps), FILES.steps, 'steps', out);
  const seedIds = new Set(
    rawSources.filter((s) => (s as Source | null)?.kind === 'seed').map((s) => (s as Source).id),
  );
  const en = locales.en;
  if (!en && !('en' in raw.locales)) out.push({ file: FILES.locale('en'), path: '(root)', reason: 'the English locale is missing' });

  const ref = (ok: boolean, file: string, path: string, what: string, id: string) => {
    if (!ok) out.push({ file, path, reason: `unknown ${what} id "${id}"` });
  };

  events.forEach((e: StoryEvent, i) => {
    const p = `events[${i}]`;
    ref(placeIds.has(e.placeId), FILES.events, `${p}.placeId`, 'place', e.placeId);
    e.sources.forEach((s, j) => ref(sourceIds.has(s), FILES.events, `${p}.sources[${j}]`, 'source', s));
    e.seeds.forEach((s, j) => ref(seedIds.has(s), FILES.events, `${p}.seeds[${j}]`, 'seed', s));
    if (en) {
      ref(e.actor in en.orgs, FILES.events, `${p}.actor`, 'organisation (locale orgs)', e.actor);
      e.targets.forEach((t, j) => ref(t in en.groups, FILES.events, `${p}.targets[${j}]`, 'group (locale groups)', t));
    }
    (['killed', 'injured'] as const).forEach((k) =>
      e[k].forEach((f, j) => {
        ref(sourceIds.has(f.sourceId), FILES.events, `${p}.${k}[${j}].sourceId`, 'source', f.sourceId);
        if (en) ref(f.countedBy in en.orgs, FILES.events, `${p}.${k}[${j}].countedBy`, 'organisation (locale orgs)', f.countedBy);
        if (f.asOf < e.date.start) out.push({ file: FILES.events, path: `${p}.${k}[${j}].asOf`, reason: 'a count cannot predate the event' });
      }),
    );
    const place = places.find((pl: Place) => pl.id === e.placeId);
    if (place?.precision === 'area' && e.locationPrecision !== 'area')
      out.push({ file: FILES.events, path: `${p}.locationPrecision`, reason: `place "${place.id}" is only known as an area, so the event cannot be more precise` });
  });

  let lastDate = '';
  steps.forEach((s: Step, i) => {
    const p = `steps[${i}]`;
    s.highlight.events.forEach((id, j) => ref(eventIds.has(id), FILES.steps, `${p}.highlight.events[${j}]`, 'event', id));
    s.highlight.places.forEach((id, j) => ref(placeIds.has(id), FILES.steps, `${p}.highlight.places[${j}]`, 'place', id));
    if (raw.regionIds) {
      const regionIds = new Set(raw.regionIds);
      s.highlight.regions.forEach((id, j) => ref(regionIds.has(id), FILES.steps, `${p}.highlight.regions[${j}]`, 'region', id));
    }
    s.sources.forEach((id, j) => ref(sourceIds.has(id), FILES.steps, `${p}.sources[${j}]`, 'source', id));
    s.seeds.forEach((id, j) => ref(seedIds.has(id), FILES.steps, `${p}.seeds[${j}]`, 'seed', id));
    s.notes.forEach((n, j) => n.sources.forEach((id, k) => ref(sourceIds.has(id), FILES.steps, `${p}.notes[${j}].sources[${k}]`, 'source', id)));
    if (s.date) {
      if (s.date.start < lastDate) out.push({ file: FILES.steps, path: `${p}.date.start`, reason: 'steps must be in chronological order' });
      lastDate = s.date.start;
    }
    for (const [lang, loc] of Object.entries(locales)) {
      const text = loc.steps[s.id];
      if (!text) out.push({ file: FILES.locale(lang), path: `steps.${s.id}`, reason: `no text for step "${s.id}"` });
      else s.notes.forEach((n) => {
        if (!text.notes?.[n.id]) out.push({ file: FILES.locale(lang), path: `steps.${s.id}.notes.${n.id}`, reason: `no text for note "${n.id}"` });
      });
    }
  });

  for (const [lang, loc] of Object.entries(locales)) {
    events.forEach((e) => {
      if (!loc.events[e.id]) out.push({ file: FILES.locale(lang), path: `events.${e.id}`, reason: `no text for event "${e.id}"` });
    });
    if (lang === 'en' || !en) continue;
    places.forEach((pl) => {
      if (pl.note && !loc.placeNotes?.[pl.id]) out.push({ file: FILES.locale(lang), path: `placeNotes.${pl.id}`, reason: 'missing translation of the place note in data/places.json' });
    });
    const have = new Set(keyPaths(loc));
    for (const key of keyPaths(en)) {
      if (!have.has(key)) out.push({ file: FILES.locale(lang), path: key, reason: 'missing translation (present in en.json)' });
    }
  }
  return out;
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file}: ${p.path}: ${p.reason}`).join('\n');
}
