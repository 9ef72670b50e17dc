/**
 * What the Training lab and the Dataset builder make is kept: (a) a kept import, a saved preset, a
 * finished tiny experiment and a saved model are all there after a reload (the restored windows are
 * the imported ones, the results table shows the same numbers, the model loads, also after export,
 * clear and import); (b) a page closed mid-experiment reopens with the finished runs, Resume runs only
 * the rest and ends with the numbers of an uninterrupted run, and Discard removes an interrupted run;
 * (c) a kept recipe is listed after a reload and loads back into the builder with the same values.
 * Test scale as e2e/train.spec.ts: ten CinC 2017 records at 100 Hz in 5-s windows, a tiny CNN, 2 epochs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { TrainFacts } from '../src/types/pqrst-train-test-api.d.ts';
import type {} from '../src/types/pqrst-workspace-runs-test-api.d.ts';
import type {} from '../src/types/pqrst-workspace-test-api.d.ts';
import { HAVE_CINC, importCincTen, MISSING_CINC } from './cinc-data.ts';
import { expect, test } from './fixtures.ts';

if (!HAVE_CINC && process.env.REQUIRE_ECG_DATA === '1') {
  test('kept runs need the ECG data folder (REQUIRE_ECG_DATA=1)', () => {
    throw new Error(MISSING_CINC);
  });
}

async function kept(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pqrstKept !== undefined && window.__pqrstWorkspace !== undefined);
  await page.evaluate(() => window.__pqrstWorkspace!.whenSettled());
  await page.evaluate(() => window.__pqrstKept!.whenSaved());
}

function kinds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__pqrstWorkspace!.list()
      .map((m) => m.kind)
      .sort(),
  );
}

/** Import the ten records (100 Hz, 5-s windows), keep them in the workspace; returns the windows' digest. */
async function importAndKeep(page: Page): Promise<string> {
  await page.goto('/');
  await page.waitForFunction(() => window.__pqrst?.import !== undefined, null, { timeout: 60_000 });
  await kept(page);
  await importCincTen(page);
  const digest = await page.evaluate(() => window.__pqrstWorkspace!.currentImportDigest());
  await page.getByRole('button', { name: 'Keep in workspace' }).click();
  await expect(page.getByTestId('workspace-items').locator('tr[data-kind="import"]')).toHaveCount(1);
  return digest.windows;
}

/** Open the lab, take the import, fill the test-scale setup with `seeds`. */
async function setUpLab(page: Page, seeds: string): Promise<void> {
  await page.getByText('Training lab', { exact: true }).click();
  await page.waitForFunction(() => window.__pqrst?.train !== undefined);
  await page.getByRole('button', { name: 'Take the imported dataset' }).click();
  await expect(page.getByRole('combobox', { name: /^Real dataset/ })).not.toHaveValue('');
  const lab = page.getByRole('region', { name: 'Training lab' });
  const fill = async (label: string, value: string) => lab.getByLabel(label, { exact: true }).fill(value);
  await fill('Synthetic records per class', '24');
  await fill('Budgets (real windows per class)', '4');
  await fill('Seeds', seeds);
  await fill('Model input rate (Hz)', '100');
  await fill('Depth (blocks)', '2');
  await fill('Width (channels)', '8');
  await fill('Epochs (real data)', '2');
  await fill('Epochs (synthetic pre-training)', '2');
  await fill('Batch size', '8');
  await lab.getByRole('combobox', { name: /^Backend/ }).selectOption('webgl');
  await expect(page.getByTestId('train-backend')).toHaveText('running on webgl', { timeout: 60_000 });
}

function state(page: Page): Promise<TrainFacts> {
  return page.evaluate(() => window.__pqrst.train!.getState());
}

/** Each run's key and its reproducible numbers. */
function numbers(results: TrainFacts['results']): Record<string, unknown> {
  return Object.fromEntries(
    results.map((r) => [
      `${r.task} ${r.arch} ${r.regime} ${r.budget} ${r.seed}`,
      { metrics: r.metrics, nTrain: r.nTrain, nTest: r.nTest, epochs: r.epochs, sha: r.trainSha256 },
    ]),
  );
}

