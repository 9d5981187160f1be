// Checks on the real story content (data/*.json, seeds/sources.json, data/i18n/en.json): what the reader sees on the
// cards and the map must be complete, in order, sourced, and placed where the story says it happened.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readDataset } from '../../src/lib/data/readDataset';
import { validateDataset } from '../../src/lib/data/validate';
import type { Locale, Place, Source, Step, StoryEvent } from '../../src/lib/data/schema';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { raw, problems: readProblems } = readDataset(repo);
const steps = (raw.steps as { steps: Step[] }).steps;
const events = (raw.events as { events: StoryEvent[] }).events;
const places = raw.places as Place[];
const sources = (raw.sources as { sources: Source[] }).sources;
const en = raw.locales.en as Locale;
const regions = JSON.parse(readFileSync(`${repo}data/geo/regions.geojson`, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { kind: string }>;
const kri = regions.features.find((f) => f.properties.kind === 'kri')!;
const placeOf = (e: StoryEvent) => places.find((p) => p.id === e.placeId)!;

/** The design brief's card length: a step's body, all paragraphs together. */
const BODY_WORDS = { min: 40, max: 90 };
const REQUIRED_STEPS = ['the-border', 'amini-protests', 'strikes-september', 'strikes-november', 'balancing', 'accord-2023', 'deadline-2023', 'memorandum-2025', 'border-length'];

const words = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

describe('the content files', () => {
  it('read and validate with zero problems', () => {
    expect([...readProblems, ...validateDataset(raw)]).toEqual([]);
  });

  it('include every step the brief requires', () => {
    expect(steps.map((s) => s.id)).toEqual(expect.arrayContaining(REQUIRED_STEPS));
  });

  it('put the dated steps in chronological order', () => {
    const starts = steps.flatMap((s) => (s.date ? [s.date.start] : []));
    expect(starts).toEqual([...starts].sort());
  });
});

describe('English step text', () => {
  it.each(steps.map((s) => s.id))('%s has a title and a map description', (id) => {
    expect(en.steps[id]?.title.trim()).toBeTruthy();
    expect(en.steps[id]?.mapAlt.trim()).toBeTruthy();
  });

  it.each(steps.map((s) => s.id))(`%s has a body of ${BODY_WORDS.min}–${BODY_WORDS.max} words`, (id) => {
    const n = words(en.steps[id]!.body);
    expect(n).toBeGreaterThanOrEqual(BODY_WORDS.min);
    expect(n).toBeLessThanOrEqual(BODY_WORDS.max);
  });
});

describe('event locations', () => {
  // For an area event the anchor is the ring's centre; the ring itself may cross the border, the anchor may not.
  // Prde (Altun Kupri) lies just outside the Region's governorate lines, in Kirkuk governorate: territory disputed
  // between Baghdad and the KRG. Such places must say so (territory: "disputed") and still lie within 10 km.
  it.each(events.map((e) => [e.id, e.placeId]))('%s (at %s) lies inside the Kurdistan Region polygon, or is marked disputed and beside it', (id) => {
    const p = placeOf(events.find((e) => e.id === id)!);
    const inside = booleanPointInPolygon(point([p.lon, p.lat]), kri);
    if (p.territory === 'disputed') {
      expect(inside, `${p.id} is marked disputed but lies inside the Region`).toBe(false);
      expect(Math.abs(pointToPolygonDistance(point([p.lon, p.lat]), kri, { units: 'kilometers' }))).toBeLessThan(10);
    } else {
      expect(inside, `${p.id} at ${p.lon}, ${p.lat}`).toBe(true);
    }
  });

  it('never invents a coordinate: every event place is gazetteered or explains itself in a note', () => {
    const unexplained = events.map(placeOf).filter((p) => !p.gazetteer && !p.note?.trim());
    expect(unexplained.map((p) => p.id)).toEqual([]);
  });
});

describe('the 28 September 2022 Koya strike toll', () => {
  const koya = events.find((e) => e.placeId === 'koya' && e.date.start === '2022-09-28')!;
  const killedBy = (counter: string) => koya.killed.find((f) => f.countedBy === counter);

  it('gives the KRG Health Ministry count of 9 killed', () => {
    expect(killedBy('krg-health')).toMatchObject({ min: 9 });
  });

  it('gives the KRG counter-terrorism count of 13 killed', () => {
    expect(killedBy('krg-ct')).toMatchObject({ min: 13 });
  });

  it('gives the Human Rights Watch count of at least 16 killed', () => {
    expect(killedBy('hrw')).toMatchObject({ min: 16, atLeast: true });
  });

  it('cites an existing source for each of these figures', () => {
    const ids = new Set(sources.map((s) => s.id));
    for (const counter of ['krg-health', 'krg-ct', 'hrw']) expect(ids.has(killedBy(counter)!.sourceId), counter).toBe(true);
  });
});

describe('published border lengths shown beside the measured ones', () => {
  it('each comes from a registered source that states that number', async () => {
    const { BORDER_CLAIMS } = await import('../../src/lib/data/borderClaims');
    for (const c of BORDER_CLAIMS) {
      const src = sources.find((s) => s.id === c.sourceId);
      expect(src, c.sourceId).toBeDefined();
      const n = c.km.toLocaleString('en-GB');
      expect(src!.claims.some((cl) => cl.text.includes(n)), `${c.sourceId} states ${n} km`).toBe(true);
      expect(en.ui[c.label], c.label).toBeTruthy();
    }
  });
});
