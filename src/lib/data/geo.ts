/**
 * Fetches the derived geodata at run time (same origin, hashed file names) and checks that each file is what it
 * should be. A missing or corrupt file rejects with a GeoLoadError naming the file, so the page can say which file
 * failed and offer a retry instead of showing a blank map.
 *
 * The first view gets the overview basemap and country lines (a third of the vertices; data/README.md): the SVG map
 * draws them up to OVERVIEW_MAX_ZOOM. The full files load once something needs them (loadDetail): the MapLibre map,
 * an SVG view closer than that, or the map's upgrade time in any case, so a printed handout has them.
 */
import basemapUrl from '../../../data/geo/basemap.geojson?url';
import boundariesUrl from '../../../data/geo/boundaries.geojson?url';
import overviewBasemapUrl from '../../../data/geo/basemap-overview.geojson?url';
import overviewBoundariesUrl from '../../../data/geo/boundaries-overview.geojson?url';
import borderUrl from '../../../data/geo/border.geojson?url';
import scalesUrl from '../../../data/geo/border-scales.geojson?url';
import regionsUrl from '../../../data/geo/regions.geojson?url';
import placesUrl from '../../../data/geo/places.geojson?url';
import type { SourceId } from '../map/style';
import type { Content } from '../story/resolve';
import { eventAreas, eventPoints } from './features';
import { nextTask } from '../yield';

export type FC = GeoJSON.FeatureCollection;
/** The land and the country lines: the two sources that come in an overview and a full version. */
export type Base = Pick<Record<SourceId, FC>, 'basemap' | 'boundaries'>;
export interface GeoData extends Record<SourceId, FC> {
  /** The first view's generalised land and lines, kept for the SVG map's small scales once the full ones are in. */
  overview: Base;
  /** Whether `basemap` and `boundaries` are the full files yet (loadDetail) or still the overview's. */
  detailed: boolean;
}

/**
 * Up to this zoom the SVG map draws the overview. Its simplification threshold is half a pixel at zoom 4
 * (data/pipeline/config.ts OVERVIEW_MIN_AREA): 4 px² here, below what a reader can tell on a coastline.
 */
export const OVERVIEW_MAX_ZOOM = 5.5;

/** Files by name (errors name them), in the order they are read. */
const FIRST_VIEW = {
  'basemap-overview': overviewBasemapUrl,
  'boundaries-overview': overviewBoundariesUrl,
  border: borderUrl,
  'border-scales': scalesUrl,
  regions: regionsUrl,
  places: placesUrl,
} as const;
const DETAIL = { basemap: basemapUrl, boundaries: boundariesUrl } as const;

export class GeoLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** A request that is read later, in turn: its failure is reported then, not as an unhandled rejection now. */
function request(url: string): Promise<Response> {
  const req = fetch(url);
  req.catch(() => {});
  return req;
}

