/**
 * One place for how the browser tests launch Chromium: Debian's build (Playwright cannot download its own here),
 * with the flags that keep a headless run from phoning home.
 */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
