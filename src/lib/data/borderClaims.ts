/**
 * Published lengths of the Iran–Iraq border, shown beside our measured ones in the "how long is the border?" step.
 * Each number is one of the claims recorded for its source in seeds/sources.json (a unit test checks that).
 */
export const BORDER_CLAIMS = [
  { label: 'lengthArticle', km: 1400, approx: true, sourceId: 'seed-000' },
  { label: 'lengthCia', km: 1599, approx: false, sourceId: 'cia-factbook' },
  { label: 'lengthCia1995', km: 1458, approx: false, sourceId: 'cia-factbook-1995' },
] as const;