async function readCollection(name: string, req: Promise<Response>): Promise<FC> {
  let res: Response;
  try {
    res = await req;
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

/** Twice the signed planar area of a ring in longitude/latitude (shoelace): > 0 counter-clockwise. */
function ringArea2(ring: GeoJSON.Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a;
}

const polygonsOf = (g: GeoJSON.Geometry): GeoJSON.Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/**
 * d3-geo reads a ring's winding to know which side is inside: its clipping (the SVG map's rectangle clip rejoins
 * cut rings by it; on the sphere, GeoJSON's RFC 7946 counter-clockwise outer rings would fill the globe except the
 * shape) wants outer rings clockwise. Rewind polygons whose outer ring runs counter-clockwise. Our shapes span a
 * few degrees, far from the poles and the antimeridian, so the planar winding in longitude/latitude is the
 * spherical one, at a fraction of the cost of d3's spherical area (this runs in the page's first task). MapLibre
 * does not care about winding, so one copy serves both renderers.
 */
export function rewindForD3(fc: FC): FC {
  return {
    ...fc,
    features: fc.features.map((f) => {
      const g = f.geometry;
      const polys = polygonsOf(g);
      if (!polys.length || ringArea2(polys[0]![0]!) <= 0) return f;
      const rev = (rings: GeoJSON.Position[][]) => rings.map((r) => [...r].reverse());
      const geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon =
        g.type === 'Polygon' ? { ...g, coordinates: rev(g.coordinates) } : { ...(g as GeoJSON.MultiPolygon), coordinates: polys.map(rev) };
      return { ...f, geometry };
    }),
  };
}

/**
 * A label point for a country: the area-weighted planar centroid of its outer rings (clipped to the basemap's
 * frame). Planar, for the same reason as above: it is a label position, and d3's spherical centroid was a visible
 * share of the first paint.
 */
export function labelPoint(g: GeoJSON.Geometry): GeoJSON.Position {
  let ax = 0;
  let ay = 0;
  let area = 0;
  for (const poly of polygonsOf(g)) {
    const ring = poly[0]!;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      // Indexed reads, not destructuring: this loop sees every basemap vertex on the first paint.
      const x0 = ring[j]![0]!;
      const y0 = ring[j]![1]!;
      const x1 = ring[i]![0]!;
      const y1 = ring[i]![1]!;
      const c = x0 * y1 - x1 * y0;
      area += c;
      ax += (x0 + x1) * c;
      ay += (y0 + y1) * c;
    }
  }
  return [ax / (3 * area), ay / (3 * area)];
}

/** Country name labels: one point per country at its (clipped) shape's centroid. */
function withCountryLabels(basemap: FC): FC {
  const labels = basemap.features
    .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    .map((f): GeoJSON.Feature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
      properties: f.properties,
    }));
  return { ...basemap, features: [...basemap.features, ...labels] };
}

/** Fetches all files at once and parses each in a task of its own (the responses may all be in already). */
async function readAll<K extends string>(files: Record<K, string>): Promise<Record<K, FC>> {
  const requests = (Object.entries(files) as [K, string][]).map(([name, url]) => [name, request(url)] as const);
  const got = {} as Record<K, FC>;
  for (const [name, req] of requests) {
    await nextTask();
    got[name] = await readCollection(`${name}.geojson`, req);
  }
  return got;
}

export async function loadGeo(content: Content): Promise<GeoData> {
  const got = await readAll(FIRST_VIEW);
  // Parsing is done; preparing the shapes is a task of its own, and drawing them (the caller's) another.
  await nextTask();
  const overview: Base = { basemap: withCountryLabels(rewindForD3(got['basemap-overview'])), boundaries: got['boundaries-overview'] };
  const geo: GeoData = {
    ...overview,
    overview,
    detailed: false,
    border: got.border,
    scales: got['border-scales'],
    places: got.places,
    regions: rewindForD3(got.regions),
    events: eventPoints(content.events, content.places),
    areas: rewindForD3(eventAreas(content.events, content.places)),
  };
  await nextTask();
  return geo;
}

let detail: Promise<Base> | null = null;
let arrived: (base: Base) => void;
let failed: (e: GeoLoadError) => void = () => {};
/** Who hears that the full files failed to load (App.svelte: the same notice and retry as the first view's). */
export const onDetailError = (fn: (e: GeoLoadError) => void) => (failed = fn);
/** Resolves with the full basemap and lines once anything has loaded them (App.svelte hands them to every map). */
export const detailArrived: Promise<Base> = new Promise((resolve) => (arrived = resolve));

/**
 * Starts (once) loading the full basemap and country lines. A failure rejects with a GeoLoadError and lets the next
 * call try again; the maps keep the overview meanwhile.
 */
export function loadDetail(): Promise<Base> {
  detail ??= readAll(DETAIL).then(
    (got) => {
      const base: Base = { basemap: rewindForD3(got.basemap), boundaries: got.boundaries };
      arrived(base);
      return base;
    },
    (e: unknown) => {
      detail = null;
      failed(e instanceof GeoLoadError ? e : new GeoLoadError('basemap.geojson', String(e)));
      throw e;
    },
  );
  return detail;
}

/**
 * The view's data with the full basemap and lines. The country name points stay the overview's (they are the same
 * places to a pixel), so both maps and both detail levels name a country at one spot.
 */
export function withDetail(geo: GeoData, { basemap, boundaries }: Base): GeoData {
  if (geo.detailed) return geo;
  const names = geo.overview.basemap.features.filter((f) => f.geometry.type === 'Point');
  return { ...geo, basemap: { ...basemap, features: [...basemap.features, ...names] }, boundaries, detailed: true };
}
