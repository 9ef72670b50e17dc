/**
 * The Training lab end to end, at test scale (100 Hz, 5-s windows, ≤ 64 synthetic records, 1 seed,
 * 2 epochs, a tiny CNN): ten CinC 2017 records (5 AF, 5 normal, one patient each) go through the import
 * section, are taken into the lab, and a whole experiment (both regimes) runs in the worker on WebGL and
 * on WebGPU (Chromium with --enable-unsafe-webgpu) up to the results table. Cancel stops a run
 * mid-epoch and leaves no tensor behind; Pause holds a fit where it is and Resume goes on from there.
 */
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import type { TrainFacts } from '../src/types/pqrst-train-test-api.d.ts';
import { HAVE_CINC, importCincTen, MISSING_CINC } from './cinc-data.ts';
import { expect, test } from './fixtures.ts';

// WebGPU is off in headless Chromium unless asked for; WebGL tests pick their backend explicitly.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
  },
});

if (!HAVE_CINC && process.env.REQUIRE_ECG_DATA === '1') {
  test('training lab needs the ECG data folder (REQUIRE_ECG_DATA=1)', () => {
    throw new Error(MISSING_CINC);
  });
}

/** Import the ten records at 100 Hz in 5-s windows, open the lab and take the dataset. */
async function openLabWithData(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => window.__pqrst?.import !== undefined, null, { timeout: 60_000 });
  await importCincTen(page);
  const summary = (await page.evaluate(() => window.__pqrst.import!.getSummary()))!;
  expect(summary.perClass.af.patients).toBe(5);
  expect(summary.perClass.nsr.patients).toBe(5);
  await page.getByText('Training lab', { exact: true }).click();
  await page.waitForFunction(() => window.__pqrst?.train !== undefined);
  await page.getByRole('button', { name: 'Take the imported dataset' }).click();
  await expect(page.getByRole('combobox', { name: /^Real dataset/ })).not.toHaveValue('');
}

/** Fill the test-scale setup. */
async function testScale(page: Page, backend: string, epochs = '2'): Promise<void> {
  const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await fill('Synthetic records per class', '24');
  await fill('Budgets (real windows per class)', '4');
  await fill('Seeds', '1');
  await fill('Model input rate (Hz)', '100');
  await fill('Depth (blocks)', '2');
  await fill('Width (channels)', '8');
  await fill('Epochs (real data)', epochs);
  await fill('Epochs (synthetic pre-training)', epochs);
  await fill('Batch size', '8');
  await page.getByRole('combobox', { name: /^Backend/ }).selectOption(backend);
  await expect(page.getByTestId('train-backend')).toHaveText(`running on ${backend}`, { timeout: 60_000 });
}

/** Within each fit, the worker's tensor count after every epoch is the same. */
function expectFlatTensors(epochs: TrainFacts['epochs']): void {
  const byFit = new Map<string, number[]>();
  for (const e of epochs) byFit.set(e.fit, [...(byFit.get(e.fit) ?? []), e.tensorCount]);
  for (const [fit, counts] of byFit) {
    expect(counts.length, fit).toBeGreaterThanOrEqual(2);
    expect(new Set(counts).size, `${fit}: tensors after each epoch ${counts.join(', ')}`).toBe(1);
  }
}

