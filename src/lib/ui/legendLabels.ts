import type { LegendKey } from '../story/resolve';

/** The ui string for each legend entry (one list for the on-screen legend and the saved PNG). */
export const LEGEND_LABELS: Record<LegendKey, string> = {
  border: 'legendBorder',
  'border-kri': 'legendBorderKri',
  kri: 'legendKri',
  'kri-governorates': 'legendGovernorates',
  'ir-provinces': 'legendIrProvinces',
  strike: 'legendStrike',
  'strike-unknown': 'legendStrikeUnknown',
  'strike-earlier': 'legendStrikeEarlier',
  area: 'legendArea',
  context: 'legendContext',
  crossing: 'legendCrossing',
  'border-scales': 'legendScales',
};
