/**
 * The map's own style, as pure functions of (view, language, theme). No glyphs URL: MapLibre then renders labels
 * with the page's self-hosted web fonts, so nothing is fetched from another origin. Every layer is always present
 * and only its visibility, filter and paint change between steps, which lets the controller apply small diffs.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerId } from '../data/schema';
import type { ViewState } from '../story/resolve';
import { PALETTES, SCALE_LINES, strikeMarker, strikeRadiusExpression, type Theme } from './palette';
import { anchorOffsetExpression } from './labelSides';
import { LABEL_PX, PAST_AREA_CLEARANCE, scaledPx } from './labelSizes';
import { crossingDotId, PLACE_DOT_HIGHLIGHT, placeDotId } from './images';

export const SOURCES = ['basemap', 'boundaries', 'border', 'scales', 'regions', 'places', 'events', 'areas'] as const;
export type SourceId = (typeof SOURCES)[number];

/** Which style layers each story layer switches on. Layers not listed here are always visible. */
export const LAYER_GROUPS: Record<LayerId, string[]> = {
  border: ['border-halo', 'border-line'],
  'border-kri': ['border-kri'],
  'border-scales': ['scale-110m', 'scale-50m', 'scale-10m'],
  kri: ['kri-fill', 'kri-outline'],
  'kri-governorates': ['kri-governorates'],
  'ir-provinces': ['ir-provinces-fill', 'ir-provinces-line'],
  events: ['event-areas-fill', 'event-areas-line', 'event-area-labels', 'event-area-labels-current', 'strikes'],
  'context-events': ['context-strikes'],
  crossings: ['crossings', 'crossing-labels'],
};

/** The layers that name places and areas (read back by the controller: which names were placed). */
export const NAME_LAYERS = ['place-labels', 'crossing-labels', 'event-area-labels', 'event-area-labels-current'];

/**
 * Every layer that writes a name (country names too). A name the map's edge or something over the map would cut is
 * hidden in these: the controller sets this feature state on it once the map has settled (MapController.hideCutNames).
 */
export const LABEL_LAYERS = [...NAME_LAYERS, 'country-labels'];
export const CUT_STATE = 'cut';
/** Opacity 0 for a name set aside as cut; as a paint value it changes no placement, so nothing else moves. */
const unlessCut = ['case', ['boolean', ['feature-state', CUT_STATE], false], 0, 1];

/** Interactive layers: clicking a feature here opens that event. */
export const EVENT_LAYERS = ['strikes', 'context-strikes', 'event-areas-fill'];

export interface StyleOptions {
  lang: string;
  theme: Theme;
  /** Font stack names, resolved by MapLibre as web fonts (self-hosted @fontsource files imported in src/main.ts). */
  fonts: string[];
  /** Country names in the reader's language, by ISO 3166 alpha-3 code. */
  countryNames: Record<string, string>;
  /** Label sizes times this (labelSizes.ts: larger on a projected slide). 1 if absent. */
  labelScale?: number;
}

const byKind = (kind: string): unknown[] => ['==', ['get', 'kind'], kind];
const idIn = (ids: string[]): unknown[] => ['in', ['get', 'id'], ['literal', ids]];

function nameField(lang: string) {
  return ['coalesce', ['get', `name_${lang}`], ['get', 'name_en']];
}

/** The layers for a view. Pure: the same inputs give the same layers, which the unit tests check. */
export function buildLayers(view: ViewState, opts: StyleOptions): LayerSpecification[] {
  return layerList(view, opts) as unknown as LayerSpecification[];
}

/**
 * Typed loosely on purpose: MapLibre's expression types reject many valid nested expressions. The unit tests run
 * every built style through MapLibre's own style validator instead, which checks more than the types could.
 */
type LooseLayer = { id: string; type: string; [k: string]: unknown };

