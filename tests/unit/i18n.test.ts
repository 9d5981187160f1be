/**
 * Languages: every key exists in every language, right-to-left files carry no stray English, dates come out in the
 * reader's calendar (Persian: Solar Hijri with Persian digits), and the timeline's year ticks follow that calendar.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { formatDay, formatNumber, formatRange, yearStarts } from '../../src/lib/i18n/i18n';
import { TIMELINE_END, TIMELINE_START, toUtc } from '../../src/lib/story/time';
import { keyPaths } from '../../src/lib/data/validate';
import { sep } from '../../src/lib/ui/format';
import type { Locale } from '../../src/lib/data/schema';

const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../data/i18n/${lang}.json`, import.meta.url), 'utf8')) as Locale;
const en = load('en');
const RTL = ['ar', 'fa', 'ckb'] as const;
const basemapCountries = [
  ...new Set(
    (JSON.parse(readFileSync(new URL('../../data/geo/basemap.geojson', import.meta.url), 'utf8')) as GeoJSON.FeatureCollection).features.map(
      (f) => String(f.properties?.iso3),
    ),
  ),
].sort();

/** Latin script that is deliberate in a right-to-left page: the F key, file formats, licences, product names, scales. */
const ALLOWED_LATIN = /\b(F|PNG|GeoJSON|CSV|CC\sBY\s4\.0|Natural Earth|GeoNames|Turf\.js|Pym\.js)\b|1:(110|50|10)m|1:\{scale\}|\{[a-z]+\}/gi;

