/**
 * When to upgrade the SVG map to MapLibre. MapLibre is ~430 KB of script and worker (gzip) and a second or more of
 * main-thread work to start: worth it once the reader is using the page, not during the first paint, which the SVG
 * map already gives in full. So it loads at the first interaction (scroll, pointer, key, wheel, touch), or a few
 * seconds after load, once the browser is idle.
 */
export function hasWebGL(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * MapLibre needs a Web Worker from our origin (and WebGL: probed later, by hasWebGL, when the upgrade starts). A
 * sandboxed iframe without allow-same-origin has an opaque origin ("null") where browsers refuse such workers, so
 * the SVG map is used there from the start.
 */
export function canUseMapLibre(): boolean {
  return window.origin !== 'null';
}

const INTERACTIONS = ['scroll', 'pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const LATEST_MS = 8000;

// The reader may act while the page is still the pre-rendered intro (src/main.ts), before any map exists to listen:
// remember that from the moment this module runs, so the upgrade starts as soon as the map does.
let interacted = false;
if (typeof window !== 'undefined') {
  const note = () => {
    interacted = true;
    for (const type of INTERACTIONS) window.removeEventListener(type, note, { capture: true });
  };
  for (const type of INTERACTIONS) window.addEventListener(type, note, { passive: true, capture: true });
}

export function whenWorthLoading(load: () => void): () => void {
  let done = false;
  const cleanups: (() => void)[] = [];
  const fire = () => {
    if (done) return;
    done = true;
    cleanups.forEach((c) => c());
    load();
  };
  if (interacted) {
    // A task later, not inside the app's first task.
    const t = setTimeout(fire, 0);
    return () => {
      done = true;
      clearTimeout(t);
    };
  }
  for (const type of INTERACTIONS) {
    window.addEventListener(type, fire, { passive: true, once: true, capture: true });
    cleanups.push(() => window.removeEventListener(type, fire, { capture: true }));
  }
  const timer = setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(fire, { timeout: 2000 }) : fire()), LATEST_MS);
  cleanups.push(() => clearTimeout(timer));
  return () => {
    done = true;
    cleanups.forEach((c) => c());
  };
}
