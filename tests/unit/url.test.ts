// URL parameters (parseConfig, urlForStep): a shared or embedded link picks the mode, language, theme and steps; a
// mistyped or hostile link falls back to defaults with a fixed notice, and nothing from the URL reaches the page.
import { describe, expect, it } from 'vitest';
import { langHref, parseConfig, urlForStep, wantedLang, wantedMode } from '../../src/lib/config/url';
import { explainerHref, MODE_PAGES, modeHref } from '../../src/lib/config/pages';
import en from '../../data/i18n/en.json';

const IDS = ['the-border', 'amini-protests', 'strikes-september', 'strikes-november', 'accord-2023', 'border-length'];
const ALL = IDS.map((_, i) => i);
const parse = (search: string) => parseConfig(search, IDS);

describe('parseConfig defaults', () => {
  it('opens the whole explainer at the first step, in English, following the system theme', () => {
    expect(parse('')).toEqual({ mode: 'explainer', start: 0, steps: ALL, lang: 'en', theme: 'auto', notes: false, fit: false, childId: null, notices: [] });
  });

  it('uses the fallback language when the link names none', () => {
    expect(parseConfig('', IDS, 'fa').lang).toBe('fa');
  });
});

describe('parseConfig with valid parameters', () => {
  it.each(['explainer', 'present', 'embed'])('accepts mode=%s', (mode) => {
    expect(parse(`?mode=${mode}`)).toMatchObject({ mode, notices: [] });
  });

  it.each(['en', 'ar', 'fa', 'ckb'])('accepts lang=%s', (lang) => {
    expect(parse(`?lang=${lang}`)).toMatchObject({ lang, notices: [] });
  });

  it.each(['light', 'dark', 'auto'])('accepts theme=%s', (theme) => {
    expect(parse(`?theme=${theme}`)).toMatchObject({ theme, notices: [] });
  });

  it('starts at the step named by step=', () => {
    expect(parse('?step=strikes-november')).toMatchObject({ start: 3, notices: [] });
  });

  it('keeps only the steps named by steps=, in story order', () => {
    expect(parse('?steps=accord-2023,the-border')).toMatchObject({ steps: [0, 4], notices: [] });
  });

  it('counts step= within the chosen steps', () => {
    expect(parse('?steps=the-border,accord-2023&step=accord-2023').start).toBe(1);
  });

  it.each([['1', true], ['0', false]] as const)('accepts fit=%s', (v, fit) => {
    expect(parse(`?fit=${v}`)).toMatchObject({ fit, notices: [] });
  });

  it('accepts a Pym child id made of element-id characters', () => {
    expect(parse('?childId=pym-embed_1').childId).toBe('pym-embed_1');
  });
});

describe('parseConfig with hostile or mistyped parameters', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['?step=9999', 'noticeStep', { start: 0 }],
    ['?step=<script>alert(1)</script>', 'noticeStep', { start: 0 }],
    ['?lang=xx', 'noticeLang', { lang: 'en' }],
    ['?mode=bogus', 'noticeMode', { mode: 'explainer' }],
    ['?steps=,,', 'noticeStepsNone', { steps: ALL }],
    ['?steps=not-a-step', 'noticeStepsNone', { steps: ALL }],
    ['?fit=yes', 'noticeFit', { fit: false }],
    ['?fit=true', 'noticeFit', { fit: false }],
    ['?theme=%00', 'noticeTheme', { theme: 'auto' }],
    [`?mode=${'x'.repeat(100_000)}`, 'noticeMode', { mode: 'explainer' }],
    [`?step=${'a'.repeat(100_000)}`, 'noticeStep', { start: 0 }],
    ['?steps=the-border,not-a-step', 'noticeSteps', { steps: [0] }],
    ['?steps=the-border&step=accord-2023', 'noticeStepOutside', { start: 0 }],
    ['?steps=the-border&step=not-a-step', 'noticeStep', { start: 0 }],
  ];

  it.each(cases)('%s falls back with the notice %s', (search, notice, fallback) => {
    expect(parse(search)).toMatchObject({ ...fallback, notices: [notice] });
  });

  it.each(cases)('%s is never echoed into the config', (search) => {
    const value = decodeURIComponent(search.slice(search.indexOf('=') + 1));
    const c = parse(search);
    const texts = [c.mode, c.lang, c.theme, c.childId ?? '', ...c.notices];
    expect(texts.filter((t) => t.includes(value))).toEqual([]);
  });

  it('gives every notice an English message to show instead of the input', () => {
    const keys = cases.flatMap(([search]) => parse(search).notices);
    for (const k of keys) expect((en.ui as Record<string, string>)[k], k).toBeTruthy();
  });

  it('an empty steps= shows all steps, and says the list named none', () => {
    expect(parse('?steps=')).toMatchObject({ steps: ALL, notices: ['noticeStepsNone'] });
  });

  it('takes the first of repeated parameters', () => {
    expect(parse('?mode=present&mode=embed&lang=ar&lang=xx')).toMatchObject({ mode: 'present', lang: 'ar', notices: [] });
  });

  it.each(['"><img src=x onerror=alert(1)>', 'a b', '1abc', 'x'.repeat(65), 'javascript:alert(1)'])(
    'rejects the child id %s',
    (id) => {
      expect(parse(`?childId=${encodeURIComponent(id)}`).childId).toBeNull();
    },
  );
});

