/**
 * What the in-browser benchmarks share: Debian's Chromium and its flags, a logger to stderr, `--name N`
 * arguments, the median, and the studio's production build served by `vite preview` on a free port.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config.ts';

export { CHROMIUM_ARGS };

/** Debian's Chromium, or `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A logger writing `[name] message` lines to stderr (stdout carries only the JSON figures). */
export function benchLog(name: string): (message: string) => void {
  return (message) => process.stderr.write(`[${name}] ${message}\n`);
}

/** Run a bench's `main`; a failure is logged with its stack and exits 1. */
export function runMain(main: () => Promise<void>, log: (message: string) => void): void {
  main().catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
}

/** The number after `name` on the command line, else `fallback`. */
export function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The median of `values` (any order). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The real-data folder: `ECG_DATA_DIR`, else ../shared/ecg-data beside the repository. */
export function ecgDataDir(): string {
  const root = fileURLToPath(new URL('../', import.meta.url));
  return path.resolve(root, process.env.ECG_DATA_DIR || '../shared/ecg-data');
}

/** Debian's Chromium, headless, with the e2e flags (plus `extraArgs`). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A 1400 × 1000 page of the studio at `url`, its page errors logged. */
export async function openStudioPage(
  browser: Browser,
  url: string,
  log: (message: string) => void,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (err) => log(`page error: ${err.message}`));
  await page.goto(url);
  return page;
}

/** A TCP port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The studio's production build, served on a free local port. */
export interface ServedStudio {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  close(): Promise<void>;
}

/** Build the studio into `outDir` (relative to the repository root) and serve it with `vite preview`. */
export async function serveStudio(outDir: string, log: (message: string) => void): Promise<ServedStudio> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  log('building with vite…');
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${port}/`;
  log(`serving ${url}`);
  return { url, close: () => server.close() };
}
