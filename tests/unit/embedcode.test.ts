// The embed code a newsroom pastes (src/lib/embed/code.ts): it must open the embed page of the site it was made on,
// with the chosen step, subset, language and theme, and escape what goes into HTML attributes.
import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl, pymCode, type EmbedChoice } from '../../src/lib/embed/code';

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
});

describe('embedCode', () => {
  it('auto-height: the marked iframe and embed.js from the same site', () => {
    const code = embedCode(choice());
    expect(code).toContain('<iframe src="https://news.example/iran-iraq/embed.html?mode=embed" title="Map"');
    expect(code).toContain(' data-iran-iraq-border></iframe>');
    expect(code).toContain('<script src="https://news.example/iran-iraq/embed.js" async></script>');
  });
  it('fixed height: the iframe alone, at that height', () => {
    const code = embedCode(choice({ height: 500 }));
    expect(code).toContain('height="500"');
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
});
