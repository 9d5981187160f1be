/**
 * Label placement for the SVG map: the same hierarchy as the MapLibre style (highlighted places first, then by
 * rank; minor places only when zoomed in) with a greedy collision check, so no two labels overlap.
 */
import type { PlanarProjection } from './svgProjection';
import type { GeoData } from '../data/geo';
import type { ViewState } from '../story/resolve';
import { LABEL_PX, placeLabelPx, scaledPx } from './labelSizes';
import { LABEL_SIDES, labelSides, type Side } from './labelSides';

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
): SvgLabel[] {
  const px = (size: number) => scaledPx(size, scale);
  const spanDeg = view.camera[2] - view.camera[0];
  const maxRank = spanDeg > 12 ? 2 : spanDeg > 5 ? 3 : 4;
  const highlighted = new Set(view.places);
  const layers = new Set(view.layers);
  const visiblePlaces = new Set(view.events.map((e) => e.placeId));
  const currentPlaces = new Set(view.events.filter((e) => e.state === 'current').map((e) => e.placeId));
  const charW = lang === 'en' ? 0.56 : 0.5;

  type Cand = { key: string; text: string; lonlat: [number, number]; size: number; strong: boolean; dot: boolean; country: boolean; color: SvgLabel['color']; priority: number; centred: boolean; sides?: Side[] };
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
      dot: true,
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
      // The step's own strike areas first, before even the step's towns (as the style places them).
      cands.push({ key: `a-${q.placeId}`, text: nameOf(q, lang), lonlat: (f.geometry as GeoJSON.Point).coordinates as [number, number], size: px(LABEL_PX.area), strong: false, dot: false, country: false, color: current ? 'strike' : 'place', priority: current ? 0 : 1, centred: true });
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

  const placed: Box[] = [];
  const out: SvgLabel[] = [];
  for (const c of cands) {
    const pt = projection(c.lonlat);
    if (!pt) continue;
    const [px, py] = pt;
    if (px < 0 || py < 0 || px > width || py > height) continue;
    const w = c.text.length * c.size * charW;
    const h = c.size;
    type Option = { x: number; y: number; anchor: SvgLabel['anchor']; box: Box };
    const at: Record<Side, Option> = {
      east: { x: px + 6, y: py + h * 0.35, anchor: 'start', box: [px + 4, py - h / 2, px + 8 + w, py + h / 2] },
      west: { x: px - 6, y: py + h * 0.35, anchor: 'end', box: [px - 8 - w, py - h / 2, px - 4, py + h / 2] },
      above: { x: px, y: py - 7, anchor: 'middle', box: [px - w / 2, py - 7 - h, px + w / 2, py - 5] },
      below: { x: px, y: py + h + 5, anchor: 'middle', box: [px - w / 2, py + 4, px + w / 2, py + h + 7] },
    };
    const options: Option[] = c.centred
      ? [{ x: px, y: py - 4, anchor: 'middle', box: [px - w / 2, py - 4 - h, px + w / 2, py - 2] }]
      : (c.sides ?? LABEL_SIDES.other).map((s) => at[s]);
    // A dot under a name already placed would be read as that name's place, so the dot's spot must be free too.
    const taken = c.priority === 0 ? placed : placed.concat(covered);
    const dot: Box | null = c.dot ? [px - 3, py - 3, px + 3, py + 3] : null;
    if (dot && taken.some((b) => overlaps(b, dot))) continue;
    const fit = options.find((o) => o.box[0] >= 0 && o.box[2] <= width && o.box[1] >= 0 && o.box[3] <= height && !taken.some((b) => overlaps(b, o.box)));
    if (!fit) continue;
    placed.push(fit.box);
    if (dot) placed.push(dot);
    out.push({ key: c.key, text: c.text, x: fit.x, y: fit.y, px, py, anchor: fit.anchor, size: c.size, strong: c.strong, dot: c.dot, country: c.country, color: c.color, box: fit.box });
  }
  return out;
}
