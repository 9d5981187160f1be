// Derives the three official KRI–Iran crossings, which no gazetteer in the project has, and prints them for
// data/places.json (curated, so this runs by hand, not in build.ts):
//   npx tsx data/pipeline/derive-crossings.ts
// Rule, stated in each crossing's note: the point on the 1:10m Iran–Iraq border nearest to the geodesic midpoint of
// the two gazetteer towns the crossing links. Deterministic, reproducible, and honest about being approximate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { midpoint, multiLineString, nearestPointOnLine, point } from '@turf/turf';
import { dataDir, loadCountries } from './sources';
import { borderLine } from './border';
import { roundNumber } from './round';

export const CROSSINGS = [
  { id: 'crossing-haji-omaran', between: ['choman', 'piranshahr'] },
  { id: 'crossing-bashmaq', between: ['penjwen', 'marivan'] },
  { id: 'crossing-parviz-khan', between: ['khanaqin', 'qasr-e-shirin'] },
] as const;

interface Town { id: string; names: { en: string }; gazetteer: { name: string; lon: number; lat: number } | null }

const places = JSON.parse(readFileSync(join(dataDir, 'places.json'), 'utf8')) as Town[];
const border = multiLineString(borderLine(loadCountries('10m')).coordinates);

for (const c of CROSSINGS) {
  const [a, b] = c.between.map((id) => {
    const t = places.find((p) => p.id === id);
    if (!t?.gazetteer) throw new Error(`${id} needs a gazetteer entry in places.json`);
    return t;
  }) as [Town, Town];
  const mid = midpoint(point([a.gazetteer!.lon, a.gazetteer!.lat]), point([b.gazetteer!.lon, b.gazetteer!.lat]));
  const [lon, lat] = nearestPointOnLine(border, mid).geometry.coordinates as [number, number];
  const note =
    `Not in the gazetteer. Point on the 1:10m Natural Earth Iran–Iraq border nearest to the midpoint of ` +
    `${a.names.en} (GeoNames “${a.gazetteer!.name}”) and ${b.names.en} (GeoNames “${b.gazetteer!.name}”), ` +
    `derived by data/pipeline/derive-crossings.ts; approximate, not the surveyed position of the crossing.`;
  console.log(JSON.stringify({ id: c.id, lon: roundNumber(lon, 3), lat: roundNumber(lat, 3), note }));
}
