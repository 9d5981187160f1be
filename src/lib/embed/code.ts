/**
 * Builds the embed URL and the code a newsroom pastes: an iframe plus our tiny resizer script (public/embed.js),
 * both served from this site's own origin. Values are validated choices, and the HTML is escaped.
 */
import type { Lang } from '../data/schema';
import type { ThemeChoice } from '../config/url';

export interface EmbedChoice {
  /** Absolute URL of the site (origin + path, no query), e.g. https://example.org/iran-iraq/ */
  base: string;
  start: string | null;
  steps: string[];
  lang: Lang;
  theme: ThemeChoice;
  /** Fixed height in px, or null for auto-height via the resizer. */
  height: number | null;
  title: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * embed.html (built from index.html without its pre-rendered intro, which a host page would otherwise see until the
 * script runs), still with mode=embed, so the URL says what it opens on any page of the site.
 */
export function embedUrl(c: EmbedChoice): string {
  const u = new URL('embed.html', c.base);
  u.searchParams.set('mode', 'embed');
  if (c.start) u.searchParams.set('step', c.start);
  if (c.steps.length) u.searchParams.set('steps', c.steps.join(','));
  if (c.lang !== 'en') u.searchParams.set('lang', c.lang);
  if (c.theme !== 'auto') u.searchParams.set('theme', c.theme);
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

/** Pym.js alternative for newsrooms that already load it: the parent adds childId and initialWidth itself. */
export function pymCode(c: EmbedChoice, elementId = 'iran-iraq-border'): string {
  return `<div id="${esc(elementId)}"></div>\n<script src="pym.v1.min.js"></script>\n<script>new pym.Parent(${JSON.stringify(elementId)}, ${JSON.stringify(embedUrl(c))}, {});</script>`;
}
