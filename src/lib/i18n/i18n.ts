/**
 * Strings, numbers and dates in the reader's language. English is bundled (first paint never waits for it); other
 * languages are fetched as their own JSON chunk when chosen. Dates go through Intl with the locale's own calendar:
 * Persian readers get Solar Hijri dates with Persian digits (16 Sept 2022 = 25 Shahrivar 1401).
 */
import type { Locale } from '../data/schema';
import { LANGS, type Lang } from '../data/langs';
import en from '../../../data/i18n/en.json';
import { TIMELINE_END, TIMELINE_START, toUtc } from '../story/time';
import { fill } from './fill';

export const english = en as Locale;

/** BCP 47 tags for Intl: Iraqi Arabic month names (أيلول), Iranian Persian (Solar Hijri), Sorani as written in Iraq. */
export const INTL_TAG: Record<Lang, string> = { en: 'en-GB', ar: 'ar-IQ', fa: 'fa-IR', ckb: 'ckb-IQ' };

export { LANG_NAMES } from '../data/langs';

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

// Each other language is its own chunk, fetched only when chosen. A glob (not three imports) so a language file
// can be added or removed without touching code.
const loaders = import.meta.glob<{ default: unknown }>(['../../../data/i18n/*.json', '!../../../data/i18n/en.json']);

/** Languages with a locale file, English first. */
export const AVAILABLE_LANGS: Lang[] = [
  'en',
  ...(Object.keys(loaders).map((k) => k.replace(/^.*\/(\w+)\.json$/, '$1')).filter(isLang) as Lang[]),
];

export async function loadLocale(lang: Lang): Promise<Locale> {
  if (lang === 'en') return english;
  const load = loaders[`../../../data/i18n/${lang}.json`];
  if (!load) throw new Error(`no locale file for ${lang}`);
  return (await load()).default as Locale;
}

export { fill };

export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  return fill(locale.ui[key] ?? english.ui[key] ?? key, vars);
}

/**
 * Browsers ship a reduced set of ICU locales: Chromium has no Sorani (ckb) data and would silently print English
 * month names and Latin digits. Where the runtime lacks a locale, Sorani dates are spelt from the month names Iraqi
 * Kurdish press uses, with Arabic-Indic digits (the digits Iraqi Arabic uses too).
 */
const SORANI_MONTHS = ['کانوونی دووەم', 'شوبات', 'ئازار', 'نیسان', 'ئایار', 'حوزەیران', 'تەممووز', 'ئاب', 'ئەیلوول', 'تشرینی یەکەم', 'تشرینی دووەم', 'کانوونی یەکەم'];
const supportCache = new Map<string, boolean>();
// English is in every ICU build; asking costs tens of ms on a cold start (the first query loads the locale list).
const supported = (tag: string) => {
  if (tag.startsWith('en')) return true;
  if (!supportCache.has(tag)) supportCache.set(tag, Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0);
  return supportCache.get(tag)!;
};
const numberTag = (lang: Lang) => (lang === 'ckb' && !supported('ckb-IQ') ? 'ar-IQ' : INTL_TAG[lang]);

/** How a day is written: "28 September 2022" (long), "28 Sept 2022" (medium), "28 Sept" (dayMonth), "September 2022", "2022". */
export type DayStyle = 'long' | 'medium' | 'dayMonth' | 'month' | 'year';
export type RangeStyle = 'long' | 'medium' | 'dayMonth';

const ymd = (day: string) => day.split('-').map(Number) as [number, number, number];

/** Sorani digits without grouping (a year is ٢٠٢٢, not ٢٬٠٢٢), from Iraqi Arabic's number data. */
let soraniDigits: Intl.NumberFormat | undefined;
const soraniNum = (n: number) => (soraniDigits ??= new Intl.NumberFormat('ar-IQ', { useGrouping: false })).format(n);

function soraniDay(day: string, style: DayStyle): string {
  const [y, m, d] = ymd(day);
  if (style === 'year') return soraniNum(y);
  if (style === 'month') return `${SORANI_MONTHS[m - 1]}ی ${soraniNum(y)}`;
  if (style === 'dayMonth') return `${soraniNum(d)}ی ${SORANI_MONTHS[m - 1]}`;
  return `${soraniNum(d)}ی ${SORANI_MONTHS[m - 1]}ی ${soraniNum(y)}`;
}

/** A Sorani range that names a month or year once when both ends share it ("٢٠ – ٢١ی تشرینی دووەم"). */
function soraniRange(start: string, end: string, style: RangeStyle): string {
  const [y1, m1, d1] = ymd(start);
  const [y2, m2] = ymd(end);
  const full = (day: string) => soraniDay(day, style === 'medium' ? 'long' : style);
  if (y1 !== y2) return `${soraniDay(start, 'long')} – ${soraniDay(end, 'long')}`;
  if (m1 !== m2) return `${soraniDay(start, 'dayMonth')} – ${full(end)}`;
  return `${soraniNum(d1)} – ${full(end)}`;
}

/**
 * English without Intl. The first Intl formatter a page builds loads ICU locale data: tens of milliseconds on a
 * phone, inside the page's first task. en-GB's patterns are simple enough to spell out; tests/unit/i18n.test.ts
 * checks every day of the timeline, every range shape and a spread of numbers against Intl itself.
 */
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const THIN_DASH = '\u2009\u2013\u2009';

function englishDay(day: string, style: DayStyle): string {
  const [y, m, d] = ymd(day);
  if (style === 'year') return String(y);
  if (style === 'month') return `${EN_MONTHS[m - 1]} ${y}`;
  if (style === 'dayMonth') return `${d} ${EN_SHORT[m - 1]}`;
  return `${d} ${(style === 'medium' ? EN_SHORT : EN_MONTHS)[m - 1]} ${y}`;
}

