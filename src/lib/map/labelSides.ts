/**
 * Which sides of its dot a place's name may sit on, for both maps (MapLibre's style and the SVG fallback). On a
 * border map a name must stay in its own country: here Iran lies east of the border, so an Iranian town's name goes
 * east of its dot or centred above or below it, and an Iraqi town's west or above or below. With every side allowed,
 * label collisions pushed Marivan's and Piranshahr's names into Iraq and Halabja's into Iran. A name that fits on
 * none of its sides is left out, like any label that collides.
 */
export type Side = 'east' | 'west' | 'above' | 'below';

export const LABEL_SIDES: { IR: Side[]; IQ: Side[]; other: Side[] } = {
  IR: ['east', 'above', 'below'],
  IQ: ['west', 'above', 'below'],
  other: ['east', 'west', 'above', 'below'],
};

export function labelSides(country: unknown): Side[] {
  return country === 'IR' || country === 'IQ' ? LABEL_SIDES[country] : LABEL_SIDES.other;
}

/** MapLibre's anchor for a side: the anchor names the side of the text that touches the dot. */
const ANCHOR: Record<Side, { anchor: string; offset: [number, number] }> = {
  east: { anchor: 'left', offset: [1, 0] },
  west: { anchor: 'right', offset: [-1, 0] },
  above: { anchor: 'bottom', offset: [0, -1] },
  below: { anchor: 'top', offset: [0, 1] },
};

/**
 * A `text-variable-anchor-offset` expression for places with a `country` property: `beside` em from the dot to the
 * east or west, `over` em above or below. MapLibre's box for a line of text is a full line high, with room above and
 * below the letters, so above and below need more: at 0.6 em a step's own (larger) dot was inside its name's box, and
 * every highlighted town could only be named beside its dot (Koya lost its name to Erbil's dot in a phone embed).
 */
export function anchorOffsetExpression(beside: number, over: number): unknown[] {
  const collection = (sides: Side[]) => [
    'literal',
    sides.flatMap((s) => [ANCHOR[s].anchor, [ANCHOR[s].offset[0] * beside, ANCHOR[s].offset[1] * over]]),
  ];
  return ['match', ['get', 'country'], 'IR', collection(LABEL_SIDES.IR), 'IQ', collection(LABEL_SIDES.IQ), collection(LABEL_SIDES.other)];
}