describe('urlForStep', () => {
  it('sets the step and keeps the other parameters and the hash', () => {
    expect(urlForStep('https://example.org/explainer/?mode=present&lang=ar#map', 'accord-2023')).toBe(
      '/explainer/?mode=present&lang=ar&step=accord-2023#map',
    );
  });

  it('replaces an existing step rather than adding a second one', () => {
    expect(urlForStep('https://example.org/?step=the-border&theme=dark', 'balancing')).toBe('/?step=balancing&theme=dark');
  });
});

describe('langHref', () => {
  it('on the explainer, leads to the language’s own page, keeping the other parameters', () => {
    expect(langHref('https://example.org/explainer/index.fa.html?step=accord-2023', 'en', 'fa')).toBe('/explainer/index.html?step=accord-2023');
    expect(langHref('https://example.org/explainer/?lang=fa&step=erbil-2024#map', 'ckb', 'en')).toBe('/explainer/index.ckb.html?step=erbil-2024');
    expect(langHref('https://example.org/index.html?mode=explainer&theme=dark', 'ar', 'en')).toBe('/index.ar.html?theme=dark');
    // A page renamed the other way round still gets its right language page.
    expect(langHref('https://example.org/index.ar.html', 'fa', 'ar')).toBe('/index.fa.html');
  });

  it('elsewhere names the language whenever it is not the page’s own, keeping the other parameters', () => {
    expect(langHref('https://example.org/?mode=present&lang=fa', 'ar', 'en')).toBe('/?mode=present&lang=ar');
    expect(langHref('https://example.org/x/present.html?mode=present&step=accord-2023', 'fa', 'en')).toBe('/x/present.html?mode=present&step=accord-2023&lang=fa');
    expect(langHref('https://example.org/explainer.html?step=accord-2023', 'fa', 'en')).toBe('/explainer.html?step=accord-2023&lang=fa');
  });

  it('drops ?lang for the page’s own language', () => {
    expect(langHref('https://example.org/builder.html?lang=fa&mode=builder', 'en', 'en')).toBe('/builder.html?mode=builder');
    expect(langHref('https://example.org/index.fa.html?lang=en&mode=embed#map', 'fa', 'fa')).toBe('/index.fa.html?mode=embed');
  });
});

// src/main.ts fetches this language's strings before the app mounts: it must be the language parseConfig then opens.
describe('wantedLang', () => {
  const cases: [string, string][] = [
    ['?lang=fa', 'en'],
    ['?lang=%20ar%20&mode=embed', 'en'],
    ['?lang=xx', 'fa'],
    ['?lang=', 'ckb'],
    ['', 'ar'],
    ['', 'zz'],
    ['?lang=EN', 'fa'],
  ];
  it.each(cases)('%s on a page in %s opens in the language parseConfig reads', (search, pageLang) => {
    const fallback = ['en', 'ar', 'fa', 'ckb'].includes(pageLang) ? (pageLang as 'fa') : 'en';
    expect(wantedLang(search, pageLang)).toBe(parseConfig(search, IDS, fallback).lang);
  });
  it('takes a valid ?lang over the page’s own language, and the page’s over English', () => {
    expect(wantedLang('?lang=fa', 'ar')).toBe('fa');
    expect(wantedLang('?lang=nope', 'ar')).toBe('ar');
    expect(wantedLang('', 'not-a-lang')).toBe('en');
  });
});

// Every mode but the explainer has a page without the explainer's intro; the explainer has a page per language.
describe('pages', () => {
  it('links each mode to its own page, in the reader’s language, keeping the step and theme', () => {
    expect(modeHref('present', 'en')).toBe('present.html?mode=present');
    expect(modeHref('present', 'fa', new URLSearchParams('step=accord-2023&lang=ar&theme=dark'))).toBe('present.html?step=accord-2023&lang=fa&theme=dark&mode=present');
    expect(modeHref('builder', 'en', new URLSearchParams('mode=explainer&lang=fa'))).toBe('builder.html?mode=builder');
    for (const mode of MODE_PAGES) expect(parseConfig(modeHref(mode, 'ckb').split('?')[1]!, ['a'])).toMatchObject({ mode, lang: 'ckb', notices: [] });
  });

  // A teacher's bookmark of present.html that lost its ?mode opened the explainer, without its intro.
  it('opens the page’s own mode when the link names none, and the named one when it does', () => {
    for (const mode of MODE_PAGES) {
      expect(parseConfig('?step=a', ['a'], 'en', mode)).toMatchObject({ mode, notices: [] });
      expect(wantedMode('?step=a', mode)).toBe(mode);
      expect(parseConfig('?mode=explainer', ['a'], 'en', mode).mode).toBe('explainer');
      expect(wantedMode('?mode=explainer', mode)).toBe('explainer');
      // A mistyped mode on a mode page keeps the page's mode, and says the parameter was ignored.
      expect(parseConfig('?mode=slides', ['a'], 'en', mode)).toMatchObject({ mode, notices: ['noticeMode'] });
      expect(wantedMode('?mode=slides', mode)).toBe(mode);
    }
    expect(wantedMode('')).toBe('explainer');
  });

  it('links to the explainer on the language’s page, which says the language itself', () => {
    expect(explainerHref('en')).toBe('index.html');
    expect(explainerHref('fa', new URLSearchParams('mode=embed&step=accord-2023&lang=ar'))).toBe('index.fa.html?step=accord-2023');
  });
});
