/**
 * The story's content, bundled with the page (it is small and the first paint needs it): steps, events, places and
 * sources. Validated at build time by the vite plugin (vite.config.ts) with the same schema as `npm run check:data`.
 */
import stepsJson from '../../../data/steps.json';
import eventsJson from '../../../data/events.json';
import placesJson from '../../../data/places.json';
import sourcesJson from '../../../seeds/sources.json';
import statsJson from '../../../data/geo/stats.json';
import type { Place, Source, Step, StoryEvent } from './schema';
import type { Content } from '../story/resolve';

export const content: Content = {
  steps: stepsJson.steps as unknown as Step[],
  events: eventsJson.events as unknown as StoryEvent[],
  places: placesJson as unknown as Place[],
  sources: sourcesJson.sources as unknown as Source[],
};

export interface Stats {
  borderLengthKm: Record<'110m' | '50m' | '10m', number>;
  borderAlongKriKm: number;
  kriAreaKm2: number;
  /** [west, south, east, north] of the clipped basemap. */
  basemapBbox: [number, number, number, number];
}
export const stats = statsJson as unknown as Stats;

export const sourceById = new Map(content.sources.map((s) => [s.id, s]));
export const eventById = new Map(content.events.map((e) => [e.id, e]));
export const placeById = new Map(content.places.map((p) => [p.id, p]));

/** Steps restricted to a subset (embed `steps=`), keeping the rest of the content whole. */
export function withSteps(indices: number[]): Content {
  return { ...content, steps: indices.map((i) => content.steps[i]!) };
}
