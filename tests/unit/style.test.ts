// The MapLibre style (buildStyle) for the real steps: valid by MapLibre's own validator, self-contained (nothing
// fetched from another host), showing exactly the layers each step asks for, with the border as the boldest line and
// the key colours still distinct for readers with red–green colour blindness.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expression, featureFilter, latest, validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { content } from '../../src/lib/data/content';
import { eventAreas, eventPoints } from '../../src/lib/data/features';
import { LAYERS, type LayerId } from '../../src/lib/data/schema';
import { PALETTES, strikeMarker, strikeRadiusAt, type Theme } from '../../src/lib/map/palette';
import { fitMercator, mapZoom } from '../../src/lib/map/svgProjection';
import { isStyleImage } from '../../src/lib/map/images';
import { buildStyle, CUT_STATE, EVENT_LAYERS, LABEL_LAYERS, LAYER_GROUPS, NAME_LAYERS, type SourceId } from '../../src/lib/map/style';
import { resolveStep, warmUpView } from '../../src/lib/story/resolve';
import en from '../../data/i18n/en.json';
import ar from '../../data/i18n/ar.json';
import fa from '../../data/i18n/fa.json';
import ckb from '../../data/i18n/ckb.json';

type FC = GeoJSON.FeatureCollection;
const geo = (name: string) => JSON.parse(readFileSync(new URL(`../../data/geo/${name}.geojson`, import.meta.url), 'utf8')) as FC;
const sources: Record<SourceId, FC> = {
  basemap: geo('basemap'),
  boundaries: geo('boundaries'),
  border: geo('border'),
  scales: geo('border-scales'),
  regions: geo('regions'),
  places: geo('places'),
  events: eventPoints(content.events, content.places),
  areas: eventAreas(content.events, content.places),
};
const THEMES: Theme[] = ['light', 'dark'];
const styleFor = (i: number, theme: Theme = 'light'): StyleSpecification =>
  buildStyle(resolveStep(content, i, 'wide'), { lang: 'en', theme, fonts: ['Noto Sans', 'Noto Sans Arabic'], countryNames: en.countries }, sources);
const stepCases = content.steps.map((s, i) => [s.id, i] as const);
const layerOf = (style: StyleSpecification, id: string) => style.layers.find((l) => l.id === id);
const visibility = (style: StyleSpecification, id: string) => (layerOf(style, id) as { layout?: { visibility?: string } }).layout?.visibility;

