/**
 * In-browser export benchmark: builds the studio (`vite build`), serves it with `vite preview` on a free
 * port and drives Debian's Chromium with Playwright. The Dataset builder exports N nsr records (10 s at
 * 500 Hz, npy) with all its workers (one per core, at most 8) into a picked file, and to the browser's
 * downloads. The picker is stubbed to return a file of the origin-private file system, so the archive
 * is written through the same `FileSystemWritableFileStream` as a real picked file (fed staged
 * segments), without a dialog; the download goes through private storage (a sync access handle in a
 * writer worker). The browser runs on a fresh persistent profile, whose private storage is on disk as a
 * user's is. Each round's rate is the page's own measurement
 * (`window.__pqrst.dataset.getLastExport()`: sink opened to archive closed, starting the workers
 * included). Interleaved with the exports, the same rows are synthesized raw (no encoding, no
 * CRC, no archive) by as many workers of bench/export-raw-browser-worker.ts started from the page and
 * timed the same way (from starting the workers): the baseline the archive must not slow down.
 *
 * Run: `npx tsx bench/export-browser.ts [--records 10000] [--rounds 3]` or `npm run bench
 * export-browser`. Prints one JSON line per destination on stdout: {"bench":"export","where":"browser",
 * "format":"npy","records":N,"destination":…,"workers":W,"recordsPerSec":…,"rawSynthRecordsPerSec":…,
 * "ratio":…,"workerBusyShare":…} (medians; ratio: export ÷ raw synthesis per round; workerBusyShare: the
 * workers' encoding time ÷ workers × export time); logs go to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { totalRows } from '../src/dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../src/dataset/recipe.ts';
import type {} from '../src/types/pqrst-dataset-test-api.d.ts';
import {
  argValue,
  benchLog,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  median,
  runMain,
  serveStudio,
} from './browser-kit.ts';

const log = benchLog('export-browser');

const OUT_DIR = 'node_modules/.cache/pqrst-bench-export';
/** The raw synthesis worker's path in the served build (see `buildRawWorker`). */
const RAW_WORKER_PATH = 'bench-raw/raw-synth.js';

/** Build bench/export-raw-browser-worker.ts into the served build folder, beside the studio. */
async function buildRawWorker(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: join(OUT_DIR, 'bench-raw'),
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./export-raw-browser-worker.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'raw-synth.js',
      },
    },
  });
}

/**
 * Records per second of raw synthesis of the recipe's rows by `workers` page workers, each taking an
 * equal share; timed like the export, from starting the workers (module load and JIT warm-up included).
 */
function rawRate(page: Page, workerUrl: string, recipe: SyntheticRecipe, workers: number): Promise<number> {
  return page.evaluate(
    async ({ workerUrl, recipe, workers, rows }) => {
      const t0 = performance.now();
      const pool = Array.from({ length: workers }, () => new Worker(workerUrl, { type: 'module' }));
      await Promise.all(
        pool.map(
          (w, i) =>
            new Promise<void>((resolve) => {
              w.onmessage = () => resolve();
              w.postMessage({
                recipe,
                start: Math.floor((i * rows) / workers),
                end: Math.floor(((i + 1) * rows) / workers),
              });
            }),
        ),
      );
      const seconds = (performance.now() - t0) / 1000;
      pool.forEach((w) => w.terminate());
      return rows / seconds;
    },
    { workerUrl, recipe, workers, rows: totalRows(recipe) },
  );
}

