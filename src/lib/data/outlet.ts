import type { Lang, Locale, Source } from './schema';
import { fill } from '../i18n/fill';

/**
 * A source's outlet, and what kind of text it is in the reader's language: "NewsCrab (syndicated aggregator)",
 * "Kurdistan Democratic Party of Iran (بيان)". The outlet keeps its own name. A speaker's name in Latin letters is
 * isolated in right-to-left text, so the closing bracket after it is not pulled into its run. Shared by the source
 * lists and the data downloads (built in vite.config.ts, so nothing here may load locales).
 */
export function outletText(s: Pick<Source, 'outlet' | 'form' | 'speaker'>, ui: Locale['ui'], lang: Lang): string {
  if (!s.form) return s.outlet;
  const speaker = s.speaker && lang !== 'en' ? `\u2068${s.speaker}\u2069` : (s.speaker ?? '');
  return `${s.outlet} (${fill(ui[`sourceForm-${s.form}`] ?? s.form, { speaker })})`;
}
