import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readDataset } from './src/lib/data/readDataset';
import { formatProblems, validateDataset } from './src/lib/data/validate';
import { EXPORT_FILES, eventsCSV, eventsGeoJSON } from './src/lib/data/exports';
import type { Locale, Place, Source, Step, StoryEvent } from './src/lib/data/schema';
import { esc, shellHtml } from './src/lib/shell';
import { explainerPage, MODE_PAGES, modePage, type PageMode } from './src/lib/config/pages';

/**
 * Content as data, checked at build: a malformed content file fails `vite build` (and the dev server) with every
 * problem as "file: path: reason". The same pass emits the downloadable event data from the validated content.
 */
function storyData(): Plugin {
  const load = (): Record<string, string> => {
    const { raw, problems } = readDataset(process.cwd());
    const all = [...problems, ...validateDataset(raw)];
    if (all.length) throw new Error(`Content check failed (${all.length} problems):\n${formatProblems(all)}`);
    const content = {
      steps: (raw.steps as { steps: Step[] }).steps,
      events: (raw.events as { events: StoryEvent[] }).events,
      places: raw.places as Place[],
      sources: (raw.sources as { sources: Source[] }).sources,
    };
    const en = raw.locales.en as Locale;
    return { [EXPORT_FILES.geojson]: eventsGeoJSON(content, en), [EXPORT_FILES.csv]: eventsCSV(content, en) };
  };
  return {
    name: 'story-data',
    buildStart() {
      load();
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(load())) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const files = load();
        if (!(path in files)) return next();
        res.setHeader('Content-Type', path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/geo+json');
        res.end(files[path]);
      });
    },
  };
}

/**
 * The Content-Security-Policy the built site runs under (README "Hosting"): everything from our own origin; no
 * inline scripts, no eval; MapLibre's worker from our origin (or blob: where a host wraps it); images from data:/
 * blob: (the saved PNG). Any host may frame the embed.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The same policy as a <meta> in the built HTML, for static hosts that cannot set headers (dev keeps Vite's HMR). */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/** The built woff2 files (relative URLs) of the two faces (400, 700) the pages use, for one script's font. */
function fontFiles(bundle: Record<string, unknown> | undefined, script: 'latin' | 'arabic'): string[] {
  const re = script === 'latin' ? /noto-sans-latin-(400|700)-normal-[\w-]+\.woff2$/ : /noto-sans-arabic-arabic-(400|700)-normal-[\w-]+\.woff2$/;
  return Object.keys(bundle ?? {})
    .filter((f) => re.test(f))
    .map((f) => `./${f}`);
}

/**
 * The first paint before any script (src/lib/shell.ts): the intro, in English in index.html (dev and build); the
 * site-pages step below swaps in each language's own for index.<lang>.html (and leaves it out of the mode pages).
 */
