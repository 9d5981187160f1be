// Minimal typings for the two pipeline-only packages, covering just what build.ts calls.
// Why here and not @types/*: the root `svelte-check` type-checks data/pipeline/*.ts, and it must pass even when
// data/pipeline/node_modules has not been installed (the root install deliberately skips the pipeline).

declare module 'topojson-server' {
  import type { Topology } from 'topojson-specification';
  import type { GeoJsonObject } from 'geojson';
  export function topology(objects: Record<string, GeoJsonObject>, quantization?: number): Topology;
}

declare module 'topojson-simplify' {
  import type { Topology } from 'topojson-specification';
  /** A triangle of three [x, y, weight] points; returns that triangle's area as the point's weight. */
  export type TriangleWeight = (triangle: number[][]) => number;
  export function presimplify(topology: Topology, weight?: TriangleWeight): Topology;
  export function simplify(topology: Topology, minWeight?: number): Topology;
  export const sphericalTriangleArea: TriangleWeight;
}
