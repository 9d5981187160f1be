/**
 * Reads the page's URL parameters ONCE, validating each against an allow-list. Anything unknown or malformed falls
 * back to a default and leaves a notice key (a fixed, translated message): nothing from the URL is ever shown or
 * rendered as HTML.
 */
import type { Lang } from '../data/schema';
import { isLang } from '../i18n/i18n';
import { explainerHref } from './pages';

export const MODES = ['explainer', 'present', 'embed', 'builder'] as const;
export type Mode = (typeof MODES)[number];
const isMode = (v: unknown): v is Mode => (MODES as readonly unknown[]).includes(v);
export type ThemeChoice = 'light' | 'dark' | 'auto';

export interface AppConfig {
  mode: Mode;
  /** Index of the start step within `steps`. */
  start: number;
  /** Indices (into the full step list) of the steps to show, in story order. */
  steps: number[];
  lang: Lang;
  theme: ThemeChoice;
  /** Presentation speaker-notes window. */
  notes: boolean;
  /**
   * Embed in a frame of fixed height (`?fit=1`, which the builder adds to fixed-height code): the embed fits the
   * frame's height, with the map, step buttons and timeline always in view and the step's text scrolling under them.
   */
  fit: boolean;
  /** Pym.js child id, if a Pym parent embedded us. */
  childId: string | null;
  /** Keys of ui strings explaining what was ignored. */
  notices: string[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Pym's parent sends the id of its container element; keep to characters an element id can sensibly hold. */
const CHILD_ID = /^[A-Za-z][\w:.-]{0,63}$/;

/**
 * `pageMode` is the mode the page itself stands for when the URL names none: present.html opens the presentation
 * even when a teacher's bookmark or a shortened link lost its ?mode=present (it opened the explainer, without its
 * intro). A ?mode in the URL still wins.
 */
export function parseConfig(search: string, stepIds: string[], fallbackLang: Lang = 'en', pageMode: Mode = 'explainer'): AppConfig {
  const q = new URLSearchParams(search);
  const notices = new Set<string>();
  const get = (k: string) => {
    const v = q.get(k);
    return v === null ? null : v.trim().slice(0, 500);
  };

  const modeRaw = get('mode');
  const mode = isMode(modeRaw) ? modeRaw : pageMode;
  if (modeRaw !== null && mode !== modeRaw) notices.add('noticeMode');

  const { lang, bad } = readLang(q, fallbackLang);
  if (bad) notices.add('noticeLang');

  const themeRaw = get('theme');
  const theme: ThemeChoice = themeRaw === 'light' || themeRaw === 'dark' || themeRaw === 'auto' ? themeRaw : 'auto';
  if (themeRaw !== null && theme !== themeRaw) notices.add('noticeTheme');

  let steps = stepIds.map((_, i) => i);
  const subsetRaw = get('steps');
  if (subsetRaw !== null) {
    const wanted = [...new Set(subsetRaw.split(',').map((s) => s.trim()).filter(Boolean))];
    const picked = [...new Set(wanted.map((id) => stepIds.indexOf(id)).filter((i) => i >= 0))].sort((a, b) => a - b);
    if (picked.length) steps = picked;
    // All steps are shown when the list names none of them (empty, or all mistyped): say so, not "some were left out".
    if (!picked.length) notices.add('noticeStepsNone');
    else if (picked.length !== wanted.length) notices.add('noticeSteps');
  }

  let start = 0;
  const stepRaw = get('step');
  if (stepRaw !== null) {
    const i = ID.test(stepRaw) ? steps.indexOf(stepIds.indexOf(stepRaw)) : -1;
    if (i >= 0) start = i;
    // A step of the story that the link's own steps= leaves out is not "a step that does not exist".
    else notices.add(ID.test(stepRaw) && stepIds.includes(stepRaw) ? 'noticeStepOutside' : 'noticeStep');
  }

  const childRaw = get('childId');
  const childId = childRaw !== null && CHILD_ID.test(childRaw) ? childRaw : null;

  // fit=1 or fit=0; anything else was meant as something, so the embed says it grew with its content instead.
  const fitRaw = get('fit');
  if (fitRaw !== null && fitRaw !== '1' && fitRaw !== '0') notices.add('noticeFit');

  return { mode, start, steps, lang, theme, notes: get('notes') === '1', fit: fitRaw === '1', childId, notices: [...notices] };
}

/** ?lang if it names a language of the site, else `fallback`; `bad` when it was given and named none. */
function readLang(q: URLSearchParams, fallback: Lang): { lang: Lang; bad: boolean } {
  const raw = q.get('lang')?.trim() ?? null;
  return isLang(raw) ? { lang: raw, bad: false } : { lang: fallback, bad: raw !== null };
}

/**
 * The language the app opens in, as parseConfig will read it, for src/main.ts to fetch that language's strings before
 * the app mounts (parseConfig needs the story's step ids, which main.ts does not load).
 */
export const wantedLang = (search: string, pageLang: string = PAGE_LANG): Lang =>
  readLang(new URLSearchParams(search), isLang(pageLang) ? pageLang : 'en').lang;

/** The URL for a step in the current mode, keeping the other parameters (replaceState: Back is never flooded). */
export function urlForStep(href: string, stepId: string): string {
  const u = new URL(href);
  u.searchParams.set('step', stepId);
  return u.pathname + u.search + u.hash;
}

/**
 * The language the page opens in without ?lang: English on index.html; the index.<lang>.html pages (built for sharing
 * cards) carry theirs on <html lang>. Read once, when this module loads, before the app sets <html lang> to the
 * reader's choice. A page whose lang is none of the site's languages counts as English.
 */
const htmlLang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
export const PAGE_LANG: Lang = isLang(htmlLang) ? htmlLang : 'en';

/**
 * The mode the page stands for without ?mode: present.html, embed.html and builder.html carry theirs on
 * <html data-mode> (vite.config.ts writes it); index.html and anything unknown are the explainer.
 */
const htmlMode = typeof document === 'undefined' ? undefined : document.documentElement.dataset.mode;
export const PAGE_MODE: Mode = isMode(htmlMode) ? htmlMode : 'explainer';

/** The mode the app opens in, as parseConfig will read it, for src/main.ts (which does not load the story). */
export const wantedMode = (search: string, pageMode: Mode = PAGE_MODE): Mode => {
  const m = new URLSearchParams(search).get('mode')?.trim();
  return isMode(m) ? m : pageMode;
};

/**
 * The link to this page in `lang`, keeping the other parameters. On the explainer that is the language's own page
 * (index.fa.html: its intro and sharing card are Persian in the HTML, so a shared link paints Persian from the first
 * frame). Elsewhere (present.html, embed.html, a page a host renamed) it is this page with ?lang; only the page's own
 * language goes without, so every link names the language it leads to, also when opened in a new tab or shared.
 */
export function langHref(href: string, lang: string, pageLang: string = PAGE_LANG): string {
  const u = new URL(href);
  const file = u.pathname.slice(u.pathname.lastIndexOf('/') + 1);
  const mode = u.searchParams.get('mode');
  if ((mode === null || mode === 'explainer') && /^(index(\.[a-z]{2,3})?\.html)?$/.test(file))
    return u.pathname.slice(0, u.pathname.length - file.length) + explainerHref(lang, u.searchParams);
  if (lang === pageLang) u.searchParams.delete('lang');
  else u.searchParams.set('lang', lang);
  return u.pathname + u.search;
}