describe('buildStyle output', () => {
  it.each(THEMES.flatMap((t) => stepCases.map(([id, i]) => [id, t, i] as const)))('%s (%s) passes MapLibre’s validator', (_, theme, i) => {
    expect(validateStyleMin(styleFor(i, theme))).toEqual([]);
  });

  // The controller sets properties with MapLibre's validation off (controller.ts), so every style it can be given is
  // checked here: each step in each language, on a phone-shaped map.
  it.each(Object.entries({ ar, fa, ckb }))('every step in %s, narrow, passes MapLibre’s validator', (lang, loc) => {
    for (const [id, i] of stepCases) {
      const style = buildStyle(resolveStep(content, i, 'narrow'), { lang, theme: 'dark', fonts: ['Noto Sans', 'Noto Sans Arabic'], countryNames: loc.countries }, sources);
      expect(validateStyleMin(style), id).toEqual([]);
    }
  });

  it('asks for no glyphs and no sprite (labels use the page’s own fonts)', () => {
    const style = styleFor(0);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it.each(stepCases)('%s names no URL anywhere, so nothing is fetched from another host', (_, i) => {
    expect(JSON.stringify(styleFor(i))).not.toMatch(/https?:|\/\//);
  });

  it('contains every layer that a story layer switches, and every clickable layer', () => {
    const ids = styleFor(0).layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining([...Object.values(LAYER_GROUPS).flat(), ...EVENT_LAYERS]));
  });

  it.each(stepCases)('%s hides the layers of every story layer it does not use', (_, i) => {
    const style = styleFor(i);
    const off = LAYERS.filter((l) => !content.steps[i]!.layers.includes(l));
    for (const id of off.flatMap((l: LayerId) => LAYER_GROUPS[l])) expect(visibility(style, id), id).toBe('none');
  });

  it.each(stepCases)('%s shows the layers of every story layer it uses', (_, i) => {
    const style = styleFor(i);
    for (const id of content.steps[i]!.layers.flatMap((l) => LAYER_GROUPS[l])) expect(visibility(style, id), id).toBe('visible');
  });
});

describe('warm-up frame', () => {
  const opts = { lang: 'en', theme: 'light' as Theme, fonts: ['Noto Sans'], countryNames: en.countries };
  const warm = buildStyle(warmUpView(content, resolveStep(content, 0, 'wide')), opts, sources);
  // Layers with names (the place dots are icons, always drawn: icon-allow-overlap).
  const symbols = (style: StyleSpecification) => style.layers.filter((l) => l.type === 'symbol' && 'text-field' in (l.layout ?? {}));

  it('shows every story layer, so each layer’s shaders are compiled before the first step', () => {
    for (const id of LAYERS.flatMap((l: LayerId) => LAYER_GROUPS[l])) expect(visibility(warm, id), id).toBe('visible');
  });

  it('draws every label even where labels collide (a label layer whose labels all collide is not drawn at all)', () => {
    expect(symbols(warm).length).toBeGreaterThan(0);
    for (const l of symbols(warm)) expect((l.layout as Record<string, unknown>)['text-allow-overlap'], l.id).toBe(true);
    expect(validateStyleMin(warm)).toEqual([]);
  });

  it.each(stepCases)('%s lets labels collide as usual', (_, i) => {
    for (const l of symbols(styleFor(i))) expect((l.layout as Record<string, unknown>)['text-allow-overlap'], l.id).toBeUndefined();
  });
});

describe('line widths', () => {
  // Every zoom the map allows (MapLibreMap minZoom 3, maxZoom 11), for a current and a past feature.
  const ZOOMS = [3, 4, 5, 6, 7, 8, 9, 10, 11];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>).paint_line!['line-width'];
  function widths(style: StyleSpecification, layerId: string, ids: string[]): number[] {
    const value = (layerOf(style, layerId) as { paint?: Record<string, unknown> }).paint?.['line-width'] ?? 1;
    const e = expression.createPropertyExpression(value, `${layerId}.paint.line-width`, spec as never);
    if (e.result === 'error') throw new Error(`${layerId}: ${e.value.map((x) => x.message).join('; ')}`);
    return ZOOMS.map((zoom) => Math.max(...ids.map((id) => e.value.evaluate({ zoom }, { type: 2, properties: { id } } as never) as number)));
  }
  // The KRI stretch is a pale, wide underlay and the halo is the border's own casing; neither competes with it.
  const EXEMPT = new Set(['border-line', 'border-halo', 'border-kri']);
  const withBorder = stepCases.filter(([, i]) => content.steps[i]!.layers.includes('border'));

  it.each(withBorder)('%s draws the border as the widest visible line at every zoom', (_, i) => {
    const view = resolveStep(content, i, 'wide');
    const style = styleFor(i);
    const ids = [...view.events.map((e) => e.id), 'not-an-event'];
    const border = widths(style, 'border-line', ids);
    const others = style.layers.filter((l) => l.type === 'line' && !EXEMPT.has(l.id) && visibility(style, l.id) !== 'none');
    for (const l of others) widths(style, l.id, ids).forEach((w, z) => expect(border[z], `${l.id} at zoom ${ZOOMS[z]}`).toBeGreaterThanOrEqual(w));
  });
});

// Collisions pushed Iranian towns' names (Marivan, Piranshahr) west of their dots, into Iraq, and Halabja's east,
// into Iran. Iran lies east of the border here: evaluated as MapLibre does, for every place in the data.
describe('place names stay on their own country’s side of the dot', () => {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>).layout_symbol!['text-variable-anchor-offset'];
  const layout = (layerOf(styleFor(0), 'place-labels') as { layout: Record<string, unknown> }).layout;
  const e = expression.createPropertyExpression(layout['text-variable-anchor-offset'], 'place-labels.layout.text-variable-anchor-offset', spec as never);
  if (e.result === 'error') throw new Error(e.value.map((x) => x.message).join('; '));
  const anchors = (country: string) => {
    const v = e.value.evaluate({ zoom: 6 }, { type: 1, properties: { country } } as never) as unknown as { values: unknown[] };
    return v.values.filter((x): x is string => typeof x === 'string');
  };
  it.each(sources.places.features.filter((f) => f.properties?.kind !== 'crossing').map((f) => [f.properties!.id as string, f.properties!.country as string]))(
    '%s (%s)',
    (_, country) => {
      const a = anchors(country);
      expect(a.length).toBeGreaterThan(0);
      // 'right' anchors the text's right end at the dot: the name then lies west of it.
      if (country === 'IR') expect(a).not.toContain('right');
      if (country === 'IQ') expect(a).not.toContain('left');
    },
  );
});

