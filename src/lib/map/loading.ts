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

export function whenWorthLoading(load: () => void): () => void {
  let done = false;
  const cleanups: (() => void)[] = [];
  const fire = () => {
    if (done) return;
    done = true;
    cleanups.forEach((c) => c());
    load();
  };
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
