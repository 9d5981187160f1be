/**
 * Images the MapLibre style draws with, made on the page (the style has no sprite: nothing is fetched). The place dot
 * is an icon rather than a circle layer so that it takes part in label placement: drawn as circles, dots were not
 * obstacles, and a town's name could cover another town's dot ("Sulaymaniyah" over Kirkuk's), so a reader matched
 * the name with the wrong dot.
 */
import { PALETTES, type Theme } from './palette';

/** The dot's radius and halo (CSS px): a highlighted place's dot is this at icon-size PLACE_DOT_HIGHLIGHT. */
export const PLACE_DOT = { radius: 2.5, halo: 1 } as const;
export const PLACE_DOT_HIGHLIGHT = 3.5 / 2.5;

export const placeDotId = (theme: Theme): string => `place-dot-${theme}`;

const RATIO = 2;

/** The image for `id` if it is one of ours (MapLibre asks through 'styleimagemissing'), else null. */
export function styleImage(id: string): { data: ImageData; pixelRatio: number } | null {
  const theme = (Object.keys(PALETTES) as Theme[]).find((t) => placeDotId(t) === id);
  if (!theme) return null;
  const p = PALETTES[theme];
  // Room for the largest (highlighted) dot's halo once scaled, plus a pixel so it is not clipped.
  const css = Math.ceil(2 * (PLACE_DOT.radius + PLACE_DOT.halo)) + 1;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = css * RATIO;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(RATIO, RATIO);
  ctx.beginPath();
  ctx.arc(css / 2, css / 2, PLACE_DOT.radius + PLACE_DOT.halo / 2, 0, Math.PI * 2);
  ctx.fillStyle = p.label;
  ctx.fill();
  ctx.lineWidth = PLACE_DOT.halo;
  ctx.strokeStyle = p.labelHalo;
  ctx.stroke();
  return { data: ctx.getImageData(0, 0, canvas.width, canvas.height), pixelRatio: RATIO };
}
