// The downloadable event data (eventsGeoJSON, eventsCSV) that teachers and journalists take away: every event, at its
// place's coordinates, with its precision and each casualty figure credited; a CSV that spreadsheets read safely.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { content } from '../../src/lib/data/content';
import { eventsCSV, eventsGeoJSON } from '../../src/lib/data/exports';
import type { Locale, StoryEvent } from '../../src/lib/data/schema';
import type { Content } from '../../src/lib/story/resolve';
import enJson from '../../data/i18n/en.json';

import { parseCsv } from '../shared/csv';

const en = enJson as Locale;
type Props = Record<string, string | number | boolean | null>;
const geo = JSON.parse(eventsGeoJSON(content, en)) as FeatureCollection<Point, Props>;
const featureOf = (e: StoryEvent) => geo.features.find((f) => f.properties.id === e.id) as Feature<Point, Props>;
const placeOf = (e: StoryEvent) => content.places.find((p) => p.id === e.placeId)!;

/** A one-event content set whose English summary is `summary`, to test what the CSV does with awkward text. */
function withSummary(summary: string): { content: Content; loc: Locale } {
  const event = content.events[0]!;
  return {
    content: { ...content, events: [event] },
    loc: { ...en, events: { [event.id]: { title: 'Test', summary } } },
  };
}
const summaryCell = (summary: string) => {
  const { content: c, loc } = withSummary(summary);
  const [head, row] = parseCsv(eventsCSV(c, loc));
  return row![head!.indexOf('summary')];
};

describe('GeoJSON export', () => {
  it('has one point feature per event, in story order', () => {
    expect(geo.features.map((f) => f.properties.id)).toEqual(content.events.map((e) => e.id));
  });

  it.each(content.events.map((e) => [e.id, e]))('%s sits at its place’s coordinates', (_, e) => {
    expect(featureOf(e).geometry.coordinates).toEqual([placeOf(e).lon, placeOf(e).lat]);
  });

  it.each(content.events.map((e) => [e.id, e]))('%s states its location precision (and radius for an area)', (_, e) => {
    expect(featureOf(e).properties.location_precision).toBe(e.locationPrecision);
    expect(featureOf(e).properties.radius_km).toBe(e.locationPrecision === 'area' ? placeOf(e).radiusKm : null);
  });

  it.each(content.events.map((e) => [e.id, e]))('%s lists every casualty figure with who counted it and when', (_, e) => {
    for (const k of ['killed', 'injured'] as const) {
      const text = String(featureOf(e).properties[k]);
      const parts = e[k].length ? text.split('; ') : [];
      expect(parts, `${k}: ${text}`).toHaveLength(e[k].length);
      e[k].forEach((f, j) => {
        expect(parts[j]).toContain(String(f.min));
        expect(parts[j]).toContain(en.orgs[f.countedBy]);
        expect(parts[j]).toContain(f.asOf);
      });
    }
  });
});

describe('CSV export', () => {
  const table = parseCsv(eventsCSV(content, en));

  it('has a header and one row per event', () => {
    expect(table[0]).toEqual(Object.keys(geo.features[0]!.properties));
    expect(table).toHaveLength(content.events.length + 1);
  });

  it('round-trips every value of the GeoJSON export, commas included', () => {
    const asText = (v: unknown) => (v === null ? '' : String(v));
    const expected = geo.features.map((f) => table[0]!.map((h) => asText(f.properties[h])));
    expect(table.slice(1)).toEqual(expected);
  });

  it('keeps a field with a comma, quotes and a line break intact', () => {
    const tricky = 'Officials said "no comment", then;\nleft';
    expect(summaryCell(tricky)).toBe(tricky);
  });

  it.each(['=HYPERLINK("https://example.org")', '+1+1', '-2+3', '@SUM(A1:A2)'])(
    'neutralises the spreadsheet formula %s with a leading apostrophe',
    (formula) => {
      expect(summaryCell(formula)).toBe(`'${formula}`);
    },
  );
});
