/**
 * Images the MapLibre style draws with, made on the page (the style has no sprite: nothing is fetched). Dots are icons
 * rather than circle layers so that they take part in label placement: drawn as circles, dots were not obstacles,
 * and a name could cover another place's dot ("Sulaymaniyah" over Kirkuk's, "Bashmaq crossing" over Parviz Khan's),
 * so a reader matched the name with the wrong dot.
 */
import { PALETTES, type Palette, type Theme } from './palette';

/** The dot's radius and halo (CSS px): a highlighted place's dot is this at icon-size PLACE_DOT_HIGHLIGHT. */
export const PLACE_DOT = { radius: 2.5, halo: 1 } as const;
export const PLACE_DOT_HIGHLIGHT = 3.5 / 2.5;
/** A border crossing's dot, the size the legend and the saved image draw it. */
export const CROSSING_DOT = { radius: 5, halo: 1.5 } as const;

/** A dot's radius and halo (CSS px) as MapLibre draws it, for the maps drawn without it (SVG map, legend). */
export function dotSize(crossing: boolean, highlighted: boolean): { radius: number; halo: number } {
  if (crossing) return CROSSING_DOT;
  return { radius: Math.round(PLACE_DOT.radius * (highlighted ? PLACE_DOT_HIGHLIGHT : 1) * 10) / 10, halo: PLACE_DOT.halo };
}

/** Each kind of dot: its size (at icon-size 1) and its fill colour in a palette; the halo is the labels' halo colour. */
const DOTS = {
  'place-dot': { ...PLACE_DOT, fill: (p: Palette) => p.label },
  'crossing-dot': { ...CROSSING_DOT, fill: (p: Palette) => p.crossing },
} as const;
type Dot = keyof typeof DOTS;

const dotId = (dot: Dot, theme: Theme): string => `${dot}-${theme}`;
export const placeDotId = (theme: Theme): string => dotId('place-dot', theme);
export const crossingDotId = (theme: Theme): string => dotId('crossing-dot', theme);

const RATIO = 2;

function dotFor(id: string): [Dot, Theme] | null {
  for (const dot of Object.keys(DOTS) as Dot[]) for (const theme of Object.keys(PALETTES) as Theme[]) if (dotId(dot, theme) === id) return [dot, theme];
  return null;
}

/** Whether the page can draw the image `id` (the unit tests check every icon the style names). */
export const isStyleImage = (id: string): boolean => dotFor(id) !== null;

/** The image for `id` if it is one of ours (MapLibre asks through 'styleimagemissing'), else null. */
export function styleImage(id: string): { data: ImageData; pixelRatio: number } | null {
  const found = dotFor(id);
  return found ? drawDot(DOTS[found[0]], PALETTES[found[1]]) : null;
}

function drawDot(d: (typeof DOTS)[Dot], p: Palette): { data: ImageData; pixelRatio: number } {
  // Room for the dot and its halo, plus a pixel so it is not clipped (icon-size scales the whole image).
  const css = Math.ceil(2 * (d.radius + d.halo)) + 1;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = css * RATIO;
  // A canvas kept in memory: a GPU-backed one made getImageData wait for the GPU process, busy compiling MapLibre's
  // shaders at that moment (526 ms in the bench's load profile where the GPU is emulated).
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.scale(RATIO, RATIO);
  ctx.beginPath();
  ctx.arc(css / 2, css / 2, d.radius + d.halo / 2, 0, Math.PI * 2);
  ctx.fillStyle = d.fill(p);
  ctx.fill();
  ctx.lineWidth = d.halo;
  ctx.strokeStyle = p.labelHalo;
  ctx.stroke();
  return { data: ctx.getImageData(0, 0, canvas.width, canvas.height), pixelRatio: RATIO };
}
