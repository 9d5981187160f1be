// Topology-preserving simplification: arcs are simplified once and shared by both neighbours, so no gap or overlap
// can open between countries (or provinces), unlike simplifying each polygon on its own.
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';

/**
 * Visvalingam simplification on the sphere: drops vertices whose effective triangle is smaller than `minArea`
 * (steradians). Arcs listed in `keep` are left exactly as they are.
 */
export function simplifyTopology(topo: Topology, minArea: number, keep: ReadonlySet<number> = new Set()): Topology {
  const weighted = presimplify(topo, sphericalTriangleArea);
  for (const i of keep) for (const p of weighted.arcs[i]!) p[2] = Infinity;
  return simplify(weighted, minArea);
}