async function runToResults(page: Page, backend: string): Promise<void> {
  await openLabWithData(page);
  await testScale(page, backend);
  await page.getByRole('button', { name: 'Run experiment' }).click();
  expect(await page.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('done');
  await expect(page.getByTestId('train-results-table')).toBeVisible();
  const state = await page.evaluate(() => window.__pqrst.train!.getState());
  expect(state.backend).toBe(backend);
  expect(state.results.map((r) => `${r.regime} ${r.budget} ${r.seed}`)).toEqual([
    'scratch 4 1',
    'pretrain 4 1',
  ]);
  for (const r of state.results) {
    expect(r.nTest).toBeGreaterThan(0);
    expect(r.metrics.accuracy).toBeGreaterThanOrEqual(0);
    expect(r.trainSha256).toMatch(/^[0-9a-f]{64}$/);
  }
  expect(state.results[1].recipeSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(state.resultsCsv?.split('\n')[0]).toMatch(/^task,arch,regime,budget,seed,f1,auroc,auprc,accuracy/);
  expect(state.models).toHaveLength(2);
  expectFlatTensors(state.epochs);
  const sps = state.epochs.map((e) => Math.round(e.samplesPerSec));
  console.log(`train e2e ${backend}: samples/s per epoch ${sps.join(', ')}`);
  await expect(page.getByTestId('train-budget-plot')).toBeVisible();
}

/**
 * Start a long WebGL experiment (200 epochs, batch 2) and wait for its second epoch; returns the
 * worker's tensor count from before the run.
 */
async function startLongRun(page: Page): Promise<number | null> {
  await openLabWithData(page);
  await testScale(page, 'webgl', '200');
  await page.getByLabel('Batch size', { exact: true }).fill('2');
  const before = await page.evaluate(() => window.__pqrst.train!.tensorCount());
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await page.waitForFunction(() => (window.__pqrst.train!.getState().epochs.length ?? 0) >= 2, null, {
    timeout: 120_000,
  });
  return before;
}

test.describe('training lab on WebGL', () => {
  test.skip(!HAVE_CINC, MISSING_CINC);

  test('a small experiment reaches the results table', async ({ page }) => {
    test.setTimeout(240_000);
    await runToResults(page, 'webgl');
    // Models: save in the browser, download (tfjs downloads:// files + provenance), load back, evaluate.
    await page.getByLabel('Model name').fill('e2e-model');
    await page.getByRole('button', { name: 'Save in the browser' }).click();
    await expect(page.getByTestId('train-model-message')).toHaveText('saved as indexeddb://e2e-model');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect
      .poll(() => [...downloads].sort())
      .toEqual(['e2e-model.json', 'e2e-model.provenance.json', 'e2e-model.weights.bin']);
    const saved = page.getByRole('combobox', { name: /^Saved models/ });
    await saved.focus();
    await expect(saved.locator('option', { hasText: 'e2e-model' })).toHaveCount(1);
    await saved.selectOption('e2e-model');
    await page.getByRole('button', { name: 'Load saved model' }).click();
    await expect(page.getByTestId('train-model-message')).toContainText('loaded indexeddb://e2e-model');
    await page.getByRole('combobox', { name: /^Evaluate on/ }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await expect(page.getByTestId('train-evaluation')).toBeVisible();
    const ev = (await page.evaluate(() => window.__pqrst.train!.getState().evaluation))!;
    const total = ev.confusion.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(ev.nWindows);
    expect(ev.nWindows).toBeGreaterThan(20);
  });

  test('cancel stops a run mid-epoch and frees its tensors', async ({ page }) => {
    test.setTimeout(180_000);
    const before = await startLongRun(page);
    const logged = await page.evaluate(() => window.__pqrst.train!.getState().epochs.length);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('cancelled');
    const state = await page.evaluate(() => window.__pqrst.train!.getState());
    // Stopped inside the epoch that was running: at most the one epoch that ended meanwhile is logged.
    expect(state.epochs.length).toBeLessThanOrEqual(logged + 1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(state.results).toEqual([]);
    expect(await page.evaluate(() => window.__pqrst.train!.tensorCount())).toBe(before);
    await expect(page.getByTestId('train-results-table')).toHaveCount(0);
  });

  test('pause holds a fit mid-epoch, resume goes on from there, cancel while paused stops', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const before = await startLongRun(page);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await page.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('paused');
    await expect(page.getByTestId('train-debug')).toContainText('held before its next batch');
    // Held: after the batch in flight, nothing moves.
    await page.waitForTimeout(1_000);
    const held = await page.evaluate(() => window.__pqrst.train!.getState());
    await page.waitForTimeout(2_000);
    const still = await page.evaluate(() => window.__pqrst.train!.getState());
    expect(still.fraction).toBe(held.fraction);
    expect(still.epochs.length).toBe(held.epochs.length);
    // Resume goes on in the same fit: its epochs continue, not from epoch 1 again.
    const last = held.epochs.at(-1)!;
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(
      (n) => window.__pqrst.train!.getState().epochs.length > n,
      held.epochs.length,
      {
        timeout: 60_000,
      },
    );
    const next = (await page.evaluate(() => window.__pqrst.train!.getState())).epochs[held.epochs.length];
    expect(next.fit).toBe(last.fit);
    expect(next.epoch).toBe(last.epoch + 1);
    // Cancel while paused ends the run and frees its tensors.
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await page.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('paused');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__pqrst.train!.getState().phase), { timeout: 10_000 })
      .toBe('cancelled');
    expect(await page.evaluate(() => window.__pqrst.train!.tensorCount())).toBe(before);
  });
});

test.describe('training lab on WebGPU', () => {
  test.skip(!HAVE_CINC, MISSING_CINC);

  test('a small experiment reaches the results table', async ({ page }) => {
    test.setTimeout(240_000);
    await runToResults(page, 'webgpu');
  });
});
