import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles/fonts.css';
import './styles/global.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { SHELL_ATTR } from './lib/shell';

// The built HTML carries a pre-rendered intro (src/lib/shell.ts). Let the browser paint it, in its web fonts (which
// the HTML preloads), before the app starts: a deferred module script otherwise runs before the first paint and the
// reader waits for the whole app to see the headline. "Painted" means the browser has reported the frame (a
// largest-contentful-paint entry), not just that one was scheduled: swapping the intro out before that report
// would leave the reader's first view uncounted. The app then replaces the intro with the same markup in one task.
// The timers cover fonts that never arrive, browsers without paint entries, and hidden tabs and frames.
const target = document.getElementById('app')!;
let started = false;
function start() {
  if (started) return;
  started = true;
  performance.mark('iib:app-start');
  // A reader who tabbed into the pre-rendered intro keeps their place: focus moves to the same control in the app.
  const focused = document.activeElement?.closest(`[${SHELL_ATTR}]`) ? document.activeElement.textContent : null;
  target.replaceChildren();
  mount(App, { target });
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

// The intro is the explainer's: presentation, embed and builder pages replace it at once.
const mode = new URLSearchParams(window.location.search).get('mode');
if (mode && mode !== 'explainer') start();

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
