/**
 * Strings, numbers and dates in the reader's language. English is bundled (first paint never waits for it); other
 * languages are fetched as their own JSON chunk when chosen. Dates go through Intl with the locale's own calendar:
 * Persian readers get Solar Hijri dates with Persian digits (16 Sept 2022 = 25 Shahrivar 1401).
 */
import type { Locale } from '../data/schema';
import { LANGS, type Lang } from '../data/langs';
import en from '../../../data/i18n/en.json';
import { TIMELINE_END, TIMELINE_START, toUtc } from '../story/time';

export const english = en as Locale;

/** BCP 47 tags for Intl: Iraqi Arabic month names (أيلول), Iranian Persian (Solar Hijri), Sorani as written in Iraq. */
export const INTL_TAG: Record<Lang, string> = { en: 'en-GB', ar: 'ar-IQ', fa: 'fa-IR', ckb: 'ckb-IQ' };

export const LANG_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية', fa: 'فارسی', ckb: 'کوردی' };

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

/** Fills "{name}" placeholders. Values are plain text: callers render them as text nodes, never as HTML. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

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
const supported = (tag: string) => {
  if (!supportCache.has(tag)) supportCache.set(tag, Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0);
  return supportCache.get(tag)!;
};
const NUMBER_TAG: Record<Lang, string> = { ...INTL_TAG, ckb: supported('ckb-IQ') ? 'ckb-IQ' : 'ar-IQ' };

function soraniDay(day: string, style: 'long' | 'medium' | 'month' | 'year'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const num = (n: number) => new Intl.NumberFormat('ar-IQ', { useGrouping: false }).format(n);
  if (style === 'year') return num(y);
  if (style === 'month') return `${SORANI_MONTHS[m - 1]}ی ${num(y)}`;
  return `${num(d)}ی ${SORANI_MONTHS[m - 1]}ی ${num(y)}`;
}

/** Intl formatters are costly to build (a lookup into the locale data each time): keep one per options. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(tag: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${tag}|${JSON.stringify(opts)}`;
  if (!cache.has(key)) cache.set(key, new Intl.DateTimeFormat(tag, opts));
  return cache.get(key) as Intl.DateTimeFormat;
}

export function formatNumber(n: number, lang: Lang): string {
  const key = `n|${NUMBER_TAG[lang]}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(NUMBER_TAG[lang]));
  return (cache.get(key) as Intl.NumberFormat).format(n);
}

export function formatDay(day: string, lang: Lang, style: 'long' | 'medium' | 'month' | 'year' = 'long'): string {
  if (!supported(INTL_TAG[lang])) return lang === 'ckb' ? soraniDay(day, style) : day;
  const opts: Intl.DateTimeFormatOptions =
    style === 'month'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : style === 'year'
        ? { year: 'numeric', timeZone: 'UTC' }
        : { dateStyle: style, timeZone: 'UTC' };
  return dtf(INTL_TAG[lang], opts).format(toUtc(day));
}

/** "16–17 September 2022" style ranges, in the reader's calendar. */
export function formatRange(start: string, end: string | undefined, lang: Lang): string {
  if (!end || end === start) return formatDay(start, lang);
  if (!supported(INTL_TAG[lang])) return `${formatDay(start, lang)} – ${formatDay(end, lang)}`;
  return dtf(INTL_TAG[lang], { dateStyle: 'long', timeZone: 'UTC' }).formatRange(toUtc(start), toUtc(end));
}

/**
 * The first day of each calendar year inside the timeline, in the reader's calendar: 1 January for Gregorian,
 * Nowruz (1 Farvardin) for the Solar Hijri calendar Persian uses. Found by walking the days, so no calendar
 * arithmetic is hand-written.
 */
export function yearStarts(lang: Lang): string[] {
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
