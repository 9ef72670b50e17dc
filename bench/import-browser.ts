/**
 * In-browser import benchmark: builds the studio (`vite build`), serves it with `vite preview` on a free
 * port, drives Debian's Chromium with Playwright and imports the whole MIT-BIH folder of the data
 * (`$ECG_DATA_DIR/mitdb`, default ../shared/ecg-data/mitdb: every record's .hea/.dat/.mat/.atr) through
 * the panel's folder picker, a few rounds. Each round's time is the page's own measurement
 * (`window.__pqrst.import.getLastRun().durationMs`): from the files handed to the import (read on the
 * main thread, then parsed, resampled to 500 Hz and cut into labelled 10-s windows in the worker) to the
 * result in the store. The label rule is that of the Node benchmark (import-windowing.ts), so the window
 * counts compare. Every round must report progress for every record, in order.
 *
 * Run: `npx tsx bench/import-browser.ts [--rounds 3]` or `npm run bench import-browser`. Prints one JSON
 * line on stdout: {"bench":"import-browser","dataset":"mitdb","records":N,"windows":N,"rounds":R,
 * "medianMs":…,"minMs":…,"maxMs":…}; logs go to stderr. Without the data folder it prints nothing.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import {
  argValue,
  benchLog,
  ecgDataDir,
  launchChromium,
  median,
  openStudioPage,
  runMain,
  serveStudio,
} from './browser-kit.ts';

const log = benchLog('import-browser');

const OUT_DIR = 'node_modules/.cache/pqrst-bench-import';
/** The rule of bench/import-windowing.ts. */
const LABEL_RULE = 'contains-beat:V=pvc,rhythm-majority:0.8';

async function main(): Promise<void> {
  const rounds = argValue('--rounds', 3);
  const dataDir = ecgDataDir();
  const folder = path.join(dataDir, 'mitdb');
  if (!existsSync(folder)) {
    log(`${folder} not found (set ECG_DATA_DIR); skipped`);
    return;
  }
  const studio = await serveStudio(OUT_DIR, log);
  const url = studio.url;
  const browser = await launchChromium();
  try {
    const page = await openStudioPage(browser, url, log);
    await page.waitForFunction(() => window.__pqrst?.import !== undefined, null, { timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Label rule' }).fill(LABEL_RULE);
    const times: number[] = [];
    let records = 0;
    let windows = 0;
    for (let round = 0; round < rounds; round++) {
      const wallStart = performance.now();
      await page.getByLabel('ECG folder').setInputFiles(folder);
      await page.waitForFunction(
        (serial) => {
          const run = window.__pqrst.import!.getLastRun();
          return run !== null && run.serial === serial && run.durationMs !== null;
        },
        round,
        { timeout: 300_000, polling: 20 },
      );
      const wallMs = performance.now() - wallStart;
      const run = (await page.evaluate(() => window.__pqrst.import!.getLastRun()))!;
      const summary = await page.evaluate(() => window.__pqrst.import!.getSummary());
      if (summary === null) throw new Error(`round ${round + 1}: the import gave no summary`);
      records = summary.recordsRead.length;
      windows = summary.windows;
      const perRecord = run.progress.filter((p) => p.total === records).map((p) => p.done);
      const inOrder = perRecord.length === records && perRecord.every((d, i) => d === i + 1);
      if (!inOrder)
        throw new Error(`round ${round + 1}: record progress was ${JSON.stringify(run.progress)}`);
      times.push(run.durationMs!);
      log(
        `round ${round + 1}: ${run.files} files, ${records} records, ${windows} windows, ` +
          `${Math.round(run.durationMs!)} ms in the page (${Math.round(wallMs)} ms wall), ` +
          `progress ${perRecord.join(' ')} / ${records}; skipped ${summary.skippedRecords.length}`,
      );
      const at = run.progress.filter((p) => p.total === records).map((p) => Math.round(p.atMs));
      log(`  files read after ${Math.round(run.readMs ?? NaN)} ms; records done at ${at.join(' ')} ms`);
      await page.evaluate(() => window.__pqrst.import!.whenIdle());
    }
    log(`load average (1 min) ${loadavg()[0].toFixed(2)}`);
    const sorted = [...times].sort((a, b) => a - b);
    const result = {
      bench: 'import-browser',
      dataset: 'mitdb',
      records,
      windows,
      rounds,
      medianMs: Math.round(median(sorted)),
      minMs: Math.round(sorted[0]),
      maxMs: Math.round(sorted[sorted.length - 1]),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    await studio.close();
  }
}

runMain(main, log);
