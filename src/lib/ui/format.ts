/**
 * Text for tolls, dates and places, shared by the event dialog, the events table, the card and the downloads.
 * Casualty figures are never merged into one number: a range is shown, and each figure keeps who counted it.
 */
import type { Figure, Place, StoryEvent } from '../data/schema';
import type { I18n } from '../i18n/context.svelte';

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

export function figureCredit(f: Figure, i18n: I18n): string {
  return i18n.t('countedBy', { who: i18n.org(f.countedBy), date: i18n.day(f.asOf) });
}

export function eventDate(e: StoryEvent, i18n: I18n): string {
  return i18n.range(e.date.start, e.date.end);
}

export function precisionText(e: StoryEvent, place: Place | undefined, i18n: I18n): string {
  if (e.locationPrecision === 'area') return i18n.t('precisionArea', { km: i18n.num(place?.radiusKm ?? 0) });
  return e.locationPrecision === 'site' ? i18n.t('precisionSite') : i18n.t('precisionTown');
}

export function placeName(place: Place | undefined, lang: string): string {
  if (!place) return '';
  return (place.names as Record<string, string | undefined>)[lang] ?? place.names.en;
}

export function weaponsText(e: StoryEvent, i18n: I18n): string {
  return e.weapons.map((w) => i18n.t(`weapon-${w}`)).join(', ');
}

export function targetsText(e: StoryEvent, i18n: I18n): string {
  return e.targets.map((t) => i18n.group(t)).join(', ');
}
