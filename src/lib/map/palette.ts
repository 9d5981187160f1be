/**
 * Colours shared by every renderer (MapLibre, SVG fallback, legend, PNG export). Hues come from the Okabe–Ito set,
 * which stays distinguishable under deuteranopia and protanopia: blue for the Kurdistan Region, sky blue for Iran's
 * Kurdish-populated provinces (related hue, lighter), vermillion for strikes, bluish green for crossings, and
 * near-black for the border. Dark mode re-tunes the same roles rather than inverting them.
 */
export type Theme = 'light' | 'dark';

export interface Palette {
  sea: string;
  land: string;
  landFocus: string;
  countryLine: string;
  countryLabel: string;
  border: string;
  borderHalo: string;
  borderKri: string;
  kri: string;
  kriFillOpacity: number;
  irProvince: string;
  irFillOpacity: number;
  strike: string;
  strikePast: string;
  strikeStroke: string;
  /** Strike colour darkened/lightened for text on the map (contrast ≥ 4.5:1 against the label halo). */
  strikeText: string;
  context: string;
  crossing: string;
  scale110: string;
  scale50: string;
  scale10: string;
  label: string;
  labelHalo: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    sea: '#dde8ef',
    land: '#f4f2ee',
    landFocus: '#fbfaf8',
    countryLine: '#9a9a9a',
    countryLabel: '#6b6b6b',
    border: '#1b1b1b',
    borderHalo: '#ffffff',
    borderKri: '#0072b2',
    kri: '#0072b2',
    kriFillOpacity: 0.2,
    irProvince: '#56b4e9',
    irFillOpacity: 0.22,
    strike: '#d55e00',
    strikePast: '#e8a57a',
    strikeStroke: '#ffffff',
    strikeText: '#a34400',
    context: '#1b1b1b',
    crossing: '#009e73',
    scale110: '#e69f00',
    scale50: '#cc79a7',
    scale10: '#1b1b1b',
    label: '#222222',
    labelHalo: '#ffffff',
  },
  dark: {
    sea: '#111a22',
    land: '#262a2f',
    landFocus: '#2d3238',
    countryLine: '#6f767e',
    countryLabel: '#b3b8be',
    border: '#f2f2f2',
    borderHalo: '#111111',
    borderKri: '#56b4e9',
    kri: '#56b4e9',
    kriFillOpacity: 0.22,
    irProvince: '#8fcdf0',
    irFillOpacity: 0.12,
    strike: '#ff7a2e',
    strikePast: '#9a5a36',
    strikeStroke: '#111111',
    strikeText: '#ff9a5c',
    context: '#f2f2f2',
    crossing: '#3fd0a0',
    scale110: '#f0b429',
    scale50: '#e59acb',
    scale10: '#f2f2f2',
    label: '#f0f0f0',
    labelHalo: '#111111',
  },
};

/**
 * How a strike circle is drawn, current (this step's) or earlier, on every renderer (MapLibre style, SVG map, legend,
 * Save image). Earlier strikes are paler but keep an outline in the strike colour: a pale fill alone was 1.3:1 against
 * the Kurdistan Region's blue and vanished on a projector.
 */
export interface StrikeMarker {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
}
export function strikeMarker(p: Palette, current: boolean): StrikeMarker {
  return current
    ? { fill: p.strike, fillOpacity: 0.9, stroke: p.strikeStroke, strokeWidth: 1.5 }
    : { fill: p.strikePast, fillOpacity: 0.55, stroke: p.strikeText, strokeWidth: 1.2 };
}

/**
 * The three measured borders (1:110m, 1:50m, 1:10m), widest first so each shows beside the finer one drawn over it:
 * where the lines coincide, 1:50m at 2.5 px under 1:10m at 1.5 px left half a pixel of pink each side.
 */
export const SCALE_LINES = [
  { scale: '110m', color: 'scale110', width: 6 },
  { scale: '50m', color: 'scale50', width: 3.5 },
  { scale: '10m', color: 'scale10', width: 1.5 },
] as const;

/** Circle radius (px) for a toll: area proportional to people killed and injured; a fixed size when nobody counted. */
export function strikeRadius(toll: number | null): number {
  if (toll === null) return 6;
  return Math.max(4, 2.8 * Math.sqrt(toll));
}

/**
 * Strike circles are half size on the wide views (zoom 5 and below) and full size from zoom 6, where the strike steps
 * are seen: at the whole-border steps (zoom about 4.5) full-size circles covered the Region's cities, Erbil under
 * Koya's. Areas still compare within a view; never below 3 px. One rule for both maps: the style interpolates the
 * same stops (strikeRadiusExpression), the SVG map calls strikeRadiusAt with its equivalent zoom.
 */
const WIDE_ZOOM = 5;
const FULL_ZOOM = 6;
const WIDE_SCALE = 0.5;
const MIN_R = 3;

export function strikeRadiusAt(r: number, zoom: number): number {
  const t = Math.max(0, Math.min(1, (zoom - WIDE_ZOOM) / (FULL_ZOOM - WIDE_ZOOM)));
  const wide = Math.max(MIN_R, WIDE_SCALE * r);
  return wide + (Math.max(MIN_R, r) - wide) * t;
}

export function strikeRadiusExpression(): unknown[] {
  const r = ['get', 'r'];
  return ['interpolate', ['linear'], ['zoom'], WIDE_ZOOM, ['max', MIN_R, ['*', WIDE_SCALE, r]], FULL_ZOOM, ['max', MIN_R, r]];
}
