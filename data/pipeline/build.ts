// Builds data/geo/* from open data. Run from the repo root with `npm run data` (installs data/pipeline's own
// packages, then runs this). Deterministic: no timestamps, no randomness, fixed key order; two runs give identical bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiLineString } from 'geojson';
import { ALONG_KRI_TOLERANCE_KM, BASEMAP_BBOX, FIRST_VIEW_GZIP_BUDGET, OVERVIEW_MIN_AREA } from './config';
import { dataDir, loadAdmin1, loadCountries, sourceVersions, type Scale } from './sources';
import { borderLine, lengthKm } from './border';
import { stretchAlong } from './along';
import { buildBasemap } from './basemap';
import { buildRegions } from './regions';
import { PlacesSchema, placeFeatures } from './places';
import { roundGeometry, roundNumber } from './round';
import { makeCollection, makeFeature } from './features';
import { printSizeTable, sizeOf, writeJson } from './output';

const geoDir = join(dataDir, 'geo');
const out = (name: string) => join(geoDir, name);
const km = (n: number) => roundNumber(n, 1);

// 1. Border at three scales. Lengths are measured on exactly the (rounded) lines that are written, so anyone can
//    re-measure the committed files and get the numbers in stats.json.
const topo10m = loadCountries('10m');
const scales: Scale[] = ['110m', '50m', '10m'];
const borders = Object.fromEntries(
  scales.map((s) => {
    const line = roundGeometry(borderLine(s === '10m' ? topo10m : loadCountries(s)));
    if (!line) throw new Error(`no Iran–Iraq border in world-atlas ${s}`);
    return [s, line];
  }),
) as Record<Scale, MultiLineString>;
const borderLengthKm = Object.fromEntries(scales.map((s) => [s, km(lengthKm(borders[s]))])) as Record<Scale, number>;
writeJson(
  out('border-scales.geojson'),
  makeCollection(scales.map((s) => makeFeature({ scale: s, lengthKm: borderLengthKm[s] }, borders[s]))),
);

// 2. Regions (before border.geojson: the KRI stretch is cut against the unsimplified KRI polygon).
const regions = buildRegions(loadAdmin1());
writeJson(out('regions.geojson'), makeCollection(regions.features));

const kriStretch = stretchAlong(borders['10m'], regions.kriUnsimplified, ALONG_KRI_TOLERANCE_KM);
const borderAlongKriKm = km(lengthKm(kriStretch));
const borderFeatures: Feature<MultiLineString>[] = [
  makeFeature({ scale: '10m', lengthKm: borderLengthKm['10m'] }, borders['10m']),
  makeFeature({ scale: '10m', part: 'kri', lengthKm: borderAlongKriKm }, kriStretch),
];
writeJson(out('border.geojson'), makeCollection(borderFeatures));

// 3. Basemap and country lines, in full and as the first view's overview.
for (const [suffix, minArea] of [['', undefined], ['-overview', OVERVIEW_MIN_AREA]] as const) {
  const { land, boundaries } = buildBasemap(topo10m, minArea);
  writeJson(out(`basemap${suffix}.geojson`), makeCollection(land, BASEMAP_BBOX));
  writeJson(out(`boundaries${suffix}.geojson`), makeCollection(boundaries, BASEMAP_BBOX));
}

// 4. Places, from the curated list.
const places = PlacesSchema.parse(JSON.parse(readFileSync(join(dataDir, 'places.json'), 'utf8')));
writeJson(out('places.geojson'), makeCollection(placeFeatures(places)));

// 5. Numbers stored with the data.
const areaOf = (kind: string) =>
  Object.fromEntries(regions.features.filter((f) => f.properties.kind === kind).map((f) => [f.properties.id, f.properties.areaKm2]));
writeJson(out('stats.json'), {
  borderLengthKm,
  borderAlongKriKm,
  kriAreaKm2: regions.features.find((f) => f.properties.kind === 'kri')!.properties.areaKm2,
  governorateAreaKm2: areaOf('kri-governorate'),
  irProvinceAreaKm2: areaOf('ir-kurdish-province'),
  basemapBbox: BASEMAP_BBOX,
  generatedFrom: sourceVersions(),
});

// 6. Report.
console.log('border length (km):', borderLengthKm, '· along the Kurdistan Region:', borderAlongKriKm);
console.log('areas (km²):', Object.fromEntries(regions.features.map((f) => [f.properties.id, f.properties.areaKm2])));
// The first view: what src/lib/data/geo.ts loadGeo fetches; the full basemap and lines come with MapLibre.
const files = ['basemap-overview.geojson', 'boundaries-overview.geojson', 'border.geojson', 'border-scales.geojson', 'regions.geojson', 'places.geojson', 'basemap.geojson', 'boundaries.geojson', 'stats.json'];
const firstView = files.slice(0, 6);
if (!printSizeTable(files.map((f) => sizeOf(out(f))), firstView, FIRST_VIEW_GZIP_BUDGET)) process.exitCode = 1;