// Saqqez, the town the protests step is about, had its name on the map and no dot under it (rank 3 dots appear only
// from zoom 5.2): every town whose name a step shows has its dot, at every zoom.
describe('a named town has its dot', () => {
  it.each(stepCases)('%s', (_, i) => {
    const style = styleFor(i);
    const filterOf = (id: string) => featureFilter((layerOf(style, id) as { filter: unknown }).filter as never, `layers[${style.layers.findIndex((l) => l.id === id)}].filter`);
    const [labels, dots] = [filterOf('place-labels'), filterOf('place-dots')];
    const view = resolveStep(content, i, 'wide');
    const named = new Set(view.places);
    const towns = sources.places.features.filter((f) => f.properties?.kind !== 'area' && f.properties?.kind !== 'crossing');
    // The step's own towns: a dot at every zoom, drawn whatever the collisions.
    for (const zoom of [3.5, 4.5, 5.5, 6.5, 8])
      for (const f of towns.filter((t) => named.has(t.properties!.id))) {
        const feature = { type: 1, properties: f.properties, geometry: [] } as never;
        expect(labels.filter({ zoom }, feature) && dots.filter({ zoom }, feature), `${f.properties!.id} at zoom ${zoom}`).toBe(true);
      }
    // Every other town's name carries its dot as its icon.
    const spec = (latest as unknown as Record<string, Record<string, unknown>>).layout_symbol!['icon-image'];
    const layout = (layerOf(style, 'place-labels') as { layout: Record<string, unknown> }).layout;
    const e = expression.createPropertyExpression(layout['icon-image'], 'place-labels.layout.icon-image', spec as never);
    if (e.result === 'error') throw new Error(e.value.map((x) => x.message).join('; '));
    for (const f of towns) {
      const icon = String(e.value.evaluate({ zoom: 6 }, { type: 1, properties: f.properties } as never) ?? '');
      expect(icon, f.properties!.id).toBe(named.has(f.properties!.id) ? '' : 'place-dot-light');
    }
  });
});

// At the whole-border steps (zoom about 4.5) full-size strike circles covered the Region's cities (Erbil under
// Koya's): half size there, full size where the strike steps are seen, the same on both maps.
describe('strike circles on wide views', () => {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>).paint_circle!['circle-radius'];
  const i = content.steps.findIndex((st) => st.id === 'memorandum-2025');
  const radius = (layerId: string, zoom: number, r: number) => {
    const value = (layerOf(styleFor(i), layerId) as { paint: Record<string, unknown> }).paint['circle-radius'];
    const e = expression.createPropertyExpression(value, `${layerId}.paint.circle-radius`, spec as never);
    if (e.result === 'error') throw new Error(e.value.map((x) => x.message).join('; '));
    return e.value.evaluate({ zoom }, { type: 1, properties: { r } } as never) as number;
  };
  it('halves the radius at zoom 5 and below, keeps it from zoom 6 (the strike steps), never under 3 px', () => {
    expect(radius('strikes', 4.5, 24)).toBe(12);
    expect(radius('strikes', 6.2, 24)).toBe(24);
    expect(radius('strikes', 4.5, 4)).toBe(3);
    for (const layer of ['strikes', 'context-strikes'])
      for (const zoom of [3, 4.5, 5, 5.5, 6, 7, 9])
        for (const r of [4, 6, 12.5, 24]) expect(radius(layer, zoom, r), `${layer} z${zoom} r${r}`).toBeCloseTo(strikeRadiusAt(r, zoom), 6);
  });
  it('the SVG map reads the zoom MapLibre would draw at the same scale', () => {
    // The whole world (360°) in 512 px is zoom 0; twice as wide, zoom 1.
    expect(mapZoom(fitMercator([-180, -60, 180, 60], [[0, 0], [512, 10_000]], 512, 10_000))).toBeCloseTo(0, 6);
    expect(mapZoom(fitMercator([-180, -60, 180, 60], [[0, 0], [1024, 10_000]], 1024, 10_000))).toBeCloseTo(1, 6);
  });
});

