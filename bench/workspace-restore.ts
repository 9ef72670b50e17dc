/**
 * Workspace restore benchmark: builds the studio, serves it with `vite preview`, keeps 10,000 imported
 * windows (10 s at 500 Hz, float32: 200 MB) in the workspace of a headless Chromium page on a
 * persistent profile (on disk, like a user's; `--incognito` keeps it in memory instead), then reloads
 * and times (from the navigation's start) the list of kept items shown (`firstPaintMs`, the page
 * usable), the windows restored into the Training lab (`restoreMs`), and the longest main-thread task
 * between the two (`longestTaskMs`, 0 when none reached 50 ms: the page stays responsive meanwhile).
 * `firstTouchMs` is this machine's floor for any restore of that size: the page allocating a fresh
 * buffer of the import's bytes and writing one byte per 4-KiB page (the first touch of new memory,
 * which costs a virtual machine far more than bare metal), median of 3.
 *
 * Run: `npx tsx bench/workspace-restore.ts [--rounds 3] [--windows 10000] [--incognito]` or `npm run
 * bench workspace-restore`. Prints one JSON line: {"bench":"workspace-restore","profile":P,"windows":N,
 * "samples":5000,"megabytes":M,"rounds":R,"restoreMs":median,"firstPaintMs":median,"restoreMsMax":max,
 * "longestTaskMs":median,"firstTouchMs":median}; logs to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type {} from '../src/types/pqrst-workspace-test-api.d.ts';
import { argValue, benchLog, CHROMIUM_ARGS, CHROMIUM_PATH, median, serveStudio } from './browser-kit.ts';

const log = benchLog('workspace-restore');

const OUT_DIR = 'node_modules/.cache/pqrst-bench-workspace';
const SAMPLES = 5000;

async function main(): Promise<void> {
  const rounds = argValue('--rounds', 3);
  const windows = argValue('--windows', 10_000);
  const studio = await serveStudio(OUT_DIR, log);
  const url = studio.url;
  const incognito = process.argv.includes('--incognito');
  const profileDir = mkdtempSync(path.join(tmpdir(), 'pqrst-bench-workspace-'));
  const launch = {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  };
  const viewport = { width: 1400, height: 1000 };
  const browser = incognito ? await chromium.launch(launch) : null;
  const context = browser
    ? await browser.newContext({ viewport })
    : await chromium.launchPersistentContext(profileDir, { ...launch, viewport });
  try {
    // Long main-thread tasks (≥ 50 ms) of each page, to see whether the page stays usable.
    await context.addInitScript(() => {
      const tasks: { startMs: number; durationMs: number }[] = [];
      (window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ startMs: e.startTime, durationMs: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    await page.goto(url);
    await page.waitForFunction(() => window.__pqrstWorkspace !== undefined, null, { timeout: 60_000 });
    await page.evaluate(() => window.__pqrstWorkspace!.whenSettled());
    log(`keeping ${windows} windows of ${SAMPLES} samples…`);
    const kept = await page.evaluate(([n, s]) => window.__pqrstWorkspace!.keepSynthetic(n, s, 500), [
      windows,
      SAMPLES,
    ] as const);
    if (!kept) throw new Error('the synthetic import could not be kept');
    const restore: number[] = [];
    const firstPaint: number[] = [];
    const longest: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await page.reload();
      await page.waitForFunction(() => window.__pqrstWorkspace !== undefined, null, { timeout: 60_000 });
      await page.evaluate(() => window.__pqrstWorkspace!.whenSettled());
      const facts = await page.evaluate(() => ({
        listed: window.__pqrstWorkspace!.listedAtMs(),
        restored: window.__pqrstWorkspace!.restored(),
        tasks: (window as unknown as { __benchLongTasks: { startMs: number; durationMs: number }[] })
          .__benchLongTasks,
      }));
      const r = facts.restored.find((x) => x.windows === windows);
      if (facts.listed === null || r === undefined) throw new Error(`round ${round + 1}: nothing restored`);
      firstPaint.push(facts.listed);
      restore.push(r.restoredAtMs);
      const during = facts.tasks.filter((t) => t.startMs >= facts.listed! && t.startMs < r.restoredAtMs);
      longest.push(Math.max(0, ...during.map((t) => t.durationMs)));
      log(
        `round ${round + 1}: list at ${Math.round(facts.listed)} ms, windows at ${Math.round(r.restoredAtMs)} ms, ` +
          `${during.length} long tasks in between (longest ${Math.round(longest[round])} ms)`,
      );
    }
    const touch: number[] = [];
    for (let i = 0; i < 3; i++) {
      touch.push(
        await page.evaluate(
          (bytes) => {
            const t0 = performance.now();
            const b = new Uint8Array(bytes);
            for (let at = 0; at < bytes; at += 4096) b[at] = 1;
            return performance.now() - t0;
          },
          windows * SAMPLES * 4,
        ),
      );
    }
    log(`first touch of ${windows * SAMPLES * 4} bytes: ${touch.map(Math.round).join(', ')} ms`);
    const result = {
      bench: 'workspace-restore',
      profile: incognito ? 'incognito' : 'persistent',
      windows,
      samples: SAMPLES,
      megabytes: Math.round((windows * SAMPLES * 4) / 1e6),
      rounds,
      restoreMs: Math.round(median(restore)),
      firstPaintMs: Math.round(median(firstPaint)),
      restoreMsMax: Math.round(Math.max(...restore)),
      longestTaskMs: Math.round(median(longest)),
      firstTouchMs: Math.round(median(touch)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await context.close();
    await browser?.close();
    await studio.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

await main();
