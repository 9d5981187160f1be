/**
 * Text for tolls, dates and places, shared by the event dialog, the events table, the card and the downloads.
 * Casualty figures are never merged into one number: a range is shown, and each figure keeps who counted it.
 */
import type { Figure, Lang, Place, StoryEvent } from '../data/schema';
import type { I18n } from '../i18n/context.svelte';
import { INTL_TAG } from '../i18n/i18n';

/** "9–16+" from figures 9, 13 and at-least-16; "0" when every counter says none; null when nobody counted. */
export function tollRange(figs: Figure[], num: (n: number) => string = String): string | null {
  if (!figs.length) return null;
  const lo = Math.min(...figs.map((f) => f.min));
  // On a tie the "at least" figure wins: it says the count may be higher.
  const top = (f: Figure) => f.max ?? f.min;
  const hiFig = figs.reduce((a, b) => (top(b) > top(a) || (top(b) === top(a) && b.atLeast && !a.atLeast) ? b : a));
  const hi = hiFig.max ?? hiFig.min;
  const plus = hiFig.atLeast ? '+' : '';
  return lo === hi ? `${num(lo)}${plus}` : `${num(lo)}–${num(hi)}${plus}`;
}

export function figureValue(f: Figure, i18n: I18n): string {
  const v = f.max !== undefined && f.max !== f.min ? `${i18n.num(f.min)}–${i18n.num(f.max)}` : i18n.num(f.min);
  return f.atLeast ? i18n.t('atLeast', { n: v }) : v;
}

/** "counted by KRG Ministry of Health, 28 September 2022", and the note when the figure covers the whole day's strikes. */
export function figureCredit(f: Figure, i18n: I18n): string {
  const credit = i18n.t('countedBy', { who: i18n.org(f.countedBy), date: i18n.day(f.asOf) });
  return f.scope === 'day' ? `${credit} ${i18n.t('scopeDay')}` : credit;
}

export function eventDate(e: StoryEvent, i18n: I18n): string {
  return i18n.range(e.date.start, e.date.end);
}

const DATE_PRECISION = { day: 'datePrecisionDay', days: 'datePrecisionDays', month: 'datePrecisionMonth' } as const;

/** The date with how exact it is: "28 September 2022 (exact date)", "24–29 September 2022 (between these dates)". */
export function datedText(e: StoryEvent, i18n: I18n): string {
  return `${eventDate(e, i18n)} (${i18n.t(DATE_PRECISION[e.date.precision])})`;
}

export function precisionText(e: StoryEvent, place: Place | undefined, i18n: I18n): string {
  if (e.locationPrecision === 'area') return i18n.t('precisionArea', { km: i18n.num(place?.radiusKm ?? 0) });
  return e.locationPrecision === 'site' ? i18n.t('precisionSite') : i18n.t('precisionTown');
}

export function placeName(place: Place | undefined, lang: string): string {
  if (!place) return '';
  return (place.names as Record<string, string | undefined>)[lang] ?? place.names.en;
}

/**
 * Items joined as the language joins a list: "missiles, drones"; Arabic "صواريخ وطائرات مسيّرة"; Persian with the
 * Arabic comma. English is spelt out (en-GB's narrow list is a plain comma list; a unit test checks it against
 * Intl), so the table builds no Intl formatter for it. Chromium has no Sorani (ckb) list data and would fall back
 * to English commas: where the runtime lacks a locale, right-to-left languages get the Arabic comma.
 */
export function listText(items: readonly string[], lang: Lang): string {
  if (lang === 'en') return items.join(', ');
  const format = listFormat(lang);
  if (!format) return items.join(comma(lang));
  // Arabic writes "و" (and) joined to the next word. Before a name in Latin letters the direction changes right after
  // it, and the joined "و" then reads as the end of the previous name ("Ministry of Healthو"): a space keeps it with
  // the name it introduces.
  const parts = format.formatToParts(items);
  return parts
    .map((p, i) => (p.type === 'literal' && p.value.endsWith('و') && !/^\p{Script=Arabic}/u.test(parts[i + 1]?.value ?? '') ? `${p.value} ` : p.value))
    .join('');
}

/** The comma between the parts of one item (outlet, title, date): the Arabic comma in the site's Arabic-script languages. */
export const comma = (lang: Lang): string => (lang === 'en' ? ', ' : '، ');

/**
 * Between a place and a date, or a title and a step number: a middle dot in English; the Arabic comma in Arabic
 * script, where a dot beside Persian digits is the digit zero ("آلتون کوپری · ۱ آذر" read as 10 Azar).
 */
export const sep = (lang: Lang): string => (lang === 'en' ? ' · ' : comma(lang));

const listFormats = new Map<Lang, Intl.ListFormat | null>();
function listFormat(lang: Lang): Intl.ListFormat | null {
  if (!listFormats.has(lang)) {
    const tag = INTL_TAG[lang];
    listFormats.set(lang, Intl.ListFormat.supportedLocalesOf([tag]).length ? new Intl.ListFormat(tag, { type: 'conjunction', style: 'narrow' }) : null);
  }
  return listFormats.get(lang)!;
}

/**
 * Keeps a one-word qualifier in brackets on the line of the word before it, "Kurdistan Freedom Party (PAK)": a
 * no-break space in place of the space, so a narrow column never starts a line with "(PAK)".
 */
export function keepQualifiers(text: string): string {
  return text.replace(/ (\([^\s()]+\))/g, '\u00a0$1');
}

/**
 * Natural Earth's scale names ("1:110m") isolated from the text around them (U+2068 … U+2069): in a right-to-left
 * sentence the bidi algorithm would otherwise be free to reorder the digits, colon and "m" as separate runs.
 */
export function isolateScales(text: string): string {
  return text.replace(/1:\d+m\b/g, (s) => `\u2068${s}\u2069`);
}

/** "Measured on Natural Earth 1:110m", its scale name safe in a right-to-left sentence. */
export function scaleMeasured(scale: '110m' | '50m' | '10m', i18n: I18n): string {
  return isolateScales(i18n.t('lengthMeasured', { scale }));
}

export function weaponsText(e: StoryEvent, i18n: I18n): string {
  return listText(
    e.weapons.map((w) => i18n.t(`weapon-${w}`)),
    i18n.lang,
  );
}

export function targetsText(e: StoryEvent, i18n: I18n): string {
  return listText(
    e.targets.map((t) => keepQualifiers(i18n.group(t))),
    i18n.lang,
  );
}