function strings(obj: unknown, path = ''): [string, string][] {
  if (typeof obj === 'string') return [[path, obj]];
  if (Array.isArray(obj)) return obj.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (obj && typeof obj === 'object') return Object.entries(obj).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe.each(RTL)('%s locale', (lang) => {
  const loc = load(lang);

  it('has every key the English file has, and is right-to-left and marked for review', () => {
    const have = new Set(keyPaths(loc));
    expect(keyPaths(en).filter((k) => !have.has(k))).toEqual([]);
    expect(loc.dir).toBe('rtl');
    expect(loc.machineAssisted).toBe(true);
  });

  it('keeps every {placeholder} of the English string', () => {
    const enStrings = new Map(strings(en));
    const broken = strings(loc).filter(([k, v]) => {
      const want = (enStrings.get(k) ?? '').match(/\{\w+\}/g) ?? [];
      return want.some((p) => !v.includes(p));
    });
    expect(broken.map(([k]) => k)).toEqual([]);
  });

  it('names every country the basemap can label in its own script (no English name falls through on the map)', () => {
    const iso3 = basemapCountries.filter((c) => !/\p{Script=Arabic}/u.test(loc.countries[c] ?? ''));
    expect(iso3).toEqual([]);
  });

  // Beside Persian or Arabic digits a middle dot is the digit zero (۰): "آلتون کوپری · ۱ آذر" read as 10 Azar.
  it('separates with its own punctuation, never a dot that reads as the digit zero', () => {
    expect(strings(loc).filter(([, v]) => /[\u00b7\u2022\u2219\u22c5]/.test(v))).toEqual([]);
    expect(sep(lang).trim()).toBe('،');
  });

  it('leaks no English: Latin script only where deliberate', () => {
    const leaks = strings(loc)
      .filter(([k]) => k !== 'lang' && k !== 'dir')
      .filter(([, v]) => /[A-Za-z]{2,}/.test(v.replace(ALLOWED_LATIN, '')));
    expect(leaks).toEqual([]);
  });
});

describe('dates in the reader’s calendar', () => {
  it('Persian shows 16 September 2022 as 25 Shahrivar 1401 in Persian digits', () => {
    expect(formatDay('2022-09-16', 'fa')).toBe('۲۵ شهریور ۱۴۰۱');
  });

  it('Arabic uses the Iraqi month name and Arabic-Indic digits', () => {
    expect(formatDay('2022-09-16', 'ar')).toBe('١٦ أيلول ٢٠٢٢');
  });

  it('Sorani uses the Kurdish month name', () => {
    expect(formatDay('2022-09-16', 'ckb')).toContain('ئەیلوول');
  });

  it('a day-and-month range names its month once, and both years across Nowruz', () => {
    expect(formatRange('2022-11-20', '2022-11-21', 'fa', 'dayMonth')).toBe('۲۹ تا ۳۰ آبان');
    expect(formatRange('2022-11-20', '2022-12-02', 'fa', 'dayMonth')).toBe('۲۹ آبان تا ۱۱ آذر');
    expect(formatRange('2022-11-20', '2022-11-21', 'ar', 'dayMonth')).toBe('٢٠–٢١ تشرين الثاني');
    expect(formatRange('2023-03-10', '2023-03-25', 'fa', 'dayMonth')).toBe('۱۹ اسفند ۱۴۰۱ تا ۵ فروردین ۱۴۰۲');
  });

  it('a range stays in one calendar', () => {
    expect(formatRange('2022-09-16', '2022-09-17', 'fa')).toContain('شهریور ۱۴۰۱');
    expect(formatRange('2022-09-16', '2022-09-17', 'en')).toMatch(/^16\s?–\s?17 September 2022$/);
  });
});

describe('Sorani where the runtime has no ckb locale data (as in Chromium)', () => {
  it('still spells Sorani month names with Arabic-Indic digits', async () => {
    const real = Intl.DateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat.supportedLocalesOf = ((l: string[]) => real(l).filter((t) => !t.startsWith('ckb'))) as typeof real;
    try {
      vi.resetModules(); // a fresh module instance: locale support is probed once per instance
      const { formatDay: fmt, formatRange: range } = await import('../../src/lib/i18n/i18n');
      expect(fmt('2022-09-16', 'ckb')).toBe('١٦ی ئەیلوولی ٢٠٢٢');
      // A range names its month once (a strike chip wrapped onto a line of its own repeating "تشرینی دووەم").
      expect(range('2022-11-20', '2022-11-21', 'ckb', 'dayMonth')).toBe('٢٠ – ٢١ی تشرینی دووەم');
      expect(range('2022-11-20', '2022-11-21', 'ckb')).toBe('٢٠ – ٢١ی تشرینی دووەمی ٢٠٢٢');
    } finally {
      Intl.DateTimeFormat.supportedLocalesOf = real;
    }
  });
});

describe('timeline year ticks', () => {
  it('fall on 1 January for Gregorian calendars', () => {
    expect(yearStarts('en')).toEqual(['2023-01-01', '2024-01-01', '2025-01-01']);
    expect(yearStarts('ar')).toEqual(['2023-01-01', '2024-01-01', '2025-01-01']);
  });

  it('fall on Nowruz for the Solar Hijri calendar', () => {
    expect(yearStarts('fa')).toEqual(['2023-03-21', '2024-03-20', '2025-03-21']);
  });
});

describe('English, spelt without Intl (the first Intl formatter costs the page tens of ms to build)', () => {
  const intl = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' });
  const days: string[] = [];
  for (let t = toUtc(TIMELINE_START).getTime(); t <= toUtc(TIMELINE_END).getTime(); t += 864e5) days.push(new Date(t).toISOString().slice(0, 10));

  it('prints every day of the timeline exactly as Intl en-GB does, in all five styles', () => {
    const styles = { long: intl({ dateStyle: 'long' }), medium: intl({ dateStyle: 'medium' }), dayMonth: intl({ day: 'numeric', month: 'short' }), month: intl({ month: 'long', year: 'numeric' }), year: intl({ year: 'numeric' }) };
    for (const day of days)
      for (const [style, f] of Object.entries(styles)) expect(formatDay(day, 'en', style as keyof typeof styles), `${day} ${style}`).toBe(f.format(toUtc(day)));
  });

  it('prints ranges within a month, across months and across years as Intl does', () => {
    const f = intl({ dateStyle: 'long' });
    const pairs: [string, string][] = [['2022-09-16', '2022-09-17'], ['2022-09-28', '2022-10-02'], ['2022-09-20', '2023-03-19'], ['2024-01-15', '2024-01-16'], ['2023-12-31', '2024-01-01']];
    for (const [a, b] of pairs) expect(formatRange(a, b, 'en')).toBe(f.formatRange(toUtc(a), toUtc(b)));
    // Medium (the strike chips): "20–21 Nov 2022".
    const m = intl({ dateStyle: 'medium' });
    for (const [a, b] of pairs) expect(formatRange(a, b, 'en', 'medium')).toBe(m.formatRange(toUtc(a), toUtc(b)));
    // Day and month (a chip under a card that gives the year): "20–21 Nov"; across years Intl names them.
    const dm = intl({ day: 'numeric', month: 'short' });
    for (const [a, b] of pairs) expect(formatRange(a, b, 'en', 'dayMonth')).toBe(dm.formatRange(toUtc(a), toUtc(b)));
  });

  it('groups numbers as Intl does, and leaves the hard cases to Intl', () => {
    const f = new Intl.NumberFormat('en-GB');
    for (const n of [0, 7, 18, 999, 1000, 1313.2, 38242, 456.6, -12345, 1234567.891, 0.5, 1234.5675, 1e21, 0.0004, -0]) expect(formatNumber(n, 'en'), String(n)).toBe(f.format(n));
  });
});

// The components join a place and a date (strike chips, the event dialog, the handout, Save image) with the language's
// own separator (format.ts), not a dot written into the markup.
describe('separators in the components', () => {
  it('come from sep(lang), not from the markup', async () => {
    const { readdirSync } = await import('node:fs');
    const files = (readdirSync(new URL('../../src', import.meta.url), { recursive: true }) as string[])
      .filter((f) => /\.(svelte|ts)$/.test(f))
      .map((f) => `src/${f}`)
      .filter((f) => f !== 'src/lib/ui/format.ts');
    expect(files.length).toBeGreaterThan(20);
    const dotted = files.filter((f) => {
      const code = readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|\/\/.*$/gm, '');
      return / \u00b7 /.test(code);
    });
    expect(dotted).toEqual([]);
  });
});