const APP_DIV = '<div id="app"></div>';
function firstPaint(): Plugin {
  return {
    name: 'first-paint',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!html.includes(APP_DIV)) throw new Error(`index.html: no ${APP_DIV} to pre-render the intro into`);
        const en = readDataset(process.cwd()).raw.locales.en as Locale;
        const out = html.replace(APP_DIV, `<div id="app">${shellHtml(en, en)}</div>`);
        // Preload the intro's two Latin faces: the first paint then sets the headline in the face the app will
        // use, instead of a fallback that reflows (and counts as a second, later "largest paint") when they land.
        return {
          html: out,
          tags: fontFiles(ctx.bundle, 'latin').map((href) => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href, crossorigin: '' }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

/**
 * The favicon as a data: URL in the HTML. Chromium asks for the page's icon again on every history.replaceState,
 * which the story does on each step: with a file, that was one request (and one more network record) per step.
 */
function inlineFavicon(): Plugin {
  // The dev server has already made the path absolute when it asks for /index.html by name (not for /).
  const LINK = /href="\.?\/favicon\.svg"/;
  return {
    name: 'inline-favicon',
    transformIndexHtml(html) {
      if (!LINK.test(html)) throw new Error('index.html: no <link rel="icon" href="./favicon.svg"> to inline');
      const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url), 'utf8').trim();
      return html.replace(LINK, `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
    },
  };
}

/**
 * The site's other pages, all made from the built index.html (so they load the same script and styles):
 * - index.<lang>.html for every other locale: the intro and the sharing card (Open Graph / Twitter tags) in that
 *   language, with its lang and dir (the app reads the language from <html lang> when the URL has no ?lang). SITE_URL
 *   (e.g. https://news.example/iran-iraq/) makes the preview image URL absolute, as crawlers expect; without it the
 *   URL stays relative.
 * - present.html, embed.html and builder.html (src/lib/config/pages.ts): index.html without the explainer's intro,
 *   which those modes would otherwise paint until the app's script ran (in a news site's iframe, in front of a
 *   class), with public/theme.js to apply ?theme= before the first paint, and not indexed: the explainer is the
 *   page to find.
 * The dev server answers the same names with the same pages, so links to them work there too.
 */
function sitePages(): Plugin {
  const site = process.env.SITE_URL ?? '';
  const OG_LOCALE: Record<string, string> = { en: 'en_GB', ar: 'ar_IQ', fa: 'fa_IR', ckb: 'ckb_IQ' };
  const langPageHtml = (html: string, loc: Locale, en: Locale, shell: string, arabicFaces: string) => {
    let out = html.replace(shell, shellHtml(loc, en)).replace('<html lang="en" dir="ltr">', `<html lang="${loc.lang}" dir="${loc.dir}">`);
    for (const key of ['siteTitle', 'siteDescription'] as const) out = out.replaceAll(esc(en.ui[key]!), esc(loc.ui[key] ?? en.ui[key]!));
    out = out.replace('content="en_GB"', `content="${OG_LOCALE[loc.lang] ?? loc.lang}"`);
    return loc.dir === 'rtl' ? out.replace('</head>', `${arabicFaces}</head>`) : out;
  };
  // public/theme.js: a host's ?theme= from the first frame (an embed is often set against the reader's system scheme).
  // <html data-mode>: the page opens its mode even when a link lost its ?mode (src/lib/config/url.ts, PAGE_MODE).
  const modePageHtml = (html: string, shell: string, mode: PageMode) => {
    const tag = '<html lang="en" dir="ltr">';
    if (!html.includes(tag)) throw new Error(`index.html: expected ${tag} to mark the ${mode} page's mode on`);
    return html
      .replace(shell, '')
      .replace(tag, `<html lang="en" dir="ltr" data-mode="${mode}">`)
      .replace('</head>', '<meta name="robots" content="noindex"><script src="./theme.js"></script></head>');
  };
  /** Every page but index.html, by file name, from index.html as built (or as the dev server serves it). */
  const pages = (html: string, arabicFaces: string): Record<string, string> => {
    const { raw, en, shell } = withIntro(html);
    const out: Record<string, string> = {};
    for (const [lang, loc] of Object.entries(raw.locales)) if (lang !== 'en') out[explainerPage(lang)] = langPageHtml(html, loc as Locale, en, shell, arabicFaces);
    for (const mode of MODE_PAGES) out[modePage(mode)] = modePageHtml(html, shell, mode);
    return out;
  };
  return {
    name: 'site-pages',
    // After Vite's own HTML plugin, which adds index.html to the bundle in its generateBundle.
    enforce: 'post',
    transformIndexHtml: (html) => html.replaceAll('%SITE_URL%', site),
    generateBundle(_, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') throw new Error('site-pages: index.html is not in the bundle; the pages made from it cannot be written');
      // A right-to-left page's intro is set in Noto Sans Arabic: preload its two faces, as index.html does the Latin
      // ones (firstPaint), rather than let the browser find them only once it lays the page out.
      const arabicFaces = fontFiles(bundle, 'arabic')
        .map((href) => `<link rel="preload" as="font" type="font/woff2" href="${href}" crossorigin="">`)
        .join('');
      for (const [fileName, source] of Object.entries(pages(String(index.source), arabicFaces))) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!/^[\w.-]+\.html$/.test(name) || name === 'index.html') return next();
        try {
          const html = await server.transformIndexHtml(`/${name}`, readFileSync(new URL('./index.html', import.meta.url), 'utf8'));
          const page = pages(html, '')[name];
          if (page === undefined) return next();
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(page);
        } catch (e) {
          next(e);
        }
      });
    },
  };
}

/** index.html's content, with the English intro firstPaint wrote into it (`shell`), which the other pages swap out. */
function withIntro(html: string) {
  const { raw } = readDataset(process.cwd());
  const en = raw.locales.en as Locale;
  const shell = shellHtml(en, en);
  if (!html.includes(shell)) throw new Error('site-pages: the pre-rendered intro is not in index.html');
  return { raw, en, shell };
}

// `base: './'` keeps every asset URL relative, so the build works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte(), storyData(), cspMeta(), firstPaint(), inlineFavicon(), sitePages()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  preview: {
    port: 4173,
    strictPort: true,
    // As a production host should serve it: the CSP as a header (adds frame-ancestors, which a <meta> cannot), and
    // CORS for sandboxed embeds (an iframe without allow-same-origin has an opaque origin).
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors *`, 'Access-Control-Allow-Origin': '*' },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Dates are parsed and formatted as UTC throughout; pin the zone so a developer's clock cannot change results.
    env: { TZ: 'UTC' },
  },
});
