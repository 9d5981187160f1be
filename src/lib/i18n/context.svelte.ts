/**
 * The reader's language as reactive state, handed to components through Svelte context (one object, typed getter),
 * so changing language re-renders text without reloading the page or losing the reader's place.
 */
import { getContext, setContext } from 'svelte';
import type { Lang, Locale } from '../data/schema';
import { english, formatDay, formatNumber, formatRange, translate, type DayStyle, type RangeStyle } from './i18n';

export class I18n {
  locale = $state<Locale>(english);
  /** `initial`: the strings the app opens with (src/main.ts fetches a non-English language's before mounting). */
  constructor(initial: Locale = english) {
    this.locale = initial;
  }
  lang: Lang = $derived(this.locale.lang);
  dir: 'ltr' | 'rtl' = $derived(this.locale.dir);

  t = (key: string, vars?: Record<string, string | number>) => translate(this.locale, key, vars);
  num = (n: number) => formatNumber(n, this.lang);
  day = (d: string, style?: DayStyle) => formatDay(d, this.lang, style);
  range = (start: string, end?: string, style: RangeStyle = 'long') => formatRange(start, end, this.lang, style);
  stepText = (id: string) => this.locale.steps[id] ?? english.steps[id]!;
  eventText = (id: string) => this.locale.events[id] ?? english.events[id]!;
  org = (id: string) => this.locale.orgs[id] ?? english.orgs[id] ?? id;
  /** A place's precision note in the reader's language (English lives in data/places.json). */
  placeNote = (id: string, english: string | undefined) => (this.lang === 'en' ? english : (this.locale.placeNotes?.[id] ?? english));
  group = (id: string) => this.locale.groups[id] ?? english.groups[id] ?? id;
}

const KEY = Symbol('i18n');
export const setI18n = (i: I18n) => setContext(KEY, i);
export const getI18n = () => getContext<I18n>(KEY);