async function main(): Promise<void> {
  const records = argValue('--records', 10_000);
  const rounds = argValue('--rounds', 3);
  const studio = await serveStudio(OUT_DIR, log);
  await buildRawWorker();
  const url = studio.url;
  // A persistent profile, as a user has: an incognito context keeps the private file system in memory
  // behind the browser process, about 3 times slower to write than the disk-backed one.
  const profile = mkdtempSync(join(tmpdir(), 'pqrst-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    await page.addInitScript(() => {
      (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: {
        suggestedName: string;
      }) => {
        const root = await navigator.storage.getDirectory();
        const dir = await root.getDirectoryHandle('bench', { create: true });
        return dir.getFileHandle(options.suggestedName, { create: true });
      };
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__pqrst?.dataset !== undefined, null, { timeout: 60_000 });
    const panel = page.getByRole('region', { name: 'Build a synthetic dataset' });
    for (const c of ['af', 'afl', 'pvc', 'wpw']) {
      await panel.getByRole('checkbox', { name: `Include ${c}`, exact: true }).uncheck();
    }
    await panel.getByRole('checkbox', { name: 'Include nsr', exact: true }).check();
    await panel.getByRole('textbox', { name: 'Records of nsr', exact: true }).fill(String(records));
    await panel.getByRole('combobox', { name: 'Output format' }).selectOption('npy');
    await page.evaluate(() => window.__pqrst.dataset!.whenIdle());
    const recipe = await page.evaluate(() => window.__pqrst.dataset!.getRecipe());
    if (!recipe || totalRows(recipe) !== records) throw new Error('the builder did not take the recipe');
    const rawWorkerUrl = new URL(RAW_WORKER_PATH, url).href;

    // Each round: the export into a picked file, into the browser's downloads, and the raw baseline.
    const destinations = [
      {
        radio: /a file you choose/,
        name: 'picked file (staged segments into a writable stream, in private storage)',
      },
      { radio: /browser's downloads/, name: 'download (private storage, sync access handle)' },
    ];
    const exportRates: number[][] = destinations.map(() => []);
    const busyShares: number[][] = destinations.map(() => []);
    const rawRates: number[] = [];
    let workers = 0;
    for (let r = 0; r < rounds; r++) {
      for (const [d, destination] of destinations.entries()) {
        await panel.getByRole('radio', { name: destination.radio }).check();
        const download = d === 1 ? page.waitForEvent('download', { timeout: 600_000 }) : null;
        await panel.getByRole('button', { name: 'Export dataset (.zip)' }).click();
        // The click has put the builder in its 'opening' phase: idle again means this export ended.
        await page.evaluate(() => window.__pqrst.dataset!.whenIdle());
        const facts = await page.evaluate(() => window.__pqrst.dataset!.getLastExport()!);
        if (facts.phase !== 'done') throw new Error(`export ${facts.phase}: ${facts.error}`);
        if (facts.archiveBytes !== facts.estimatedBytes) {
          throw new Error(`archive ${facts.archiveBytes} bytes, expected ${facts.estimatedBytes}`);
        }
        await (await download)?.delete();
        workers = facts.workers;
        exportRates[d].push(facts.recordsPerSec);
        busyShares[d].push(facts.workerBusyShare);
        log(
          `round ${r + 1}, ${destination.name}: ${facts.recordsPerSec.toFixed(0)} records/s ` +
            `(${(facts.durationMs / 1000).toFixed(1)} s, ${(facts.archiveBytes! / 1e6).toFixed(0)} MB, ` +
            `workers busy ${(facts.workerBusyShare * 100).toFixed(0)} %)`,
        );
      }
      await page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        await root.removeEntry('bench', { recursive: true });
      });
      rawRates.push(await rawRate(page, rawWorkerUrl, recipe, workers));
      log(`round ${r + 1}, raw synthesis: ${rawRates[r].toFixed(0)} records/s`);
    }
    log(`load average (1 min) ${loadavg()[0].toFixed(2)}`);
    for (const [d, destination] of destinations.entries()) {
      const exportMedian = median(exportRates[d]);
      const result = {
        bench: 'export',
        where: 'browser',
        format: 'npy',
        records,
        seconds: recipe.durationS,
        fsHz: recipe.fsHz,
        destination: destination.name,
        workers,
        rounds,
        recordsPerSec: Math.round(exportMedian),
        rawSynthRecordsPerSec: Math.round(median(rawRates)),
        // Median over rounds of the export ÷ the raw synthesis run of the same round.
        ratio: Math.round(median(exportRates[d].map((e, r) => e / rawRates[r])) * 100) / 100,
        // The share of the export's time its workers spent encoding (the rest they waited or were
        // not running): near 1, the archive does not hold them up.
        workerBusyShare: Math.round(median(busyShares[d]) * 100) / 100,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await studio.close();
  }
}

runMain(main, log);
