/**
 * Fills "{name}" placeholders. Values are plain text: callers render them as text nodes, never as HTML. On its own
 * (no locale loading) so that build-time code, like the data downloads made in vite.config.ts, can use it.
 */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