describe('palette under colour-vision deficiency', () => {
  // Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
  const CVD = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  };
  // ΔE76 ≥ 20 is far beyond a just-noticeable difference (≈ 2.3): the marks read as different categories at a
  // glance. Measured minimum on this palette: 37.2 (light theme, protanopia, strike vs crossing).
  const MIN_DELTA_E = 20;

  const toLinear = (hex: string) =>
    [1, 3, 5].map((k) => {
      const c = parseInt(hex.slice(k, k + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  function toLab([r, g, b]: number[]): number[] {
    const xyz = [0.4124 * r! + 0.3576 * g! + 0.1805 * b!, 0.2126 * r! + 0.7152 * g! + 0.0722 * b!, 0.0193 * r! + 0.1192 * g! + 0.9505 * b!];
    const [fx, fy, fz] = xyz.map((v, k) => v / [0.95047, 1, 1.08883][k]!).map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116));
    return [116 * fy! - 16, 500 * (fx! - fy!), 200 * (fy! - fz!)];
  }
  const simulate = (hex: string, m: number[][]) => {
    const c = toLinear(hex);
    return toLab(m.map((row) => Math.min(1, Math.max(0, row.reduce((s, v, k) => s + v * c[k]!, 0)))));
  };
  const deltaE = (a: number[], b: number[]) => Math.hypot(...a.map((v, k) => v - b[k]!));

  const ROLES = ['strike', 'kri', 'crossing'] as const;
  const PAIRS = ROLES.flatMap((a, k) => ROLES.slice(k + 1).map((b) => [a, b] as const));
  const cases = THEMES.flatMap((theme) => Object.keys(CVD).flatMap((cvd) => PAIRS.map(([a, b]) => [theme, cvd, a, b] as const)));

  it.each(cases)(`%s theme, %s: %s and %s stay at least ΔE ${MIN_DELTA_E} apart`, (theme, cvd, a, b) => {
    const m = CVD[cvd as keyof typeof CVD];
    const d = deltaE(simulate(PALETTES[theme][a], m), simulate(PALETTES[theme][b], m));
    expect(d).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });
});

// Earlier strikes were a pale fill with a white (dark theme: black) rim, 1.3:1 against the Kurdistan Region's blue:
// they vanished on a projector. Their outline must stand out from the Region's fill as a graphic should (WCAG 1.4.11).
describe('earlier strikes stay visible on the Kurdistan Region', () => {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: number[], b: number[]) => {
    const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
    return (x! + 0.05) / (y! + 0.05);
  };
  it.each(THEMES)('%s: the outline is at least 3:1 against the Region’s fill', (theme) => {
    const p = PALETTES[theme];
    const region = rgb(p.landFocus).map((v, i) => v * (1 - p.kriFillOpacity) + rgb(p.kri)[i]! * p.kriFillOpacity);
    const m = strikeMarker(p, false);
    expect(contrast(rgb(m.stroke), region)).toBeGreaterThanOrEqual(3);
    expect(m.strokeWidth).toBeGreaterThanOrEqual(1);
  });
});

// The presentation's names are larger (labelSizes.ts); the style must scale every label layer by the same factor.
describe('label sizes for a room', () => {
  const sizes = (labelScale: number) =>
    buildStyle(resolveStep(content, 2, 'wide'), { lang: 'en', theme: 'light', fonts: ['Noto Sans'], countryNames: en.countries, labelScale }, sources)
      .layers.filter((l) => l.type === 'symbol' && 'text-field' in (l.layout ?? {}))
      .map((l) => [l.id, JSON.stringify((l as { layout: Record<string, unknown> }).layout['text-size'])] as const);
  it('scales every symbol layer’s text size, and leaves none at the default', () => {
    const [base, room] = [sizes(1), sizes(1.5)];
    expect(room.length).toBe(5);
    for (const [i, [id, json]] of room.entries()) {
      const nums = (s: string) => (s.match(/\d+(\.\d+)?/g) ?? []).map(Number).filter((n) => n >= 10);
      const want = nums(base[i]![1]).map((n) => Math.round(n * 15) / 10);
      expect(nums(json), id).toEqual(want);
      expect(want.length, id).toBeGreaterThan(0);
    }
  });
});

// Drawn as circles, the dots were no obstacle to names: "Sulaymaniyah" was placed over Kirkuk's dot. As icons in a
// layer above the names, they are placed first (MapLibre places from the top layer down), always drawn, and names
// keep off them.
// The map reports the names it placed from these layers (data-named): a renamed layer would silently report none.
it('every layer the map reads placed names from is a symbol layer of the style', () => {
  const types = new Map(styleFor(0).layers.map((l) => [l.id, l.type]));
  for (const id of NAME_LAYERS) expect(types.get(id), id).toBe('symbol');
});

