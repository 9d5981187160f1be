/**
 * Fetches the derived geodata at run time (same origin, hashed file names) and checks that each file is what it
 * should be. A missing or corrupt file rejects with a GeoLoadError naming the file, so the page can say which file
 * failed and offer a retry instead of showing a blank map.
 */
import basemapUrl from '../../../data/geo/basemap.geojson?url';
import boundariesUrl from '../../../data/geo/boundaries.geojson?url';
import borderUrl from '../../../data/geo/border.geojson?url';
import scalesUrl from '../../../data/geo/border-scales.geojson?url';
import regionsUrl from '../../../data/geo/regions.geojson?url';
import placesUrl from '../../../data/geo/places.geojson?url';
import { geoArea, geoCentroid } from 'd3-geo';
import type { SourceId } from '../map/style';
import type { Content } from '../story/resolve';
import { eventAreas, eventPoints } from './features';

export type FC = GeoJSON.FeatureCollection;
export type GeoData = Record<SourceId, FC>;

const FILES = {
  basemap: basemapUrl,
  boundaries: boundariesUrl,
  border: borderUrl,
  scales: scalesUrl,
  regions: regionsUrl,
  places: placesUrl,
} as const;

export class GeoLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

async function fetchCollection(name: string, url: string): Promise<FC> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new GeoLoadError(name, 'network error');
  }
  if (!res.ok) throw new GeoLoadError(name, `HTTP ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new GeoLoadError(name, 'not valid JSON');
  }
  const fc = body as Partial<FC>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0)
    throw new GeoLoadError(name, 'not a non-empty GeoJSON FeatureCollection');
  return fc as FC;
}

/**
 * d3-geo draws on the sphere and reads a ring's winding to know which side is inside: GeoJSON's (RFC 7946)
 * counter-clockwise outer rings would fill the whole globe except the shape. Rewind any polygon whose spherical area
 * exceeds a hemisphere. MapLibre does not care about winding, so one copy serves both renderers.
 */
export function rewindForD3(fc: FC): FC {
  return {
    ...fc,
    features: fc.features.map((f) => {
      const g = f.geometry;
      if ((g.type !== 'Polygon' && g.type !== 'MultiPolygon') || geoArea(f) <= 2 * Math.PI) return f;
      const rev = (rings: GeoJSON.Position[][]) => rings.map((r) => [...r].reverse());
      const geometry = g.type === 'Polygon' ? { ...g, coordinates: rev(g.coordinates) } : { ...g, coordinates: g.coordinates.map(rev) };
      return { ...f, geometry };
    }),
  };
}

/** Country name labels: one point per country at its (clipped) shape's centroid. */
function withCountryLabels(basemap: FC): FC {
  const labels = basemap.features
    .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    .map((f): GeoJSON.Feature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: geoCentroid(f) },
      properties: f.properties,
    }));
  return { ...basemap, features: [...basemap.features, ...labels] };
}

export async function loadGeo(content: Content): Promise<GeoData> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([name, url]) => [name, await fetchCollection(`${name}.geojson`, url)] as const),
  );
  const got = Object.fromEntries(entries) as Record<keyof typeof FILES, FC>;
  return {
    ...got,
    basemap: withCountryLabels(rewindForD3(got.basemap)),
    regions: rewindForD3(got.regions),
    events: eventPoints(content.events, content.places),
    areas: rewindForD3(eventAreas(content.events, content.places)),
  };
}
