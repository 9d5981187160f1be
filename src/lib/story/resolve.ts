/**
 * resolveStep(): the one pure function from "where the reader is" (step, date, screen shape) to the FULL view the
 * map must show. Every renderer (MapLibre, the SVG fallback, print) draws exactly this, so scrolling back, jumping
 * or deep-linking always gives the same picture as scrolling forward.
 */
import type { Bbox, LayerId, Place, Source, Step, StoryEvent } from '../data/schema';
import { stepDates } from './time';

export interface Content {
  steps: Step[];
  events: StoryEvent[];
  places: Place[];
  sources: Source[];
}

export type EventState = 'current' | 'past';
export type Viewport = 'wide' | 'narrow';

export interface VisibleEvent {
  id: string;
  placeId: string;
  state: EventState;
}

export type LegendKey =
  | 'border'
  | 'border-kri'
  | 'kri'
  | 'kri-governorates'
  | 'ir-provinces'
  | 'strike'
  | 'strike-unknown'
  | 'strike-earlier'
  | 'area'
  | 'context'
  | 'crossing'
  | 'border-scales';

export interface ViewState {
  stepId: string;
  stepIndex: number;
  /** Timeline date shown (may differ from the step's own date while the reader drags the slider). */
  date: string;
  camera: Bbox;
  layers: LayerId[];
  events: VisibleEvent[];
  places: string[];
  regions: string[];
  legend: LegendKey[];
  /**
   * The unseen warm-up frame (warmUpView): every label is drawn even where labels collide, so each symbol shader
   * variant is compiled then. MapLibre skips a label layer whose labels all collide, and compiles its shader only
   * when a later step shows one: 440 ms at the first strikes step on this machine's software GPU.
   */
  warmUp?: true;
}

/** The largest toll any counter gave for an event (killed + injured), or null when nobody counted. */
export function tollForSize(e: StoryEvent): number | null {
  const max = (fs: StoryEvent['killed']) => (fs.length ? Math.max(...fs.map((f) => f.max ?? f.min)) : null);
  const k = max(e.killed);
  const i = max(e.injured);
  return k === null && i === null ? null : (k ?? 0) + (i ?? 0);
}

export function resolveStep(content: Content, index: number, viewport: Viewport, date?: string): ViewState {
  const i = Math.max(0, Math.min(content.steps.length - 1, index));
  const step = content.steps[i]!;
  const day = date ?? stepDates(content.steps)[i]!;
  const layers = new Set(step.layers);
  const highlighted = new Set(step.highlight.events);
  const byPlace = new Map(content.places.map((p) => [p.id, p]));

  const events: VisibleEvent[] = content.events
    .filter((e) => e.date.start <= day && (e.kind === 'strike' ? layers.has('events') : layers.has('context-events')))
    .map((e) => ({ id: e.id, placeId: e.placeId, state: highlighted.has(e.id) ? 'current' : 'past' }));

  const legend: LegendKey[] = [];
  const add = (k: LegendKey, when: boolean) => when && legend.push(k);
  add('border', layers.has('border'));
  add('border-kri', layers.has('border-kri'));
  add('border-scales', layers.has('border-scales'));
  add('kri', layers.has('kri'));
  add('kri-governorates', layers.has('kri-governorates'));
  add('ir-provinces', layers.has('ir-provinces'));
  const evs = events.map((v) => content.events.find((e) => e.id === v.id)!);
  const cur = evs.filter((e) => highlighted.has(e.id) && e.kind === 'strike');
  add('strike', cur.some((e) => tollForSize(e) !== null));
  add('strike-unknown', cur.some((e) => tollForSize(e) === null));
  add('strike-earlier', evs.some((e) => e.kind === 'strike' && !highlighted.has(e.id)));
  add('area', evs.some((e) => byPlace.get(e.placeId)?.precision === 'area'));
  add('context', evs.some((e) => e.kind === 'context'));
  add('crossing', layers.has('crossings'));

  return {
    stepId: step.id,
    stepIndex: i,
    date: day,
    camera: step.camera[viewport],
    layers: step.layers,
    events,
    places: step.highlight.places,
    regions: step.highlight.regions,
    legend,
  };
}

/**
 * `view` with every layer on and every event shown (alternately current and earlier), every highlighted place and
 * region of the story highlighted. MapLibre draws it once, unseen (the SVG map still covers the canvas), when it
 * starts: WebGL compiles a layer's shaders, and the map rasterises a label's glyphs, the first time they are drawn,
 * hundreds of milliseconds on a slow device that would otherwise land on the reader's next step changes.
 */
export function warmUpView(content: Content, view: ViewState): ViewState {
  return {
    ...view,
    layers: [...new Set(content.steps.flatMap((s) => s.layers))],
    events: content.events.map((e, i) => ({ id: e.id, placeId: e.placeId, state: i % 2 ? 'current' : 'past' })),
    places: [...new Set(content.steps.flatMap((s) => s.highlight.places))],
    regions: [...new Set(content.steps.flatMap((s) => s.highlight.regions))],
    warmUp: true,
  };
}