function englishRange(start: string, end: string, style: RangeStyle): string {
  const [y1, m1, d1] = ymd(start);
  const [y2, m2, d2] = ymd(end);
  const months = style === 'long' ? EN_MONTHS : EN_SHORT;
  // Across years every style names both years (as Intl does, dayMonth too).
  const withYear = style === 'long' ? 'long' : 'medium';
  if (y1 !== y2) return `${englishDay(start, withYear)}${THIN_DASH}${englishDay(end, withYear)}`;
  const year = style === 'dayMonth' ? '' : ` ${y2}`;
  if (m1 !== m2) return `${d1} ${months[m1 - 1]}${THIN_DASH}${d2} ${months[m2 - 1]}${year}`;
  return `${d1}${THIN_DASH}${d2} ${months[m2 - 1]}${year}`;
}

/** Grouped with commas; null where Intl's rounding would matter (more than three decimals, exponents). */
function englishNumber(n: number): string | null {
  const str = String(Math.abs(n));
  const m = /^(\d+)(\.\d{1,3})?$/.exec(str);
  if (!m || !Number.isFinite(n) || Math.abs(n) >= 1e15) return null;
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return sign + m[1]!.replace(/\B(?=(\d{3})+$)/g, ',') + (m[2] ?? '');
}

/** Intl formatters are costly to build (a lookup into the locale data each time): keep one per options. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(tag: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${tag}|${JSON.stringify(opts)}`;
  if (!cache.has(key)) cache.set(key, new Intl.DateTimeFormat(tag, opts));
  return cache.get(key) as Intl.DateTimeFormat;
}

export function formatNumber(n: number, lang: Lang): string {
  const fast = lang === 'en' ? englishNumber(n) : null;
  if (fast !== null) return fast;
  const tag = numberTag(lang);
  const key = `n|${tag}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(tag));
  return (cache.get(key) as Intl.NumberFormat).format(n);
}

export function formatDay(day: string, lang: Lang, style: DayStyle = 'long'): string {
  if (lang === 'en') return englishDay(day, style);
  if (!supported(INTL_TAG[lang])) return lang === 'ckb' ? soraniDay(day, style) : day;
  return dtf(INTL_TAG[lang], dayOptions(style)).format(toUtc(day));
}

function dayOptions(style: DayStyle): Intl.DateTimeFormatOptions {
  if (style === 'month') return { month: 'long', year: 'numeric', timeZone: 'UTC' };
  if (style === 'year') return { year: 'numeric', timeZone: 'UTC' };
  if (style === 'dayMonth') return { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return { dateStyle: style, timeZone: 'UTC' };
}

/**
 * "16–17 September 2022" style ranges ("16–17 Sept 2022" medium, "16–17 Sept" dayMonth, for a range whose year the
 * reader already has), in the reader's calendar.
 */
export function formatRange(start: string, end: string | undefined, lang: Lang, style: RangeStyle = 'long'): string {
  if (!end || end === start) return formatDay(start, lang, style);
  if (lang === 'en') return englishRange(start, end, style);
  if (!supported(INTL_TAG[lang])) return lang === 'ckb' ? soraniRange(start, end, style) : `${formatDay(start, lang, style)} – ${formatDay(end, lang, style)}`;
  if (style !== 'dayMonth') return dtf(INTL_TAG[lang], dayOptions(style)).formatRange(toUtc(start), toUtc(end));
  // Intl's day-and-month range repeats the month in Persian ("۲۹ آبان تا ۳۰ آبان"), where its dated range shares it
  // ("۲۹ تا ۳۰ آبان ۱۴۰۱"): so the dated range is made and its year left out, unless the range crosses the reader's
  // new year (Nowruz falls inside a Gregorian year), where both years are named as in every other style.
  const parts = dtf(INTL_TAG[lang], { ...dayOptions('dayMonth'), year: 'numeric' }).formatRangeToParts(toUtc(start), toUtc(end));
  const years = parts.filter((p) => p.type === 'year').length;
  return parts
    .filter((p) => years > 1 || p.type !== 'year')
    .map((p) => p.value)
    .join('')
    .trim();
}

/**
 * The first day of each calendar year inside the timeline, in the reader's calendar: 1 January for Gregorian,
 * Nowruz (1 Farvardin) for the Solar Hijri calendar Persian uses. Found by walking the days, so no calendar
 * arithmetic is hand-written.
 */
export function yearStarts(lang: Lang): string[] {
  if (lang === 'en') {
    const out: string[] = [];
    for (let y = Number(TIMELINE_START.slice(0, 4)) + 1; `${y}-01-01` <= TIMELINE_END; y++) out.push(`${y}-01-01`);
    return out;
  }
  // Sorani uses the Gregorian calendar; where ckb data is missing, Arabic (Iraq) has the same calendar.
  const tag = supported(INTL_TAG[lang]) ? INTL_TAG[lang] : 'ar-IQ';
  const year = new Intl.DateTimeFormat(`${tag}-u-nu-latn`, { year: 'numeric', timeZone: 'UTC' });
  const out: string[] = [];
  let prev = '';
  for (let t = toUtc(TIMELINE_START).getTime(); t <= toUtc(TIMELINE_END).getTime(); t += 864e5) {
    const y = year.format(t);
    if (prev && y !== prev) out.push(new Date(t).toISOString().slice(0, 10));
    prev = y;
  }
  return out;
}
