/**
 * Label sizes (px) for both maps, MapLibre's style and the SVG map: one table, so the two draw the same hierarchy.
 * `scale` enlarges them all for a room: a projected slide is read from metres away, where 12–15 px names (Soran,
 * Choman, Dukan) could not be read. Larger names collide more, so fewer minor ones fit: in class that is the right
 * trade.
 */
export const LABEL_PX = {
  /** A place the step names. */
  highlighted: 15,
  /** Places by rank: capitals, then cities, then towns. */
  rank1: 14,
  rank2: 13,
  minor: 12,
  /** Border crossings, and the names of areas known only roughly. */
  crossing: 12,
  area: 12,
  /** Iran and Iraq; their neighbours. */
  focusCountry: 16,
  country: 12,
} as const;

/**
 * Room (px) kept around the name of an area an earlier strike hit. It has no dot of its own, so set snug beside
 * another place's dot it reads as that dot's name: "Zrgwez" beside Dukan's unnamed dot in a phone-sized embed of the
 * deadline step. With this room it gives way instead. (The step's own strike areas keep the usual room.)
 */
export const PAST_AREA_CLEARANCE = 5;

/** A size times the scale, to a tenth of a pixel (both maps round alike). */
export const scaledPx = (size: number, scale: number): number => Math.round(size * scale * 10) / 10;

/** A place's label size, by rank (1 most important) and whether the step names it. */
export const placeLabelPx = (rank: number, highlighted: boolean): number =>
  highlighted ? LABEL_PX.highlighted : rank <= 1 ? LABEL_PX.rank1 : rank === 2 ? LABEL_PX.rank2 : LABEL_PX.minor;

/**
 * How much larger the map's names are on a projected slide: 1.2 at least, growing with the map's width (the slide's
 * text grows with the screen too) to 1.5 on a 1920 px screen. 1 elsewhere.
 */
export function labelScale(forRoom: boolean, mapWidth: number): number {
  if (!forRoom) return 1;
  return Math.round(Math.max(1.2, Math.min(1.5, mapWidth / 780)) * 20) / 20;
}
