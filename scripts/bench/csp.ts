/**
 * Content-Security-Policy violations the page itself reports (the `securitypolicyviolation` event), with the
 * offending line mapped to source. The site ships a strict CSP (no eval, no inline script); any violation is either a
 * feature that silently fails under it or, at least, an entry in DevTools' Issues panel — which is exactly what
 * Lighthouse's best-practices audit "inspector-issues" counts against the score.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { describe, type SourceMaps } from './sourcemap';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

/** Call on a fresh context, before navigation. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const list: Violation[] = (window.__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, column: e.columnNumber }),
    );
  });
}

/** Distinct violations as "directive blocked at file:line — source text". */
export async function readCspViolations(page: Page, maps: SourceMaps): Promise<string[]> {
  const list = await page.evaluate(() => window.__cspViolations ?? []);
  const out = new Set<string>();
  for (const v of list) {
    // The event's line and column are 1-based.
    const where = v.source ? describe(maps.lookup(v.source, v.line - 1, v.column - 1), `${v.source}:${v.line}:${v.column}`) : '(no source)';
    out.add(`${v.directive} blocked ${v.blocked || '(inline)'} at ${where}`);
  }
  return [...out];
}
