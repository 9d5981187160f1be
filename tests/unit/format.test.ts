/**
 * Text shared by the event dialog, the events table and the legend: lists joined as each language joins them, scale
 * names that right-to-left text cannot reorder, the date with its precision, and figure credits with their scope.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/lib/i18n/context.svelte';
import { datedText, figureCredit, isolateScales, keepQualifiers, listText, scaleMeasured, targetsText, weaponsText } from '../../src/lib/ui/format';
import type { Figure, Lang, Locale, StoryEvent } from '../../src/lib/data/schema';
import { outletText } from '../../src/lib/data/outlet';
import { SOURCE_FORMS, source } from '../../src/lib/data/schema';

const locale = (lang: Lang) => JSON.parse(readFileSync(new URL(`../../data/i18n/${lang}.json`, import.meta.url), 'utf8')) as Locale;
const i18n = (lang: Lang) => new I18n(locale(lang));

const event = (over: Partial<StoryEvent> = {}): StoryEvent =>
  ({
    id: 'koya-2022-09-28',
    kind: 'strike',
    date: { start: '2022-09-28', precision: 'day' },
    placeId: 'koya',
    locationPrecision: 'town',
    actor: 'irgc',
    targets: ['kdpi'],
    weapons: ['missiles', 'drones'],
    killed: [],
    injured: [],
    sources: [],
    seeds: [],
    ...over,
  }) as StoryEvent;

const FSI = '\u2068';
const PDI = '\u2069';

describe('lists in the reader’s language', () => {
  it('joins English with commas, as en-GB’s narrow list does', () => {
    const intl = new Intl.ListFormat('en-GB', { type: 'conjunction', style: 'narrow' });
    for (const items of [['a'], ['a', 'b'], ['a', 'b', 'c']]) expect(listText(items, 'en')).toBe(intl.format(items));
    expect(weaponsText(event(), i18n('en'))).toBe('missiles, drones');
  });

  it('never puts a Latin comma between Arabic-script items', () => {
    for (const lang of ['ar', 'fa', 'ckb'] as const) {
      const text = weaponsText(event({ weapons: ['ballistic-missiles', 'missiles', 'drones'] }), i18n(lang));
      expect(text, lang).not.toContain(',');
      expect(text, lang).toMatch(/^\p{Script=Arabic}/u);
    }
  });

  it('uses Intl’s list where the locale exists (Arabic joins with و), the Arabic comma for Sorani', () => {
    expect(weaponsText(event(), i18n('ar'))).toBe('صواريخ وطائرات مسيّرة');
    expect(weaponsText(event(), i18n('fa'))).toMatch(/^موشک،\u200f? پهپاد$/);
    expect(weaponsText(event(), i18n('ckb'))).toBe('مووشەک، درۆن');
    expect(targetsText(event({ targets: ['kdpi', 'pak'] }), i18n('ckb'))).toBe('حیزبی دیموکراتی کوردستانی ئێران\u00a0(حدکا)، پارتی ئازادیی کوردستان\u00a0(پاک)');
  });
});

describe('Arabic “and” before a name in Latin letters', () => {
  it('stands apart from a Latin name, and stays joined to an Arabic word', () => {
    expect(listText(['Rudaw', 'AFP'], 'ar')).toBe('Rudaw و AFP');
    expect(listText(['رويترز', 'رووداو'], 'ar')).toBe('رويترز ورووداو');
    expect(listText(['Rudaw', 'رووداو'], 'ar')).toBe('Rudaw ورووداو');
  });
});

describe('short bracketed qualifiers stay with the word before them', () => {
  it('glues a one-word qualifier with a no-break space', () => {
    expect(keepQualifiers('Kurdistan Freedom Party (PAK)')).toBe('Kurdistan Freedom Party\u00a0(PAK)');
    expect(keepQualifiers('کتێبی ڕاستییەکانی جیهانی سی ئای ئەی (ئەمڕۆ)')).toBe('کتێبی ڕاستییەکانی جیهانی سی ئای ئەی\u00a0(ئەمڕۆ)');
  });

  it('leaves longer bracketed phrases free to wrap', () => {
    expect(keepQualifiers('Town centre (the exact site is not public)')).toBe('Town centre (the exact site is not public)');
  });
});

describe('what kind of text a source is, in the reader’s language', () => {
  const briefing = { outlet: 'US Department of State', form: 'briefing' as const, speaker: 'Tammy Bruce' };

  it('says it after the outlet’s own name', () => {
    expect(outletText({ outlet: 'NewsCrab', form: 'aggregator' }, locale('en').ui, 'en')).toBe('NewsCrab (syndicated aggregator)');
    expect(outletText(briefing, locale('en').ui, 'en')).toBe('US Department of State (press briefing, spokesperson Tammy Bruce)');
    expect(outletText({ outlet: 'Reuters' }, locale('ar').ui, 'ar')).toBe('Reuters');
  });

  it('has no English words in right-to-left pages, and isolates a speaker written in Latin letters', () => {
    for (const lang of ['ar', 'fa', 'ckb'] as const) {
      const text = outletText(briefing, locale(lang).ui, lang);
      expect(text, lang).toMatch(new RegExp(`^US Department of State \\(\\p{Script=Arabic}[^)]*${FSI}Tammy Bruce${PDI}\\)$`, 'u'));
      expect(outletText({ outlet: 'NewsCrab', form: 'statement' }, locale(lang).ui, lang).replace('NewsCrab', ''), lang).not.toMatch(/[a-z]/i);
    }
  });

  it('has words for every kind of source the registry may name', () => {
    for (const form of SOURCE_FORMS) expect(locale('en').ui[`sourceForm-${form}`], form).toMatch(/^[a-z]/);
  });

  it('refuses a speaker on anything but a briefing', () => {
    const base = { id: 'x-1', kind: 'public', outlet: 'Someone', claims: [] };
    expect(source.safeParse({ ...base, form: 'statement', speaker: 'A Name' }).success).toBe(false);
    expect(source.safeParse({ ...base, form: 'briefing', speaker: 'A Name' }).success).toBe(true);
  });
});

describe('Natural Earth scale names in right-to-left text', () => {
  it('isolates "1:110m" as one left-to-right run', () => {
    expect(isolateScales('بمقياس 1:110m و 1:10m،')).toBe(`بمقياس ${FSI}1:110m${PDI} و ${FSI}1:10m${PDI}،`);
  });

  it('writes the legend’s scales as Natural Earth names them, whole and isolated, in every language', () => {
    for (const lang of ['en', 'ar', 'fa', 'ckb'] as const) {
      for (const scale of ['110m', '50m', '10m'] as const) {
        const text = scaleMeasured(scale, i18n(lang));
        expect(text, lang).toContain(`${FSI}1:${scale}${PDI}`);
        expect(text, lang).not.toMatch(/\d m\b/);
      }
    }
  });
});

describe('event dialog lines', () => {
  it('puts a space between a figure’s credit and its whole-day note', () => {
    const f: Figure = { min: 9, scope: 'day', countedBy: 'hrw', sourceId: 's', asOf: '2022-09-28' };
    for (const lang of ['en', 'ar', 'fa', 'ckb'] as const) {
      const t = i18n(lang);
      expect(figureCredit(f, t), lang).toMatch(new RegExp(`\\S ${t.t('scopeDay').replace(/[()]/g, '\\$&')}$`));
    }
    expect(figureCredit({ ...f, scope: 'site' }, i18n('en'))).not.toContain('(');
  });

  it('gives the date with how exact it is, not the precision alone', () => {
    expect(datedText(event(), i18n('en'))).toBe('28 September 2022 (exact date)');
    expect(datedText(event({ date: { start: '2022-09-24', end: '2022-09-29', precision: 'days' } }), i18n('en'))).toBe(
      '24\u2009–\u200929 September 2022 (between these dates)',
    );
    expect(datedText(event(), i18n('ar'))).toBe('٢٨ أيلول ٢٠٢٢ (تاريخ دقيق)');
    expect(datedText(event(), i18n('ckb'))).toBe('٢٨ی ئەیلوولی ٢٠٢٢ (ڕێکەوتی ورد)');
    expect(datedText(event(), i18n('fa'))).toBe('۶ مهر ۱۴۰۱ (تاریخ دقیق)');
  });
});
