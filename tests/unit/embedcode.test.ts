// The embed code a newsroom pastes (src/lib/embed/code.ts): it must open the embed page of the site it was made on,
// with the chosen step, subset, language and theme, and escape what goes into HTML attributes.
import { describe, expect, it } from 'vitest';
import { embedCode, embedTitle, embedUrl, pymCode, type EmbedChoice } from '../../src/lib/embed/code';
import { parseConfig } from '../../src/lib/config/url';
import en from '../../data/i18n/en.json';
import ar from '../../data/i18n/ar.json';
import fa from '../../data/i18n/fa.json';
import ckb from '../../data/i18n/ckb.json';

const choice = (over: Partial<EmbedChoice> = {}): EmbedChoice => ({
  base: 'https://news.example/iran-iraq/',
  start: null,
  steps: [],
  lang: 'en',
  theme: 'auto',
  height: null,
  title: 'Map',
  ...over,
});

describe('embedUrl', () => {
  it('points at embed.html beside the page the builder runs on, in embed mode, with defaults left out', () => {
    expect(embedUrl(choice())).toBe('https://news.example/iran-iraq/embed.html?mode=embed');
  });
  it('keeps the reader’s choices, and drops whatever query or page the base carried', () => {
    const url = embedUrl(choice({ base: 'https://news.example/iran-iraq/index.fa.html?step=x#y', start: 'accord-2023', steps: ['accord-2023', 'memorandum-2025'], lang: 'fa', theme: 'dark' }));
    expect(url).toBe('https://news.example/iran-iraq/embed.html?mode=embed&step=accord-2023&steps=accord-2023%2Cmemorandum-2025&lang=fa&theme=dark');
  });
  // A start the subset leaves out made an embed that opened with "the link asked for a step that does not exist".
  it('never names a start step outside the subset: the embed opens on the subset’s first step, without a notice', () => {
    const c = choice({ start: 'the-border', steps: ['accord-2023', 'memorandum-2025'] });
    const url = embedUrl(c);
    expect(url).toBe('https://news.example/iran-iraq/embed.html?mode=embed&steps=accord-2023%2Cmemorandum-2025');
    expect(embedCode(c)).not.toContain('the-border');
    expect(pymCode(c)).not.toContain('the-border');
    const ids = ['the-border', 'accord-2023', 'memorandum-2025'];
    expect(parseConfig(new URL(url).search, ids).notices).toEqual([]);
    // A start inside the subset is kept.
    const inside = embedUrl(choice({ start: 'memorandum-2025', steps: ['accord-2023', 'memorandum-2025'] }));
    expect(parseConfig(new URL(inside).search, ids)).toMatchObject({ start: 1, notices: [] });
  });
});

describe('embedCode', () => {
  it('auto-height: the marked iframe and embed.js from the same site', () => {
    const code = embedCode(choice());
    expect(code).toContain('<iframe src="https://news.example/iran-iraq/embed.html?mode=embed" title="Map"');
    expect(code).toContain(' data-iran-iraq-border></iframe>');
    expect(code).toContain('<script src="https://news.example/iran-iraq/embed.js" async></script>');
  });
  it('fixed height: the iframe alone, at that height, asking the embed to fit its frame', () => {
    const code = embedCode(choice({ height: 500 }));
    expect(code).toContain('height="500"');
    expect(code).toContain('embed.html?mode=embed&amp;fit=1"');
    expect(parseConfig(new URL(embedUrl(choice({ height: 500 }))).search, ['a']).fit).toBe(true);
    // Auto-height code lets the embed grow to its content instead.
    expect(parseConfig(new URL(embedUrl(choice())).search, ['a']).fit).toBe(false);
    expect(code).not.toContain('<script');
    expect(code).not.toContain('data-iran-iraq-border');
  });
  it('escapes the title and the URL in attributes', () => {
    const code = embedCode(choice({ title: 'A "map" <b>&</b>', start: 'the-border' }));
    expect(code).toContain('title="A &quot;map&quot; &lt;b&gt;&amp;&lt;/b&gt;"');
    expect(code).toContain('embed.html?mode=embed&amp;step=the-border"');
  });
  it('Pym.js code loads the same embed URL', () => {
    expect(pymCode(choice({ start: 'accord-2023' }))).toContain('"https://news.example/iran-iraq/embed.html?mode=embed&step=accord-2023"');
  });
  // The code loaded a relative pym.v1.min.js with no word that this site does not serve it (it does not).
  it('Pym.js code says the host serves its own copy of Pym.js (npm package pym.js), and loads nothing of Pym from this site', () => {
    const code = pymCode(choice());
    const lines = code.split('\n');
    const load = lines.findIndex((l) => /<script src="[^"]*pym\.v1\.min\.js"><\/script>/.test(l));
    expect(load).toBeGreaterThan(0);
    expect(lines[load - 1]).toMatch(/^<!-- .*not served by this site.*"pym\.js".* -->$/);
    expect(lines[load - 1]!.slice(4, -3)).not.toContain('--'); // "--" inside an HTML comment is a parse error
    expect(code).not.toMatch(/news\.example[^"]*pym/);
    expect(lines.at(-1)).toBe('<script>new pym.Parent("iran-iraq-border", "https://news.example/iran-iraq/embed.html?mode=embed", {});</script>');
  });
});

// The title stayed English when the embed was in Persian, Arabic or Sorani (the builder passed its own UI's title).
describe('embedTitle', () => {
  it('is the embed language’s own title, for a screen reader on the host page', async () => {
    expect(await embedTitle('en')).toBe(en.ui.embedTitle);
    expect(await embedTitle('fa')).toBe(fa.ui.embedTitle);
    expect(await embedTitle('ar')).toBe(ar.ui.embedTitle);
    expect(await embedTitle('ckb')).toBe(ckb.ui.embedTitle);
    expect(new Set([en, ar, fa, ckb].map((l) => l.ui.embedTitle)).size).toBe(4);
    expect(embedCode(choice({ lang: 'fa', title: await embedTitle('fa') }))).toContain(`title="${fa.ui.embedTitle}"`);
  });
});
