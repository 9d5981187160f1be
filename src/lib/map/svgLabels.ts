/**
 * Label placement for the SVG map: the same hierarchy as the MapLibre style (highlighted places first, then by
 * rank; minor places only when zoomed in) with a greedy collision check, so no two labels overlap.
 */
import type { PlanarProjection } from './svgProjection';
import type { GeoData } from '../data/geo';
import type { ViewState } from '../story/resolve';
import { LABEL_PX, PAST_AREA_CLEARANCE, placeLabelPx, scaledPx } from './labelSizes';
import { LABEL_SIDES, labelSides, type Side } from './labelSides';
import { CROSSING_DOT } from './images';

/** Half the side of the space a town's dot keeps free (px); a crossing's larger dot keeps its own size plus halo. */
const DOT_REACH = 3;
const CROSSING_REACH = CROSSING_DOT.radius + CROSSING_DOT.halo;
const COVER_MARGIN = 3;
/** After every town and country name (priorities 0–7 below). */
const PAST_AREA_PRIORITY = 8;

export interface SvgLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  px: number;
  py: number;
  anchor: 'start' | 'end' | 'middle';
  size: number;
  strong: boolean;
  dot: boolean;
  country: boolean;
  color: 'place' | 'country' | 'crossing' | 'strike';
  /** The space the name was given (left, top, right, bottom, in map px): no other name or dot is placed in it. */
  box: Box;
}

/**
 * A dot drawn whatever the names around it do, as MapLibre's place-dots and crossings layers: the places the step
 * names, and every border crossing shown. Reserved before any name is placed, so no name covers one.
 */
export interface SvgDot {
  key: string;
  px: number;
  py: number;
  crossing: boolean;
  strong: boolean;
}

export type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function nameOf(props: Record<string, unknown>, lang: string): string {
  return String(props[`name_${lang}`] ?? props.name_en ?? props.name ?? '');
}

