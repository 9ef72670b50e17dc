/**
 * End-to-end tests: Playwright's runner driving Debian's Chromium (never a downloaded browser) against
 * the production build served by `vite preview`, i.e. exactly what ships, under its CSP. The build goes
 * to its own folder (under node_modules/.cache), so a concurrent `vite build` into dist/ cannot change
 * the files under test, and no dev-server reload can interrupt a test. Set CHROMIUM_PATH to use another
 * Chromium binary.
 */
import { defineConfig } from '@playwright/test';

const PORT = 5174;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const OUT_DIR = 'node_modules/.cache/pqrst-e2e';

/** Chromium flags: no sandbox (containers), and no background traffic of the browser itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
  },
  webServer: {
    command:
      `npx vite build --outDir ${OUT_DIR} --emptyOutDir --logLevel warn && ` +
      `npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
