// The few numbers that shape the outputs, in one place so the README and the code cannot drift apart.

/**
 * Basemap extent [west, south, east, north]. Wide enough that Iran (44–63.3° E, 25–39.8° N), Iraq (from 38.8° E),
 * Baghdad and Tehran fit with a margin for wide screens; the west edge stays east of Cyprus (34.6° E), so no
 * island fragments. The map should use it as maxBounds: beyond it there is no land.
 */
export const BASEMAP_BBOX: [number, number, number, number] = [35, 23, 65, 42];

const EARTH_RADIUS_M = 6_371_008.8;
/** A Visvalingam threshold given in m², converted to steradians for topojson-simplify's sphericalTriangleArea. */
export const squareMetres = (m2: number) => m2 / EARTH_RADIUS_M ** 2;

/**
 * Basemap simplification: drop a vertex when its triangle is smaller than half a pixel at zoom 9 (≈ 250 m/px at 35° N),
 * i.e. 0.5 × 250² m². The Iran–Iraq arcs are exempt (kept exactly as in border.geojson).
 */
export const BASEMAP_MIN_AREA = squareMetres(0.5 * 250 ** 2);

/**
 * The overview basemap and country lines (basemap-overview.geojson, boundaries-overview.geojson): the same 1:10m
 * topology with a Visvalingam threshold of half a pixel at zoom 4 (≈ 4 km/px at 35° N, 512 px tiles), a third of
 * the vertices. The page's first view downloads and draws these; the SVG map uses them up to zoom 5.5 (where that
 * threshold is 4 px², below what a reader can tell on a coastline; src/lib/data/geo.ts OVERVIEW_MAX_ZOOM), and the
 * full files load with MapLibre or for a closer SVG view. The Iran–Iraq arcs are exempt here too.
 */
export const OVERVIEW_MIN_AREA = squareMetres(0.5 * 4000 ** 2);

/** Region polygons: the same half-pixel-at-zoom-9 rule (they are shown from zoom ~5 to ~10). */
export const REGIONS_MIN_AREA = squareMetres(0.5 * 250 ** 2);

/** How close (km) the 1:10m border must run to the Kurdistan Region's admin-1 edge to count as "along" it. */
export const ALONG_KRI_TOLERANCE_KM = 1;

/** Budget for everything the first view downloads (overview basemap and country lines, border and its three scales, regions, places), gzip bytes. */
export const FIRST_VIEW_GZIP_BUDGET = 150 * 1024;