export function placeLabels(
  geo: GeoData,
  view: ViewState,
  projection: PlanarProjection,
  width: number,
  height: number,
  lang: string,
  countryNames: Record<string, string>,
  /** Label sizes times this, as the style's (labelSizes.ts). */
  scale = 1,
  /**
   * Boxes of what is drawn over the map (legend, credits): other places' names are kept out from under them. The
   * step's own names are not, as on the MapLibre map: half of a name the step is about says more than none.
   */
  covered: Box[] = [],
  /** The dots always drawn (names keep off them); the map passes the ones it draws rather than computing them twice. */
  dots: SvgDot[] = fixedDots(geo, view, projection, width, height),
): SvgLabel[] {
  const px = (size: number) => scaledPx(size, scale);
  const spanDeg = view.camera[2] - view.camera[0];
  const maxRank = spanDeg > 12 ? 2 : spanDeg > 5 ? 3 : 4;
  const highlighted = new Set(view.places);
  const layers = new Set(view.layers);
  const visiblePlaces = new Set(view.events.map((e) => e.placeId));
  const currentPlaces = new Set(view.events.filter((e) => e.state === 'current').map((e) => e.placeId));
  const charW = lang === 'en' ? 0.56 : 0.5;

  type Cand = { key: string; text: string; lonlat: [number, number]; size: number; strong: boolean; dot: boolean; country: boolean; color: SvgLabel['color']; priority: number; centred: boolean; sides?: Side[]; clearance?: number };
  const cands: Cand[] = [];
  for (const f of geo.places.features) {
    const q = f.properties as Record<string, unknown>;
    const kind = q.kind as string;
    const hi = highlighted.has(q.id as string);
    if (kind === 'area') continue;
    if (kind === 'crossing' && !layers.has('crossings')) continue;
    if (kind !== 'crossing' && !hi && (q.rank as number) > maxRank) continue;
    cands.push({
      key: `p-${q.id}`,
      text: nameOf(q, lang),
      lonlat: (f.geometry as GeoJSON.Point).coordinates as [number, number],
      // Crossings keep the style's size (12, regular) even when highlighted: their long names at 15 bold pushed the
      // Region's cities off a phone's map.
      size: px(kind === 'crossing' ? LABEL_PX.crossing : placeLabelPx(q.rank as number, hi)),
      strong: hi && kind !== 'crossing',
      // Its dot comes with its name, unless it is one of the dots always drawn (fixedDots).
      dot: !hi && kind !== 'crossing',
      country: false,
      color: kind === 'crossing' ? 'crossing' : 'place',
      priority: hi ? 0 : kind === 'crossing' ? 1 : 1 + (q.rank as number),
      centred: false,
      // Crossings lie on the border itself: either side will do.
      sides: kind === 'crossing' ? LABEL_SIDES.other : labelSides(q.country),
    });
  }
  if (layers.has('events')) {
    for (const f of geo.areas.features) {
      const q = f.properties as Record<string, unknown>;
      if (f.geometry.type !== 'Point' || !visiblePlaces.has(q.placeId as string)) continue;
      const current = currentPlaces.has(q.placeId as string);
      // The step's own strike areas first, before even the step's towns; earlier strikes' areas last, after the
      // countries, each with room kept around it (as the style places them: PAST_AREA_CLEARANCE).
      cands.push({ key: `a-${q.placeId}`, text: nameOf(q, lang), lonlat: (f.geometry as GeoJSON.Point).coordinates as [number, number], size: px(LABEL_PX.area), strong: false, dot: false, country: false, color: current ? 'strike' : 'place', priority: current ? 0 : PAST_AREA_PRIORITY, centred: true, clearance: current ? 0 : PAST_AREA_CLEARANCE });
    }
  }
  for (const f of geo.basemap.features) {
    if (f.geometry.type !== 'Point') continue;
    const q = f.properties as Record<string, unknown>;
    const name = countryNames[q.iso3 as string] ?? (q.name as string);
    const focus = q.iso3 === 'IRN' || q.iso3 === 'IRQ';
    cands.push({ key: `c-${q.iso3}`, text: lang === 'en' ? name.toUpperCase() : name, lonlat: (f.geometry as GeoJSON.Point).coordinates as [number, number], size: px(focus ? LABEL_PX.focusCountry : LABEL_PX.country), strong: false, dot: false, country: true, color: 'country', priority: focus ? 6 : 7, centred: true });
  }
  // Code-unit order, not localeCompare: the first localeCompare builds an ICU collator (tens of ms on a phone).
  cands.sort((a, b) => a.priority - b.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const placed: Box[] = dots.map((d) => dotBox(d.px, d.py, d.crossing));
  const out: SvgLabel[] = [];
  // A name's box is a little smaller than its letters (accents, descenders): what covers the map keeps a margin, or
  // "BAHRAIN" touched the credits once the no-WebGL note moved the map down.
  const shield = covered.map(([l, t, r, b]): Box => [l - COVER_MARGIN, t - COVER_MARGIN, r + COVER_MARGIN, b + COVER_MARGIN]);
  for (const c of cands) {
    const pt = projection(c.lonlat);
    if (!pt) continue;
    const [px, py] = pt;
    if (px < 0 || py < 0 || px > width || py > height) continue;
    const w = c.text.length * c.size * charW;
    const h = c.size;
    type Option = { x: number; y: number; anchor: SvgLabel['anchor']; box: Box };
    // A name sits clear of its dot: a crossing's dot (as large as MapLibre and the legend draw it) pushes it out further.
    const e = (c.color === 'crossing' ? CROSSING_REACH : DOT_REACH) - DOT_REACH;
    const at: Record<Side, Option> = {
      east: { x: px + 6 + e, y: py + h * 0.35, anchor: 'start', box: [px + 4 + e, py - h / 2, px + 8 + e + w, py + h / 2] },
      west: { x: px - 6 - e, y: py + h * 0.35, anchor: 'end', box: [px - 8 - e - w, py - h / 2, px - 4 - e, py + h / 2] },
      above: { x: px, y: py - 7 - e, anchor: 'middle', box: [px - w / 2, py - 7 - e - h, px + w / 2, py - 5 - e] },
      below: { x: px, y: py + h + 5 + e, anchor: 'middle', box: [px - w / 2, py + 4 + e, px + w / 2, py + h + 7 + e] },
    };
    const options: Option[] = c.centred
      ? [{ x: px, y: py - 4, anchor: 'middle', box: [px - w / 2, py - 4 - h, px + w / 2, py - 2] }]
      : (c.sides ?? LABEL_SIDES.other).map((s) => at[s]);
    // A dot under a name already placed would be read as that name's place, so the dot's spot must be free too.
    const taken = c.priority === 0 ? placed : placed.concat(shield);
    const dot: Box | null = c.dot ? dotBox(px, py, false) : null;
    if (dot && taken.some((b) => overlaps(b, dot))) continue;
    const m = c.clearance ?? 0;
    const room = (b: Box): Box => [b[0] - m, b[1] - m, b[2] + m, b[3] + m];
    const fit = options.find((o) => o.box[0] >= 0 && o.box[2] <= width && o.box[1] >= 0 && o.box[3] <= height && !taken.some((b) => overlaps(b, room(o.box))));
    if (!fit) continue;
    placed.push(fit.box);
    if (dot) placed.push(dot);
    out.push({ key: c.key, text: c.text, x: fit.x, y: fit.y, px, py, anchor: fit.anchor, size: c.size, strong: c.strong, dot: c.dot, country: c.country, color: c.color, box: fit.box });
  }
  return out;
}

const dotBox = (px: number, py: number, crossing: boolean): Box => {
  const r = crossing ? CROSSING_REACH : DOT_REACH;
  return [px - r, py - r, px + r, py + r];
};

/** The dots drawn whatever the names do (SvgDot), inside the map. */
export function fixedDots(geo: GeoData, view: ViewState, projection: PlanarProjection, width: number, height: number): SvgDot[] {
  const named = new Set(view.places);
  const crossings = view.layers.includes('crossings');
  const out: SvgDot[] = [];
  for (const f of geo.places.features) {
    const q = f.properties as Record<string, unknown>;
    const crossing = q.kind === 'crossing';
    if (q.kind === 'area' || !(crossing ? crossings : named.has(q.id as string))) continue;
    const pt = projection((f.geometry as GeoJSON.Point).coordinates as [number, number]);
    if (!pt || pt[0] < 0 || pt[1] < 0 || pt[0] > width || pt[1] > height) continue;
    out.push({ key: `p-${q.id}`, px: pt[0], py: pt[1], crossing, strong: !crossing });
  }
  return out;
}
