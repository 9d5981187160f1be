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

/** The built site is served here for the browser tests (E2E_PORT lets two checkouts test side by side). */
export const PORT = Number(process.env.E2E_PORT) || 4173;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
