/**
 * The downloadable data for teachers and journalists: every event with coordinates, precision, each toll figure
 * with who counted it, and its sources. Built at build time (vite.config.ts) from the same content the map draws.
 */
import type { Locale, Place, Source, StoryEvent } from './schema';
import type { Content } from '../story/resolve';
import { outletText } from './outlet';

export const EXPORT_FILES = { geojson: 'data/strikes.geojson', csv: 'data/strikes.csv' } as const;

function figureText(e: StoryEvent, k: 'killed' | 'injured', loc: Locale): string {
  return e[k]
    .map((f) => {
      const v = f.max !== undefined && f.max !== f.min ? `${f.min}-${f.max}` : `${f.atLeast ? '>=' : ''}${f.min}`;
      return `${v} (${loc.orgs[f.countedBy] ?? f.countedBy}, ${f.asOf}${f.scope === 'day' ? ', all sites that day' : ''})`;
    })
    .join('; ');
}

function sourceText(s: Source, loc: Locale): string {
  return [outletText(s, loc.ui, 'en'), s.title, s.date, s.url].filter(Boolean).join(', ');
}

function rows(content: Content, loc: Locale) {
  const places = new Map<string, Place>(content.places.map((p) => [p.id, p]));
  const sources = new Map(content.sources.map((s) => [s.id, s]));
  return content.events.map((e) => {
    const p = places.get(e.placeId)!;
    return {
      id: e.id,
      kind: e.kind === 'strike' ? 'strike (2022 campaign)' : 'context',
      date_start: e.date.start,
      date_end: e.date.end ?? e.date.start,
      date_precision: e.date.precision,
      place: p.names.en,
      place_id: p.id,
      longitude: p.lon,
      latitude: p.lat,
      location_precision: e.locationPrecision,
      radius_km: e.locationPrecision === 'area' ? (p.radiusKm ?? null) : null,
      place_note: p.note ?? '',
      actor: loc.orgs[e.actor] ?? e.actor,
      targets: e.targets.map((t) => loc.groups[t] ?? t).join('; '),
      weapons: e.weapons.join('; '),
      killed: figureText(e, 'killed', loc),
      injured: figureText(e, 'injured', loc),
      civilian_harm: e.civilianHarm,
      in_source_articles: e.seeds.length > 0,
      summary: loc.events[e.id]?.summary ?? '',
      sources: e.sources.map((id) => sourceText(sources.get(id)!, loc)).join(' | '),
    };
  });
}

export function eventsGeoJSON(content: Content, loc: Locale): string {
  const fc = {
    type: 'FeatureCollection',
    metadata: {
      title: 'Iranian strikes in the Kurdistan Region of Iraq, 2022 (with context strikes on Erbil, 2022 and 2024)',
      note: 'Coordinates are town centres or the centres of rough areas, never impact sites; see location_precision and radius_km.',
      licence: 'Event data: CC BY 4.0 (this project). Place coordinates: GeoNames (CC BY 4.0).',
    },
    features: rows(content, loc).map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
      properties: r,
    })),
  };
  return JSON.stringify(fc, null, 1);
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote everything that could break a row (RFC 4180); neutralise spreadsheet formulas (OWASP CSV injection:
  // =, +, -, @, tab or carriage return at the start).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n;]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function eventsCSV(content: Content, loc: Locale): string {
  const data = rows(content, loc);
  const head = Object.keys(data[0]!);
  return [head.join(','), ...data.map((r) => head.map((h) => csvCell((r as Record<string, unknown>)[h])).join(','))].join('\r\n') + '\r\n';
}