// A name the map's edge would cut is hidden with feature state (controller.ts, hideCutNames): every layer that writes
// text must be one the controller looks in, and must go transparent, dot included, when the state is set.
describe('names cut by the map’s edge can be hidden', () => {
  const style = styleFor(0);
  it('every layer that writes text is looked in', () => {
    const withText = style.layers.filter((l) => l.type === 'symbol' && (l.layout as Record<string, unknown> | undefined)?.['text-field']);
    expect(withText.map((l) => l.id).sort()).toEqual([...LABEL_LAYERS].sort());
  });
  it('every source numbers its features, so feature state can find them', () => {
    for (const [id, src] of Object.entries(style.sources)) expect((src as { generateId?: boolean }).generateId, id).toBe(true);
  });
  const opacity = (layerId: string, prop: string, cut: boolean | undefined) => {
    const value = ((layerOf(style, layerId) as { paint?: Record<string, unknown> }).paint ?? {})[prop];
    const spec = (latest as unknown as Record<string, Record<string, unknown>>)['paint_symbol']![prop];
    const e = expression.createPropertyExpression(value ?? 1, `${layerId}.paint.${prop}`, spec as never);
    if (e.result === 'error') throw new Error(e.value.map((x) => x.message).join('; '));
    return e.value.evaluate({ zoom: 6 }, { type: 1, properties: {} } as never, cut === undefined ? {} : { [CUT_STATE]: cut });
  };
  it.each(LABEL_LAYERS)('%s', (id) => {
    expect(opacity(id, 'text-opacity', true)).toBe(0);
    expect(opacity(id, 'text-opacity', false)).toBe(1);
    expect(opacity(id, 'text-opacity', undefined)).toBe(1);
  });
  it('a town’s dot goes with its name', () => {
    expect(opacity('place-labels', 'icon-opacity', true)).toBe(0);
    expect(opacity('place-labels', 'icon-opacity', undefined)).toBe(1);
  });
});

describe('every icon the style names is one the page draws (no sprite is fetched)', () => {
  // Icon images in a layout value: a string ('' means no icon) or the outcomes of a case or match expression.
  const iconNames = (v: unknown): string[] => {
    if (v === undefined || v === '') return [];
    if (typeof v === 'string') return [v];
    const [op, ...args] = v as unknown[];
    const outcomes =
      op === 'case' ? args.filter((_, k) => k % 2 === 1 || k === args.length - 1)
      : op === 'match' ? args.slice(1).filter((_, k, rest) => k % 2 === 1 || k === rest.length - 1)
      : null;
    if (!outcomes) throw new Error(`icon-image uses ${String(op)}: teach this test to read it`);
    return outcomes.flatMap(iconNames);
  };
  it.each(THEMES.flatMap((t) => stepCases.map(([id, i]) => [id, t, i] as const)))('%s (%s)', (_, theme, i) => {
    const icons = styleFor(i, theme).layers.flatMap((l) => iconNames((l as { layout?: Record<string, unknown> }).layout?.['icon-image']));
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect(isStyleImage(icon), icon).toBe(true);
  });
});

describe('place and crossing dots are obstacles for names', () => {
  it.each(stepCases)('%s', (_, i) => {
    const style = styleFor(i);
    const ids = style.layers.map((l) => l.id);
    // Always drawn, and in the collision index before any name is placed (MapLibre places from the top layer down).
    for (const id of ['place-dots', 'crossings']) {
      const dots = layerOf(style, id) as { type: string; layout: Record<string, unknown> };
      expect(dots.type, id).toBe('symbol');
      expect(dots.layout['icon-allow-overlap'], id).toBe(true);
      expect(dots.layout['icon-ignore-placement'], id).not.toBe(true);
      expect(String(dots.layout['icon-image']), id).toMatch(/dot/);
      for (const names of NAME_LAYERS.concat('country-labels')) expect(ids.indexOf(id), `${id} above ${names}`).toBeGreaterThan(ids.indexOf(names));
    }
    const names = (layerOf(style, 'place-labels') as { layout: Record<string, unknown> }).layout;
    // Dot and name together or neither (both default to required).
    expect(names['text-optional']).toBeUndefined();
    expect(names['icon-optional']).toBeUndefined();
    // Towns' names are placed before the countries' ("IRAQ" took Baghdad's name on the accord step, signed there).
    expect(ids.indexOf('place-labels')).toBeGreaterThan(ids.indexOf('country-labels'));
  });
});
