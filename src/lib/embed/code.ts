/**
 * Builds the embed URL and the code a newsroom pastes: an iframe plus our tiny resizer script (public/embed.js),
 * both served from this site's own origin. Values are validated choices, and the HTML is escaped.
 */
import type { Lang } from '../data/schema';
import type { ThemeChoice } from '../config/url';
import { english, loadLocale, translate } from '../i18n/i18n';
import { modePage } from '../config/pages';

export interface EmbedChoice {
  /** Absolute URL of the site (origin + path, no query), e.g. https://example.org/iran-iraq/ */
  base: string;
  /** The step the embed opens on; null for the first (of the subset, if there is one). */
  start: string | null;
  /** The subset of steps; empty for all. */
  steps: string[];
  lang: Lang;
  theme: ThemeChoice;
  /** Fixed height in px, or null for auto-height via the resizer. */
  height: number | null;
  /** The iframe's title, in the embed's language (`lang`), for screen readers on the host page. */
  title: string;
}

/**
 * The iframe's title in the embed's language (whatever the builder's own language): from that language's strings,
 * the same-origin chunk the embed itself loads; English if they cannot be loaded.
 */
export async function embedTitle(lang: Lang): Promise<string> {
  try {
    return translate(await loadLocale(lang), 'embedTitle');
  } catch {
    return translate(english, 'embedTitle');
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * embed.html (built from index.html without its pre-rendered intro, which a host page would otherwise see until the
 * script runs), still with mode=embed, so the URL says what it opens on any page of the site. A start step outside
 * the subset is left out (the embed then opens on the subset's first step): the embed would open with a notice that
 * the link asked for a step that doesn't exist. Fixed-height code asks the embed to fit its frame (`fit=1`).
 */
export function embedUrl(c: EmbedChoice): string {
  const u = new URL(modePage('embed'), c.base);
  u.searchParams.set('mode', 'embed');
  if (c.start && (!c.steps.length || c.steps.includes(c.start))) u.searchParams.set('step', c.start);
  if (c.steps.length) u.searchParams.set('steps', c.steps.join(','));
  if (c.lang !== 'en') u.searchParams.set('lang', c.lang);
  if (c.theme !== 'auto') u.searchParams.set('theme', c.theme);
  // A fixed-height frame never grows to the embed's height: the embed fits the frame instead (Embed.svelte).
  if (c.height !== null) u.searchParams.set('fit', '1');
  return u.href;
}

export function embedCode(c: EmbedChoice): string {
  const src = embedUrl(c);
  const height = c.height ?? 640;
  const iframe =
    `<iframe src="${esc(src)}" title="${esc(c.title)}" width="100%" height="${height}" ` +
    `style="border:0;width:100%;height:${height}px" loading="lazy" allow="fullscreen" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups allow-downloads"${c.height === null ? ' data-iran-iraq-border' : ''}></iframe>`;
  if (c.height !== null) return iframe;
  const script = new URL('embed.js', c.base).href;
  return `${iframe}\n<script src="${esc(script)}" async></script>`;
}

/**
 * The comment the Pym.js code opens with: this site does not serve Pym.js (every request it makes stays on its own
 * origin, and it has no use for Pym itself), so the host page loads its own copy.
 */
export const PYM_NOTE =
  '<!-- Pym.js is not served by this site: load your own copy of pym.v1.min.js (npm package "pym.js"), ' +
  'or leave out the next line if your page already loads Pym.js. -->';

/**
 * Pym.js alternative for newsrooms that already use it: the parent adds childId and initialWidth itself. The
 * `pym.v1.min.js` it loads is the host's own copy, next to the host's page (see PYM_NOTE).
 */
export function pymCode(c: EmbedChoice, elementId = 'iran-iraq-border'): string {
  return [
    `<div id="${esc(elementId)}"></div>`,
    PYM_NOTE,
    '<script src="pym.v1.min.js"></script>',
    `<script>new pym.Parent(${JSON.stringify(elementId)}, ${JSON.stringify(embedUrl(c))}, {});</script>`,
  ].join('\n');
}
