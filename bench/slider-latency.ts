/**
 * Slider latency benchmark: builds the studio (`vite build`), serves it with `vite preview` on a free
 * port, drives Debian's Chromium with Playwright, drags the R-amplitude slider with real mouse events
 * (each step fires an `input` event, as a drag does) and waits for each repaint. Latency per step is
 * the page's own measurement (`window.__pqrst.lastPaintMs`): input event timestamp → the frame after
 * `Plotly.react` resolved, both on the page's `performance.now()` clock.
 *
 * Run: `npx tsx bench/slider-latency.ts [--moves 100]`. Prints exactly one JSON line on stdout:
 * {"bench":"slider-latency","fsHz":500,"seconds":10,"samples":N,"p50Ms":…,"p95Ms":…}; logs go to stderr.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { argValue, benchLog, launchChromium, openStudioPage, runMain, serveStudio } from './browser-kit.ts';

const log = benchLog('slider-latency');

const OUT_DIR = 'node_modules/.cache/pqrst-bench';
/** Moves not counted: the first repaints include JIT compilation of the drawing code. */
const WARMUP_MOVES = 20;
const STEP_PX = 2;

/** The value at fraction `q` of sorted `values` (nearest rank). */
function percentile(sorted: number[], q: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Move the mouse to `x`, then wait for the repaint it causes; the page's latency, or null. */
async function dragStep(page: Page, x: number, y: number): Promise<number | null> {
  const before = await page.evaluate(() => window.__pqrst.paintCount);
  await page.mouse.move(x, y);
  const painted = await page
    .waitForFunction((count) => window.__pqrst.paintCount > count, before, { timeout: 5000, polling: 5 })
    .then(() => true)
    .catch(() => false);
  if (!painted) return null;
  await page.evaluate(() => window.__pqrst.whenIdle());
  return page.evaluate(() => window.__pqrst.lastPaintMs);
}

async function main(): Promise<void> {
  const moves = argValue('--moves', 100);
  const studio = await serveStudio(OUT_DIR, log);
  const url = studio.url;
  const browser = await launchChromium();
  try {
    const page = await openStudioPage(browser, url, log);
    await page.waitForFunction(() => window.__pqrst?.paintCount > 0, null, { timeout: 60_000 });
    await page.evaluate(() => window.__pqrst.whenIdle());
    const params = await page.evaluate(() => window.__pqrst.getParams());

    const slider = page.getByRole('slider', { name: 'R amplitude (mV)', exact: true });
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('R amplitude slider not visible');
    const [min, max] = await slider.evaluate((el: HTMLInputElement) => [Number(el.min), Number(el.max)]);
    const y = box.y + box.height / 2;
    // Grab the thumb where the current value puts it, then drag in small steps, back and forth.
    let x = box.x + 8 + ((params.rAmpMv - min) / (max - min)) * (box.width - 16);
    await page.mouse.move(x, y);
    await page.mouse.down();
    const latencies: number[] = [];
    let direction = 1;
    let missed = 0;
    for (let i = 0; i < WARMUP_MOVES + moves; i++) {
      if (x + direction * STEP_PX > box.x + box.width - 10 || x + direction * STEP_PX < box.x + 10) {
        direction = -direction;
      }
      if (i % 40 === 39) direction = -direction;
      x += direction * STEP_PX;
      const latencyMs = await dragStep(page, x, y);
      if (latencyMs === null) missed++;
      else if (i >= WARMUP_MOVES) latencies.push(latencyMs);
    }
    await page.mouse.up();
    if (latencies.length === 0) throw new Error('no paint was measured');

    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (v: number) => Math.round(v * 10) / 10;
    log(
      `moves without repaint: ${missed}; min ${round(sorted[0])} ms, max ${round(sorted[sorted.length - 1])} ms`,
    );
    log(`load average (1 min) ${loadavg()[0].toFixed(2)}`);
    const result = {
      bench: 'slider-latency',
      fsHz: params.fsHz,
      seconds: params.durationS,
      samples: latencies.length,
      p50Ms: round(percentile(sorted, 0.5)),
      p95Ms: round(percentile(sorted, 0.95)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    await studio.close();
  }
}

runMain(main, log);
