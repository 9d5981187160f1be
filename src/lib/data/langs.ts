/** The site's languages. Kept apart from schema.ts so the browser bundle never pulls in zod (which probes eval). */
export const LANGS = ['en', 'ar', 'fa', 'ckb'] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's name in itself, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية', fa: 'فارسی', ckb: 'کوردی' };
