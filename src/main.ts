import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles/global.css';
import { mount } from 'svelte';
import App from './App.svelte';

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
  target.replaceChildren();
  mount(App, { target });
  performance.mark('iib:app-mounted');
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

// fonts.load (not fonts.ready, which is already settled before the first layout has asked for any face).
const faces = Promise.all(['400', '700'].map((w) => document.fonts?.load(`${w} 1em "Noto Sans"`)));
Promise.race([faces, new Promise((r) => setTimeout(r, 800))])
  .catch(() => {})
  .then(() => afterFirstPaint(start));
setTimeout(start, 1500);
