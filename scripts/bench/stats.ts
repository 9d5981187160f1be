/** Small number helpers shared by the measurements and the report. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
export const ms = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : `${Math.round(x)} ms`);
export const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));
