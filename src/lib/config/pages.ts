/**
 * Which HTML page a link opens. The explainer has a page per language (index.html, index.<lang>.html) whose HTML
 * already carries its intro and sharing card in that language; the other modes have pages of their own without the
 * intro (present.html, embed.html, builder.html), so a presentation or an embed never paints the explainer's headline
 * before it starts. vite.config.ts writes these pages (and serves them in the dev server); links go through here so
 * the names live in one place. Pure and DOM-free: the build's pre-rendered intro (src/lib/shell.ts) uses it too.
 */
export const MODE_PAGES = ['present', 'embed', 'builder'] as const;
export type PageMode = (typeof MODE_PAGES)[number];

/** The page a mode other than the explainer opens on. */
export const modePage = (mode: PageMode): string => `${mode}.html`;

/** The explainer's page in `lang`: its HTML is in that language, so the link needs no ?lang. */
export const explainerPage = (lang: string): string => (lang === 'en' ? 'index.html' : `index.${lang}.html`);

/**
 * A relative link to the explainer in `lang`, keeping `params` (e.g. the step) but not the mode or a ?lang, which the
 * page itself says.
 */
export function explainerHref(lang: string, params: URLSearchParams = new URLSearchParams()): string {
  const q = new URLSearchParams(params);
  q.delete('mode');
  q.delete('lang');
  const search = q.toString();
  return explainerPage(lang) + (search ? `?${search}` : '');
}

/**
 * A relative link to `mode`'s own page in `lang`, keeping `params` (step, theme…). The mode pages' HTML is English,
 * so any other language is named; the mode is named too, so the URL says what it opens on any page of the site.
 */
export function modeHref(mode: PageMode, lang: string, params: URLSearchParams = new URLSearchParams()): string {
  const q = new URLSearchParams(params);
  q.set('mode', mode);
  if (lang === 'en') q.delete('lang');
  else q.set('lang', lang);
  return `${modePage(mode)}?${q}`;
}
