/**
 * When to upgrade the SVG map to MapLibre. MapLibre is ~300 KB of script plus a worker: worth it once the reader
 * is using the map, not before the first paint. So it loads at the first of: an interaction (scroll, pointer, key,
 * wheel, touch), the map being half on screen, or a few seconds after the page has loaded.
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
 * MapLibre needs WebGL and a Web Worker from our origin. A sandboxed iframe without allow-same-origin has an opaque
 * origin ("null") where browsers refuse such workers, so the SVG map is used there from the start.
 */
export function canUseMapLibre(): boolean {
  return hasWebGL() && window.origin !== 'null';
}

const INTERACTIONS = ['scroll', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const LATEST_MS = 3000;

export function whenWorthLoading(el: HTMLElement, load: () => void): () => void {
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
  if ('IntersectionObserver' in window) {
    const io = new IntersectionObserver((entries) => entries.some((e) => e.intersectionRatio >= 0.5) && fire(), { threshold: [0.5] });
    io.observe(el);
    cleanups.push(() => io.disconnect());
  }
  const timer = setTimeout(fire, LATEST_MS);
  cleanups.push(() => clearTimeout(timer));
  return () => {
    done = true;
    cleanups.forEach((c) => c());
  };
}
