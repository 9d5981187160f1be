/**
 * The page's first paint, before any script: the explainer's intro (language links, kicker, title, lede, hint and
 * mode links) written into the built HTML, in each index.<lang>.html's own language. The reader gets the headline
 * at once, a reader without JavaScript still gets it, and the app replaces it with the same markup when it mounts
 * (src/main.ts). It must match the intro in src/lib/modes/Explainer.svelte and src/lib/ui/LangSwitch.svelte, whose
 * styles live in global.css for that reason; tests/e2e/explainer.spec.ts checks that nothing moves on the swap.
 */
import type { Locale } from './data/schema';
import { LANGS, LANG_NAMES } from './data/langs';
import { explainerPage, modeHref } from './config/pages';

/** Text for HTML content and attributes (the build's sharing-card tags use it too). */
export const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const SHELL_ATTR = 'data-shell';

export function shellHtml(locale: Locale, english: Locale, langs: readonly string[] = LANGS): string {
  const t = (key: string) => esc(locale.ui[key] ?? english.ui[key] ?? key);
  const current = locale.lang;
  // English first, then by code, as the app's AVAILABLE_LANGS lists them (src/lib/i18n/i18n.ts).
  const ordered = ['en', ...langs.filter((l) => l !== 'en').sort()];
  const langLinks = ordered
    .map((l) => {
      const cur = l === current ? ' aria-current="true"' : '';
      return `<li><a href="${explainerPage(l)}" lang="${l}" hreflang="${l}"${cur}>${esc(LANG_NAMES[l as keyof typeof LANG_NAMES] ?? l)}</a></li>`;
    })
    .join('');
  return (
    // The skip links too (as App.svelte renders them), so a keyboard reader's first Tab lands where it will later.
    `<a class="skip-link" href="#story" ${SHELL_ATTR}>${t('skipToContent')}</a><a class="skip-link" href="#events" ${SHELL_ATTR}>${t('skipToTable')}</a>` +
    `<main class="mode-explainer" ${SHELL_ATTR}><header class="intro">` +
    `<nav class="lang-switch no-print" aria-label="${t('language')}"><ul>${langLinks}</ul></nav>` +
    `<p class="kicker">${t('introKicker')}</p><h1>${t('siteTitle')}</h1><p class="lede">${t('introLede')}</p>` +
    `<p class="hint no-print">${t('scrollHint')}</p>` +
    `<ul class="modes no-print"><li><a href="${esc(modeHref('present', current))}">${t('presentLink')}</a></li><li><a href="${esc(modeHref('builder', current))}">${t('embedLink')}</a></li></ul>` +
    `</header></main>`
  );
}