function layerList(view: ViewState, opts: StyleOptions): LooseLayer[] {
  const p = PALETTES[opts.theme];
  const on = new Set(view.layers);
  const vis = (group: LayerId) => (on.has(group) ? 'visible' : 'none') as 'visible' | 'none';
  const current = view.events.filter((e) => e.state === 'current').map((e) => e.id);
  const visible = view.events.map((e) => e.id);
  const isCurrent = ['in', ['get', 'id'], ['literal', current]];
  const areaPlaces = [...new Set(view.events.map((e) => e.placeId))];
  const currentPlaces = [...new Set(view.events.filter((e) => e.state === 'current').map((e) => e.placeId))];
  const highlightedPlace = ['in', ['get', 'id'], ['literal', view.places]];
  const font = opts.fonts;
  const [now, past] = [strikeMarker(p, true), strikeMarker(p, false)];
  const px = (size: number) => scaledPx(size, opts.labelScale ?? 1);
  // Symbol layers only: see ViewState.warmUp.
  const overlap = view.warmUp ? { 'text-allow-overlap': true } : {};
  const areaLabels = (id: string, placeIds: string[], color: string, padding?: number): LooseLayer => ({
    id,
    type: 'symbol',
    source: 'areas',
    filter: ['all', ['==', ['geometry-type'], 'Point'], ['in', ['get', 'placeId'], ['literal', placeIds]]],
    layout: {
      ...overlap,
      visibility: vis('events'),
      'text-field': nameField(opts.lang),
      'text-font': font,
      'text-size': px(LABEL_PX.area),
      'text-anchor': 'bottom',
      'text-offset': [0, -0.2],
      'text-max-width': 9,
      ...(padding === undefined ? {} : { 'text-padding': padding }),
    },
    paint: { 'text-color': color, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6, 'text-opacity': unlessCut },
  });

  return [
    { id: 'background', type: 'background', paint: { 'background-color': p.sea } },
    {
      id: 'land',
      type: 'fill',
      source: 'basemap',
      paint: {
        'fill-color': ['match', ['get', 'iso3'], ['IRN', 'IRQ'], p.landFocus, p.land],
      },
    },
    {
      id: 'ir-provinces-fill',
      type: 'fill',
      source: 'regions',
      filter: byKind('ir-kurdish-province'),
      layout: { visibility: vis('ir-provinces') },
      paint: { 'fill-color': p.irProvince, 'fill-opacity': p.irFillOpacity },
    },
    {
      id: 'ir-provinces-line',
      type: 'line',
      source: 'regions',
      filter: byKind('ir-kurdish-province'),
      layout: { visibility: vis('ir-provinces') },
      paint: { 'line-color': p.irProvince, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    {
      id: 'kri-fill',
      type: 'fill',
      source: 'regions',
      filter: byKind('kri'),
      layout: { visibility: vis('kri') },
      paint: { 'fill-color': p.kri, 'fill-opacity': p.kriFillOpacity },
    },
    {
      id: 'kri-governorates',
      type: 'line',
      source: 'regions',
      filter: byKind('kri-governorate'),
      layout: { visibility: vis('kri-governorates') },
      paint: { 'line-color': p.kri, 'line-width': 0.7, 'line-opacity': 0.7 },
    },
    {
      id: 'kri-outline',
      type: 'line',
      source: 'regions',
      filter: byKind('kri'),
      layout: { visibility: vis('kri') },
      paint: { 'line-color': p.kri, 'line-width': 1.6 },
    },
    {
      id: 'boundaries',
      type: 'line',
      source: 'boundaries',
      paint: { 'line-color': p.countryLine, 'line-width': 0.8 },
    },
    {
      id: 'border-kri',
      type: 'line',
      source: 'border',
      filter: ['==', ['get', 'part'], 'kri'],
      layout: { visibility: vis('border-kri'), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': p.borderKri, 'line-width': 9, 'line-opacity': 0.45 },
    },
    {
      id: 'border-halo',
      type: 'line',
      source: 'border',
      filter: ['!', ['has', 'part']],
      layout: { visibility: vis('border'), 'line-join': 'round' },
      paint: { 'line-color': p.borderHalo, 'line-width': 5.5, 'line-opacity': 0.8 },
    },
    {
      id: 'border-line',
      type: 'line',
      source: 'border',
      filter: ['!', ['has', 'part']],
      layout: { visibility: vis('border'), 'line-join': 'round' },
      paint: { 'line-color': p.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.2, 9, 3.5] },
    },
    ...SCALE_LINES.map(
      ({ scale, color, width }): LooseLayer => ({
        id: `scale-${scale}`,
        type: 'line',
        source: 'scales',
        filter: ['==', ['get', 'scale'], scale],
        layout: { visibility: vis('border-scales'), 'line-join': 'round' },
        paint: { 'line-color': p[color], 'line-width': width, 'line-opacity': 0.95 },
      }),
    ),
    {
      id: 'event-areas-fill',
      type: 'fill',
      source: 'areas',
      filter: ['all', ['==', ['geometry-type'], 'Polygon'], idIn(visible)],
      layout: { visibility: vis('events') },
      // Invisible: orange over the Region's blue reads as grey, so the dashed ring carries the meaning; the fill
      // only makes the whole area clickable.
      paint: { 'fill-color': p.strike, 'fill-opacity': 0 },
    },
    {
      id: 'event-areas-line',
      type: 'line',
      source: 'areas',
      filter: ['all', ['==', ['geometry-type'], 'Polygon'], idIn(visible)],
      layout: { visibility: vis('events') },
      paint: {
        'line-color': ['case', isCurrent, p.strike, p.strikePast],
        'line-width': ['case', isCurrent, 2, 1.2],
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: 'context-strikes',
      type: 'circle',
      source: 'events',
      filter: ['all', byKind('context'), idIn(visible)],
      layout: { visibility: vis('context-events') },
      paint: {
        'circle-radius': strikeRadiusExpression(),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': p.context,
        'circle-stroke-width': ['case', isCurrent, 2.5, 1.2],
      },
    },
    {
      id: 'strikes',
      type: 'circle',
      source: 'events',
      // Events known only as an area are drawn as their ring alone: a dot would claim a point nobody reported.
      filter: ['all', byKind('strike'), ['!=', ['get', 'precision'], 'area'], idIn(visible)],
      layout: { visibility: vis('events'), 'circle-sort-key': ['-', 0, ['get', 'r']] },
      paint: {
        'circle-radius': strikeRadiusExpression(),
        'circle-color': ['case', isCurrent, now.fill, past.fill],
        'circle-opacity': ['case', isCurrent, now.fillOpacity, past.fillOpacity],
        'circle-stroke-color': ['case', isCurrent, now.stroke, past.stroke],
        'circle-stroke-width': ['case', isCurrent, now.strokeWidth, past.strokeWidth],
      },
    },
    areaLabels('event-area-labels', areaPlaces.filter((id) => !currentPlaces.includes(id)), p.label, PAST_AREA_CLEARANCE),
    {
      // Under the towns' names, so placed after them (MapLibre places from the top layer down): "IRAQ" took Baghdad's
      // name on the accord step, signed there. It may move off its point to fit (variable anchor).
      id: 'country-labels',
      type: 'symbol',
      source: 'basemap',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        ...overlap,
        // Small caps in Latin script; Arabic script has no case.
        'text-field': opts.lang === 'en' ? ['upcase', countryName(opts.countryNames)] : countryName(opts.countryNames),
        'text-font': font,
        'text-size': ['match', ['get', 'iso3'], ['IRN', 'IRQ'], px(LABEL_PX.focusCountry), px(LABEL_PX.country)],
        'text-letter-spacing': 0.12,
        'symbol-sort-key': ['match', ['get', 'iso3'], ['IRN', 'IRQ'], 0, 1],
        'text-variable-anchor': ['center', 'top', 'bottom'],
        'text-radial-offset': 1,
      },
      paint: { 'text-color': p.countryLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2, 'text-opacity': unlessCut },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'places',
      filter: ['all', ['!=', ['get', 'kind'], 'crossing'], ['any', highlightedPlace, ['all', ['!=', ['get', 'kind'], 'area'], placeMinZoom()]]],
      layout: {
        ...overlap,
        'text-field': nameField(opts.lang),
        'text-font': font,
        'text-size': ['case', highlightedPlace, px(LABEL_PX.highlighted), ['match', ['get', 'rank'], 1, px(LABEL_PX.rank1), 2, px(LABEL_PX.rank2), px(LABEL_PX.minor)]],
        // Each name on its own country's side of its dot (labelSides.ts).
        'text-variable-anchor-offset': anchorOffsetExpression(0.6, 0.8),
        'text-justify': 'auto',
        // Lower rank = more important: placed first, so collisions drop the minor names.
        'symbol-sort-key': ['case', highlightedPlace, 0, ['get', 'rank']],
        // A town's dot and name are placed together, or neither is: a dot whose name did not fit said nothing, and as
        // a circle layer it was no obstacle, so another town's name could cover it. (The step's own places have their
        // dots in place-dots, always drawn.)
        'icon-image': ['case', ['any', highlightedPlace, ['==', ['get', 'kind'], 'area']], '', placeDotId(opts.theme)],
        'icon-padding': 0,
      },
      paint: {
        'text-color': p.label,
        'text-halo-color': p.labelHalo,
        'text-halo-width': 1.8,
        // A town's dot goes with its name (see icon-image above).
        'text-opacity': unlessCut,
        'icon-opacity': unlessCut,
      },
    },
    // The names of the areas this step's strikes hit, placed before the towns' names: "Zrgwez" lost its place to
    // "Sulaymaniyah" once highlighted towns could be named above their dots. (Other areas' names come after them.)
    areaLabels('event-area-labels-current', currentPlaces, p.strikeText),
    {
      id: 'crossing-labels',
      type: 'symbol',
      source: 'places',
      filter: byKind('crossing'),
      layout: {
        ...overlap,
        visibility: vis('crossings'),
        'text-field': nameField(opts.lang),
        'text-font': font,
        'text-size': px(LABEL_PX.crossing),
        // Beside the dot first, on whichever side is free: centred under it, the three 2023 crossings' names sat on
        // top of the Region's cities (Erbil, Sulaymaniyah) on a phone.
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8,
        'text-justify': 'auto',
        // "Bashmaq crossing" on one line: at 8 em it took two, too tall to fit between its neighbours' names and dots
        // in a 360 px embed, so one of the accord's three crossings went unnamed.
        'text-max-width': 10,
      },
      paint: { 'text-color': p.crossing, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5, 'text-opacity': unlessCut },
    },
    {
      // The dots of the places the step names: always drawn, at any zoom (Saqqez, rank 3, had a name and no dot on the
      // protests step). Above the names, so placed before them (MapLibre places symbol layers from the top down): no
      // name is placed over one of these dots (images.ts). Other towns' dots come with their names (place-labels).
      id: 'place-dots',
      type: 'symbol',
      source: 'places',
      filter: ['all', ['!=', ['get', 'kind'], 'crossing'], ['!=', ['get', 'kind'], 'area'], highlightedPlace],
      layout: {
        'icon-image': placeDotId(opts.theme),
        'icon-size': PLACE_DOT_HIGHLIGHT,
        'icon-allow-overlap': true,
        'icon-padding': 0,
      },
    },
    {
      // The border crossings' dots, like place-dots: always drawn, and placed before every name, so no name covers a
      // crossing ("Bashmaq crossing" hid the Parviz Khan dot in a phone-sized embed when these were a circle layer).
      id: 'crossings',
      type: 'symbol',
      source: 'places',
      filter: byKind('crossing'),
      layout: {
        visibility: vis('crossings'),
        'icon-image': crossingDotId(opts.theme),
        'icon-allow-overlap': true,
        'icon-padding': 0,
      },
    },
  ];
}

function countryName(names: Record<string, string>) {
  const pairs = Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flat();
  return (pairs.length ? ['match', ['get', 'iso3'], ...pairs, ['get', 'name']] : ['get', 'name']);
}

/** Places appear by importance as the reader zooms in: capitals first, minor towns last. */
function placeMinZoom(): unknown[] {
  return ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 5.2, 3, 7, 4]];
}

export function buildStyle(
  view: ViewState,
  opts: StyleOptions,
  sources: Record<SourceId, GeoJSON.FeatureCollection>,
): StyleSpecification {
  const src = Object.fromEntries(
    // MapLibre numbers the features, so feature state (a name hidden where it would be cut) can find them.
    SOURCES.map((id): [string, SourceSpecification] => [id, { type: 'geojson', data: sources[id], generateId: true }]),
  );
  return { version: 8, sources: src, layers: buildLayers(view, opts) };
}
