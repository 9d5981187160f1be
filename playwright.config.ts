import { defineConfig } from '@playwright/test';
import { CHROME_ARGS, CHROME_PATH, PORT } from './tests/e2e/browser';

// Browser tests run against the BUILT site (vite build + vite preview), in Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  // One retry in CI only: on the shared 2-core machine a test has once timed out waiting for a dialog that opens
  // in every local and loaded re-run (6/6 with three workers). A test that really fails still fails twice.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: CHROME_PATH, args: CHROME_ARGS },
    timezoneId: 'UTC',
  },
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
  },
});
