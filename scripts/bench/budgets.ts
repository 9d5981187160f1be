/**
 * The budgets, as one list of PASS/FAIL lines. A benchmark reports; it does not gate: `npm run bench` exits 0
 * whatever these say. A measurement that could not be taken is "n/a", not a pass.
 */
export interface BudgetLine {
  name: string;
  value: string;
  status: 'PASS' | 'FAIL' | 'n/a';
}

export const budget = (name: string, ok: boolean | null, value: string): BudgetLine => ({
  name,
  value,
  status: ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL',
});

export const FIRST_VIEW_KB = 350;
export const LH_MOBILE_PERFORMANCE = 90;
export const LONG_TASK_MS = 50;
export const HEAP_GROWTH_PCT = 10;
