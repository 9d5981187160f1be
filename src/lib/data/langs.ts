/** The site's languages. Kept apart from schema.ts so the browser bundle never pulls in zod (which probes eval). */
export const LANGS = ['en', 'ar', 'fa', 'ckb'] as const;
export type Lang = (typeof LANGS)[number];
