import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles/fonts.css';
import './styles/global.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { SHELL_ATTR } from './lib/shell';
import { PAGE_LANG, wantedLang, wantedMode } from './lib/config/url';
import { english, LANG_NAMES, loadLocale } from './lib/i18n/i18n';
import type { Locale } from './lib/data/schema';

const target = document.getElementById('app')!;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const LOCALE_WAIT_MS = 5000;

// The app mounts in the reader's language. Mounted in English and switched once the strings arrived, a Persian page
// showed English, left to right, for half a second. So a language's strings (its own chunk) are fetched now, while
// the intro paints, and the app waits for them. Strings that fail, or never arrive (a stalled network), give null:
// the app then opens in English and says so, rather than not at all.
const lang = wantedLang(window.location.search);
const localeLoaded: Promise<Locale | null> =
  lang === 'en'
    ? Promise.resolve(english)
    : Promise.race([loadLocale(lang).catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), LOCALE_WAIT_MS))]);
/** undefined while the strings are on their way. */
let locale: Locale | null | undefined = lang === 'en' ? english : undefined;
void localeLoaded.then((l) => (locale = l));

// index.<lang>.html preloads its own script's faces; on another page (index.html?lang=fa) the Arabic-script faces are
// asked for now, in parallel with the strings, rather than once the app has laid its text out. A language written in
// Arabic script is one whose own name is.
if (lang !== PAGE_LANG && ARABIC_SCRIPT.test(LANG_NAMES[lang]))
  for (const w of ['400', '700']) document.fonts?.load(`${w} 1em "Noto Sans Arabic"`, LANG_NAMES[lang]).catch(() => {});

// The built HTML carries a pre-rendered intro (src/lib/shell.ts). Let the browser paint it, in its web fonts (which
// the HTML preloads), before the app starts: a deferred module script otherwise runs before the first paint and the
// reader waits for the whole app to see the headline. "Painted" means the browser has reported the frame (a
// largest-contentful-paint entry), not just that one was scheduled: swapping the intro out before that report
// would leave the reader's first view uncounted. The app then replaces the intro with the same markup in one task.
// The timers cover fonts that never arrive, browsers without paint entries, and hidden tabs and frames.
let started = false;
function start() {
  if (started) return;
  if (locale === undefined) {
    void localeLoaded.then(start);
    return;
  }
  started = true;
  performance.mark('iib:app-start');
  // A reader who tabbed into the pre-rendered intro keeps their place: focus moves to the same control in the app.
  const focused = document.activeElement?.closest(`[${SHELL_ATTR}]`) ? document.activeElement.textContent : null;
  target.replaceChildren();
  // The page takes the app's language and direction before the app's text goes in (App.svelte keeps them in step
  // afterwards, from an effect that runs only after the mount).
  const { lang: opened, dir } = locale ?? english;
  document.documentElement.lang = opened;
  document.documentElement.dir = dir;
  mount(App, { target, props: { locale } });
  performance.mark('iib:app-mounted');
  if (focused) refocus(focused);
}

function refocus(text: string, tries = 3) {
  const same = [...target.querySelectorAll<HTMLElement>('a, button')].find((el) => el.textContent === text);
  if (same) same.focus();
  else if (tries > 0) requestAnimationFrame(() => refocus(text, tries - 1));
}

function afterFirstPaint(then: () => void) {
  if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
    requestAnimationFrame(() => setTimeout(then, 0));
    return;
  }
  const po = new PerformanceObserver(() => {
    po.disconnect();
    setTimeout(then, 0);
  });
  po.observe({ type: 'largest-contentful-paint', buffered: true });
}

// The intro is the explainer's, in the page's language: presentation, embed and builder pages, and a ?lang other than
// the page's (index.html?lang=fa), replace it as soon as they can.
if (wantedMode(window.location.search) !== 'explainer' || lang !== PAGE_LANG) start();

// fonts.load (not fonts.ready, which is already settled before the first layout has asked for any face).
const faces = Promise.all(['400', '700'].map((w) => document.fonts?.load(`${w} 1em "Noto Sans"`)));
Promise.race([faces, new Promise((r) => setTimeout(r, 800))])
  .catch(() => {})
  .then(() => afterFirstPaint(start));
setTimeout(start, 1500);
// A keyboard reader who starts moving before all that gets the app at once, in the key's own handler, so Tab moves
// focus on in the app rather than in the intro about to go. (Not for a key or click that activates one of the
// intro's links: those are real links and do their job.)
const early = (e: KeyboardEvent) => {
  if (e.key === 'Tab' || !document.activeElement?.closest(`[${SHELL_ATTR}]`)) {
    window.removeEventListener('keydown', early, true);
    start();
  }
};
window.addEventListener('keydown', early, true);
