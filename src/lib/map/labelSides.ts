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

/** A `text-variable-anchor-offset` expression for places with a `country` property, `em` away from the dot. */
export function anchorOffsetExpression(em: number): unknown[] {
  const collection = (sides: Side[]) => [
    'literal',
    sides.flatMap((s) => [ANCHOR[s].anchor, ANCHOR[s].offset.map((v) => v * em)]),
  ];
  return ['match', ['get', 'country'], 'IR', collection(LABEL_SIDES.IR), 'IQ', collection(LABEL_SIDES.IQ), collection(LABEL_SIDES.other)];
}