test.describe('kept work', () => {
  test.skip(!HAVE_CINC, MISSING_CINC);

  test('an import, a preset, a finished experiment and a saved model are there after a reload', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? 'e2e-renamed' : undefined));
    const windows = await importAndKeep(page);
    await page.evaluate(() => window.__pqrst.setParams({ pAmpMv: 0.3 }));
    await page.getByLabel('Preset name').fill('tall P');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await setUpLab(page, '1');
    await page.getByRole('button', { name: 'Run experiment' }).click();
    expect(await page.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('done');
    const before = await state(page);
    expect(before.results).toHaveLength(2);
    await page.getByLabel('Model name').fill('e2e-model');
    await page.getByRole('button', { name: 'Save in the browser' }).click();
    await expect(page.getByTestId('train-model-message')).toHaveText('saved as indexeddb://e2e-model');
    await expect(page.getByTestId('workspace-items').locator('tr[data-kind="model"]')).toHaveCount(1);
    await kept(page);
    expect(await kinds(page)).toEqual(['import', 'model', 'preset', 'run']);
    expect((await page.evaluate(() => window.__pqrstKept!.runs())).map((r) => r.status)).toEqual(['done']);

    await page.reload();
    await kept(page);
    expect(await kinds(page)).toEqual(['import', 'model', 'preset', 'run']);
    const importName = await page.evaluate(
      () => window.__pqrstWorkspace!.list().find((m) => m.kind === 'import')!.name,
    );
    // The restored windows are the imported ones, in the lab's datasets (usable for training).
    const restored = await page.evaluate(
      (name) => window.__pqrstWorkspace!.trainDatasetDigest(`kept: ${name}`),
      importName,
    );
    expect(restored?.digest).toBe(windows);
    await expect(page.locator('#saved-presets option', { hasText: 'tall P' })).toHaveCount(1);
    // The finished experiment: same numbers in the results table, files to download.
    await page.getByText('Training lab', { exact: true }).click();
    await page.waitForFunction(() => window.__pqrst?.train !== undefined);
    await expect(page.getByTestId('train-results-table')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download results.csv' })).toBeVisible();
    const after = await state(page);
    expect(numbers(after.results)).toEqual(numbers(before.results));
    expect(after.resultsCsv).toBe(before.resultsCsv);
    await expect(
      page.getByRole('combobox', { name: /^Real dataset/ }).locator('option', { hasText: 'kept: ' }),
    ).toHaveCount(1);

    // The model: listed with its size, renamed in the panel, loads under its new name.
    const model = page.getByTestId('workspace-items').locator('tr[data-kind="model"]');
    await expect(model).toContainText('e2e-model');
    const modelBytes = await page.evaluate(
      () => window.__pqrstWorkspace!.list().find((m) => m.kind === 'model')!.sizeBytes,
    );
    expect(modelBytes).toBeGreaterThan(4 * 1000); // the weights (float32) and the topology
    await model.getByRole('button', { name: 'Rename model e2e-model' }).click();
    await expect(model).toContainText('e2e-renamed');
    const saved = page.getByRole('combobox', { name: /^Saved models/ });
    await saved.focus();
    await expect(saved.locator('option', { hasText: 'e2e-renamed' })).toHaveCount(1);
    await expect(saved.locator('option', { hasText: 'e2e-model' })).toHaveCount(0);

    // Export, clear (the model's indexeddb:// copy goes too), import: the model loads again.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace' }).click();
    const archivePath = testInfo.outputPath('workspace.pqrstws');
    await (await downloading).saveAs(archivePath);
    expect(readFileSync(archivePath).readUInt32LE(8)).toBe(2);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page.getByTestId('workspace-empty')).toBeVisible();
    await page.getByLabel('Model name').focus();
    await saved.focus();
    await expect(saved.locator('option', { hasText: 'e2e-renamed' })).toHaveCount(0);
    const copy = testInfo.outputPath('copy.pqrstws');
    writeFileSync(copy, readFileSync(archivePath));
    await page.getByLabel('Import workspace file').setInputFiles(copy);
    await expect(page.getByTestId('workspace-message')).toContainText('Imported 4 items from copy.pqrstws');
    await kept(page);
    expect(await kinds(page)).toEqual(['import', 'model', 'preset', 'run']);
    await page.getByLabel('Model name').focus();
    await saved.focus();
    await expect(saved.locator('option', { hasText: 'e2e-renamed' })).toHaveCount(1);
    await saved.selectOption('e2e-renamed');
    await page.getByRole('button', { name: 'Load saved model' }).click();
    await expect(page.getByTestId('train-model-message')).toContainText('loaded indexeddb://e2e-renamed');
  });

  test('a page closed mid-experiment reopens with the finished runs; Resume completes it as if never stopped', async ({
    page,
    context,
  }) => {
    test.setTimeout(480_000);
    await importAndKeep(page);
    await setUpLab(page, '1, 2');
    await page.getByRole('button', { name: 'Run experiment' }).click();
    await page.waitForFunction(() => window.__pqrst.train!.getState().results.length >= 1, null, {
      timeout: 240_000,
    });
    await page.evaluate(() => window.__pqrstKept!.whenSaved());
    const finishedPart = numbers((await state(page)).results);
    expect(Object.keys(finishedPart).length).toBeLessThan(4);
    await page.close();

    const again = await context.newPage();
    await again.goto('/');
    await kept(again);
    // The lab opens by itself on the interrupted experiment, with what finished.
    await again.waitForFunction(() => window.__pqrst?.train !== undefined);
    const banner = again.getByTestId('train-kept-run');
    await expect(banner).toContainText('Interrupted experiment');
    await expect(banner).toContainText('of 4 runs finished');
    const runRow = again.getByTestId('workspace-items').locator('tr[data-kind="run"]');
    await expect(runRow).toContainText(/interrupted: \d of 4 runs finished/);
    await expect(again.getByTestId('train-results-table')).toBeVisible();
    const shown = numbers((await state(again)).results);
    expect(Object.keys(shown).length).toBeGreaterThanOrEqual(Object.keys(finishedPart).length);
    for (const [key, value] of Object.entries(finishedPart)) expect(shown[key]).toEqual(value);

    await banner.getByRole('button', { name: 'Resume' }).click();
    expect(await again.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('done');
    const resumed = numbers((await state(again)).results);
    expect(Object.keys(resumed)).toHaveLength(4);
    await expect(runRow).toContainText('done');
    for (const [key, value] of Object.entries(shown)) expect(resumed[key]).toEqual(value);
    await kept(again);
    expect((await again.evaluate(() => window.__pqrstKept!.runs())).map((r) => r.status)).toEqual(['done']);

    // The same config uninterrupted gives the same numbers.
    await again.getByRole('button', { name: 'Run experiment' }).click();
    expect(await again.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('done');
    expect(numbers((await state(again)).results)).toEqual(resumed);

    // Discard: a paused experiment is interrupted after a reload, and Discard removes it.
    await kept(again);
    await again.getByRole('button', { name: 'Run experiment' }).click();
    await again.waitForFunction(() => window.__pqrst.train!.getState().epochs.length >= 1, null, {
      timeout: 120_000,
    });
    await again.getByRole('button', { name: 'Pause' }).click();
    expect(await again.evaluate(() => window.__pqrst.train!.whenSettled())).toBe('paused');
    await kept(again);
    expect((await again.evaluate(() => window.__pqrstKept!.runs())).map((r) => r.status).sort()).toEqual([
      'done',
      'done',
      'paused',
    ]);
    await again.reload();
    await kept(again);
    await expect(again.getByTestId('train-kept-run')).toContainText('Interrupted experiment');
    await again.getByTestId('train-kept-run').getByRole('button', { name: 'Discard' }).click();
    await expect(again.getByTestId('train-kept-run')).toHaveCount(0);
    await kept(again);
    expect((await again.evaluate(() => window.__pqrstKept!.runs())).map((r) => r.status)).toEqual([
      'done',
      'done',
    ]);
  });

  test('a kept recipe is listed after a reload and loads back into the builder', async ({ page }) => {
    await page.goto('/');
    await kept(page);
    const panel = page.getByRole('region', { name: 'Build a synthetic dataset' });
    await panel.getByRole('textbox', { name: 'Duration of each record (s)' }).fill('4');
    await panel.getByRole('textbox', { name: 'Sampling rate of the records (Hz)' }).fill('250');
    await panel.getByRole('textbox', { name: 'Dataset seed' }).fill('7');
    await panel.getByRole('combobox', { name: 'Output format' }).selectOption('npy');
    const recipe = await page.evaluate(() => window.__pqrst.dataset!.getRecipe());
    expect(recipe).not.toBeNull();
    await panel.getByLabel('Recipe name').fill('seven at 250');
    await panel.getByRole('button', { name: 'Keep recipe in workspace' }).click();
    await expect(page.getByTestId('workspace-items').locator('tr[data-kind="recipe"]')).toHaveCount(1);

    await page.reload();
    await kept(page);
    const row = page.getByTestId('workspace-items').locator('tr[data-kind="recipe"]');
    await expect(row).toContainText('seven at 250');
    await expect(panel.getByRole('textbox', { name: 'Dataset seed' })).not.toHaveValue('7');
    await row.getByRole('button', { name: 'Load recipe seven at 250 into the builder' }).click();
    await expect(panel.getByRole('textbox', { name: 'Dataset seed' })).toHaveValue('7');
    await expect(panel.getByRole('textbox', { name: 'Sampling rate of the records (Hz)' })).toHaveValue(
      '250',
    );
    await expect(panel.getByRole('combobox', { name: 'Output format' })).toHaveValue('npy');
    expect(await page.evaluate(() => window.__pqrst.dataset!.getRecipe())).toEqual(recipe);
  });
});
