/**
 * The studio's Dataset builder end to end: a dataset built (or loaded from a recipe) in the browser and
 * exported from its workers is byte for byte the archive `pqrst generate --recipe recipe.json --zip`
 * writes in Node, and Debian's `unzip -t` accepts it; Cancel leaves no complete-looking file (neither a
 * download nor a replaced picked file); a bad recipe file is refused naming the field. The fixtures'
 * guard also fails any test whose page made a request beyond its origin.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { GENERATOR_VERSION } from '../src/synth/index.ts';
import type {} from '../src/types/pqrst-dataset-test-api.d.ts';
import { expect, test } from './fixtures.ts';

const UNZIP = '/usr/bin/unzip';

let tmp = '';
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pqrst-export-e2e-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `pqrst generate --recipe FILE --zip` in Node: the archive's bytes. */
function cliArchive(recipePath: string, name: string): Buffer {
  const out = join(tmp, name);
  execFileSync(
    process.execPath,
    ['bin/pqrst.js', 'generate', '--recipe', recipePath, '--out', out, '--zip', '--workers', '1', '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return readFileSync(out);
}

/** `unzip -t` of `path` (skipped, with a note, where Debian's unzip is missing). */
function unzipTest(path: string): void {
  if (!existsSync(UNZIP)) {
    test.info().annotations.push({ type: 'note', description: `${UNZIP} missing: unzip -t not run` });
    return;
  }
  const report = execFileSync(UNZIP, ['-t', path], { encoding: 'utf8' });
  expect(report).toContain('No errors detected');
}

async function saved(download: Download, name: string): Promise<string> {
  const path = join(tmp, name);
  await download.saveAs(path);
  return path;
}

function panelOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Build a synthetic dataset' });
}

function whenDatasetIdle(page: Page): Promise<void> {
  return page.evaluate(() => window.__pqrst.dataset!.whenIdle());
}

/** Choose the classes: those named get `count` records, the others are left out. */
async function chooseClasses(panel: Locator, counts: Record<string, number>): Promise<void> {
  for (const c of ['nsr', 'af', 'afl', 'pvc', 'wpw']) {
    const box = panel.getByRole('checkbox', { name: `Include ${c}`, exact: true });
    if (c in counts) {
      await box.check();
      await panel.getByRole('textbox', { name: `Records of ${c}`, exact: true }).fill(String(counts[c]));
    } else {
      await box.uncheck();
    }
  }
}

/** Export to the browser's downloads; the archive's path. */
async function exportToDownload(page: Page, panel: Locator, name: string): Promise<string> {
  await panel.getByRole('radio', { name: /browser's downloads/ }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.getByRole('button', { name: 'Export dataset (.zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pqrst-.*\.zip$/);
  return saved(download, name);
}

/** Make `showSaveFilePicker` return file `picked/NAME` of the origin-private file system (no dialog). */
async function stubFilePicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: {
      suggestedName: string;
    }) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('picked', { create: true });
      return dir.getFileHandle(options.suggestedName, { create: true });
    };
  });
}

/** The files of folder `path` (a/b) of the page's origin-private file system, with their bytes (base64). */
function storedFiles(page: Page, path: string): Promise<Record<string, string>> {
  return page.evaluate(async (folderPath) => {
    let dir = await navigator.storage.getDirectory();
    for (const part of folderPath.split('/')) {
      try {
        dir = await dir.getDirectoryHandle(part);
      } catch {
        return {};
      }
    }
    const out: Record<string, string> = {};
    const entries = dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> };
    for await (const [name, handle] of entries.entries()) {
      if (handle.kind !== 'file') continue;
      const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out[name] = btoa(text);
    }
    return out;
  }, path);
}

/** The current recipe of the builder, written to a file for the CLI. */
async function recipeFile(page: Page, name: string): Promise<string> {
  const recipe = await page.evaluate(() => window.__pqrst.dataset!.getRecipe());
  expect(recipe).not.toBeNull();
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(recipe, null, 2) + '\n');
  return path;
}

/** Start an export of 20,000 nsr records and cancel it once the first rows are written. */
/**
 * Export 20,000 nsr records and press Cancel once `atLeastRows` of them are done (and before the end).
 */
async function startAndCancel(page: Page, panel: Locator, atLeastRows = 1): Promise<void> {
  await chooseClasses(panel, { nsr: 20_000 });
  await whenDatasetIdle(page);
  await panel.getByRole('button', { name: 'Export dataset (.zip)' }).click();
  await expect
    .poll(() => page.evaluate(() => window.__pqrst.dataset!.getProgress()?.doneRows ?? 0), {
      timeout: 60_000,
      intervals: [50],
    })
    .toBeGreaterThanOrEqual(atLeastRows);
  const progress = await page.evaluate(() => window.__pqrst.dataset!.getProgress());
  expect(progress!.doneRows).toBeLessThan(progress!.totalRows);
  await expect(panel.getByTestId('dataset-progress-text')).toContainText('records/s');
  await panel.getByRole('button', { name: 'Cancel export' }).click();
  await whenDatasetIdle(page);
  expect(await page.evaluate(() => window.__pqrst.dataset!.getLastExport()?.phase)).toBe('cancelled');
}

test.describe('the Dataset builder', () => {
  test('an npy dataset built in the browser is byte-identical to pqrst generate --recipe', async ({
    studio,
    page,
  }) => {
    await studio.open();
    const panel = panelOf(page);
    await chooseClasses(panel, { nsr: 3, pvc: 3 });
    await panel.getByRole('textbox', { name: 'Duration of each record (s)' }).fill('4');
    await panel.getByRole('textbox', { name: 'Sampling rate of the records (Hz)' }).fill('250');
    await panel.getByRole('textbox', { name: 'Dataset seed' }).fill('7');
    await panel.getByRole('combobox', { name: 'Output format' }).selectOption('npy');
    await panel.getByRole('checkbox', { name: 'Train/validation split' }).check();
    await panel.getByRole('textbox', { name: 'Validation fraction (0-1)' }).fill('0.34');
    // pvc takes the studio's current parameters (a taller R wave than the preset's).
    expect(await page.evaluate(() => window.__pqrst.setParams({ rAmpMv: 1.45, pvcBurdenPct: 20 }))).toBe(
      true,
    );
    await panel.getByRole('button', { name: "Use the studio's current parameters for pvc" }).click();
    await expect(panel.getByTestId('dataset-source-pvc')).toContainText("studio's parameters");
    await whenDatasetIdle(page);

    const recipe = await page.evaluate(() => window.__pqrst.dataset!.getRecipe());
    expect(recipe?.preset).toBe('custom');
    expect(recipe?.classes.map((c) => [c.className, c.count, c.params.rAmpMv])).toEqual([
      ['nsr', 3, 1.1],
      ['pvc', 3, 1.45],
    ]);
    const preview = await page.evaluate(() => window.__pqrst.dataset!.getPreview());
    expect(preview?.classes.map((c) => c.names)).toEqual([
      ['nsr_000000', 'nsr_000001', 'nsr_000002'],
      ['pvc_000000', 'pvc_000001', 'pvc_000002'],
    ]);
    expect(preview?.classes[0].samples).toEqual([1000, 1000, 1000]);

    const [recipeDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download recipe.json' }).click(),
    ]);
    const recipePath = await saved(recipeDownload, 'npy-recipe.json');
    const zipPath = await exportToDownload(page, panel, 'npy-browser.zip');
    await expect(panel.getByTestId('dataset-outcome')).toContainText(
      'Downloaded pqrst-nsr-pvc-npy-seed7.zip',
    );

    const browser = readFileSync(zipPath);
    const node = cliArchive(recipePath, 'npy-cli.zip');
    expect(browser.length).toBe(node.length);
    expect(browser.equals(node)).toBe(true);
    unzipTest(zipPath);
    const facts = await page.evaluate(() => window.__pqrst.dataset!.getLastExport());
    expect(facts?.phase).toBe('done');
    expect(facts?.archiveBytes).toBe(browser.length);
    expect(facts?.estimatedBytes).toBe(browser.length); // npy: the size is known exactly
    // Nothing is left in the browser's storage but the finished archive.
    const stored = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('pqrst-exports');
      const names: string[] = [];
      for await (const key of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(key);
      return names;
    });
    expect(stored).toEqual(['pqrst-nsr-pvc-npy-seed7.zip']);
  });

  test('a wfdb recipe made by the CLI, loaded in the browser, regenerates the CLI archive', async ({
    studio,
    page,
  }) => {
    const recipePath = join(tmp, 'wfdb-recipe.json');
    execFileSync(process.execPath, [
      'bin/pqrst.js',
      'generate',
      '--class',
      'af,wpw',
      '--count',
      '3',
      '--seconds',
      '5',
      '--fs',
      '360',
      '--seed',
      '11',
      '--format',
      'wfdb',
      '--preset',
      'nonaka2026',
      '--split',
      '0.3',
      '--recipe-out',
      recipePath,
    ]);
    await studio.open();
    const panel = panelOf(page);
    await panel.getByLabel('Load recipe (JSON)').setInputFiles(recipePath);
    await expect(panel.getByTestId('dataset-loaded')).toContainText('regenerates its data byte for byte');
    await expect(panel.getByRole('textbox', { name: 'Records of af', exact: true })).toHaveValue('3');
    await expect(panel.getByRole('combobox', { name: 'Output format' })).toHaveValue('wfdb');
    await expect(panel.getByRole('combobox', { name: 'Preset of the classes' })).toHaveValue('nonaka2026');
    await whenDatasetIdle(page);
    const recipe = await page.evaluate(() => window.__pqrst.dataset!.getRecipe());
    expect(JSON.stringify(recipe, null, 2) + '\n').toBe(readFileSync(recipePath, 'utf8'));

    const zipPath = await exportToDownload(page, panel, 'wfdb-browser.zip');
    const browser = readFileSync(zipPath);
    const node = cliArchive(recipePath, 'wfdb-cli.zip');
    expect(browser.equals(node)).toBe(true);
    unzipTest(zipPath);
    const listing = execFileSync(UNZIP, ['-Z1', zipPath], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.slice(0, 4)).toEqual(['recipe.json', 'README.txt', 'labels.csv', 'wfdb/RECORDS']);
    expect(listing).toContain('wfdb/wpw_000002.atr');
    expect(listing.length).toBe(4 + 6 * 4);
  });
  test('writing into a picked file gives the same bytes as the CLI', async ({ studio, page }) => {
    await stubFilePicker(page);
    await studio.open();
    const panel = panelOf(page);
    await chooseClasses(panel, { afl: 2, wpw: 3 });
    await panel.getByRole('combobox', { name: 'Noise' }).selectOption('none');
    await panel.getByRole('combobox', { name: 'Preset of the classes' }).selectOption('nonaka2026');
    await whenDatasetIdle(page);
    const radio = panel.getByRole('radio', { name: /a file you choose/ });
    await expect(radio).toBeChecked(); // the default where the browser can write a picked file
    await panel.getByRole('button', { name: 'Export dataset (.zip)' }).click();
    await whenDatasetIdle(page);
    const facts = await page.evaluate(() => window.__pqrst.dataset!.getLastExport());
    expect(facts?.phase).toBe('done');
    expect(facts?.destination).toBe('file');
    await expect(panel.getByTestId('dataset-outcome')).toContainText(`Wrote ${facts!.fileName}`);
    const files = await storedFiles(page, 'picked');
    expect(Object.keys(files)).toEqual([facts!.fileName]);
    const browser = Buffer.from(files[facts!.fileName], 'base64');
    const node = cliArchive(await recipeFile(page, 'picked-recipe.json'), 'picked-cli.zip');
    expect(browser.equals(node)).toBe(true);
    expect(facts?.archiveBytes).toBe(node.length);
    const zipPath = join(tmp, 'picked-browser.zip');
    writeFileSync(zipPath, browser);
    unzipTest(zipPath);
  });

  test('Cancel while writing a picked file leaves its old contents', async ({ studio, page }) => {
    await stubFilePicker(page);
    await studio.open();
    const panel = panelOf(page);
    const name = 'pqrst-nsr-npy-seed1.zip';
    await page.evaluate(async (fileName) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('picked', { create: true });
      const writable = await (await dir.getFileHandle(fileName, { create: true })).createWritable();
      await writable.write('an older archive');
      await writable.close();
    }, name);
    // 4,000 records are 80 MB, of which at least two 16-MiB staging segments were written and copied.
    await startAndCancel(page, panel, 4000);
    await expect(panel.getByTestId('dataset-outcome')).toContainText(`${name} was not written`);
    const files = await storedFiles(page, 'picked');
    expect(Object.keys(files)).toEqual([name]);
    expect(Buffer.from(files[name], 'base64').toString()).toBe('an older archive');
    expect(await storedFiles(page, 'pqrst-export-staging')).toEqual({});
  });

  test('Cancel before the download removes the partial archive and downloads nothing', async ({
    studio,
    page,
  }) => {
    await studio.open();
    const panel = panelOf(page);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await panel.getByRole('radio', { name: /browser's downloads/ }).check();
    await startAndCancel(page, panel);
    await expect(panel.getByTestId('dataset-outcome')).toContainText('the partial archive was removed');
    expect(await storedFiles(page, 'pqrst-exports')).toEqual({});
    expect(downloads).toEqual([]);
  });

  test('bad choices and bad recipe files are refused, naming the control or the field', async ({
    studio,
    page,
  }) => {
    await studio.open();
    const panel = panelOf(page);
    const duration = panel.getByRole('textbox', { name: 'Duration of each record (s)' });
    await duration.fill('0.5');
    await expect(panel.getByTestId('dataset-form-error')).toHaveText(
      "Duration of each record (s): expected a number from 1 to 600, got '0.5'",
    );
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByRole('button', { name: 'Export dataset (.zip)' })).toBeDisabled();
    await duration.fill('10');
    await panel.getByRole('textbox', { name: 'Records of nsr', exact: true }).fill('-3');
    await expect(panel.getByTestId('dataset-form-error')).toContainText(
      'Records of nsr: expected an integer',
    );
    await panel.getByRole('textbox', { name: 'Records of nsr', exact: true }).fill('5');
    // Keyboard: Space on a focused class checkbox includes the class.
    await panel.getByRole('checkbox', { name: 'Include wpw', exact: true }).focus();
    await page.keyboard.press('Space');
    await expect(panel.getByRole('checkbox', { name: 'Include wpw', exact: true })).toBeChecked();
    await expect(panel.getByTestId('dataset-form-error')).toHaveCount(0);
    await whenDatasetIdle(page);
    const before = await page.evaluate(() => window.__pqrst.dataset!.getRecipe());
    expect(before?.classes.map((c) => c.className)).toEqual(['nsr', 'af', 'wpw']);

    const upload = panel.getByLabel('Load recipe (JSON)');
    const load = async (name: string, json: unknown) => {
      const text = typeof json === 'string' ? json : JSON.stringify(json);
      await upload.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    const alert = panel.getByTestId('dataset-load-error');
    await load('count.json', {
      ...before,
      classes: [before!.classes[0], { ...before!.classes[1], count: 2.5 }],
    });
    await expect(alert).toHaveText(
      'Refused count.json: classes[1].count: expected an integer from 0 to 10000000, got 2.5',
    );
    const params = { ...before!.classes[0].params, pAmpMv: 'tall' };
    await load('param.json', { ...before, classes: [{ ...before!.classes[0], params }] });
    await expect(alert).toContainText('Refused param.json: classes[0].params.pAmpMv:');
    await load('old.json', { ...before, generatorVersion: '0.0.1' });
    await expect(alert).toContainText('Refused old.json: generatorVersion:');
    await expect(alert).toContainText('generator version 0.0.1');
    await expect(alert).toContainText(`generator version ${GENERATOR_VERSION}`);
    await load('broken.json', '{"format": "pqrst-recipe",');
    await expect(alert).toContainText('Refused broken.json: (json): not valid JSON');
    // The form is kept.
    expect(await page.evaluate(() => window.__pqrst.dataset!.getRecipe())).toEqual(before);
  });
  test('without the File System Access API, a writer worker writes private storage, then it downloads', async ({
    studio,
    page,
  }) => {
    // As in Safari: no file picker, and no createWritable on the page (only sync handles in workers).
    await page.addInitScript(() => {
      delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      delete (FileSystemFileHandle.prototype as { createWritable?: unknown }).createWritable;
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await studio.open();
    const panel = panelOf(page);
    await expect(panel.getByRole('radio', { name: /a file you choose/ })).toBeDisabled();
    await expect(panel.getByRole('radio', { name: /browser's downloads/ })).toBeChecked();
    await chooseClasses(panel, { nsr: 2, af: 2 });
    await panel.getByRole('textbox', { name: 'Duration of each record (s)' }).fill('2');
    await panel.getByRole('combobox', { name: 'Output format' }).selectOption('csv');
    await whenDatasetIdle(page);
    const zipPath = await exportToDownload(page, panel, 'csv-browser.zip');
    const browser = readFileSync(zipPath);
    const node = cliArchive(await recipeFile(page, 'csv-recipe.json'), 'csv-cli.zip');
    expect(browser.equals(node)).toBe(true);
    unzipTest(zipPath);
    expect(workers.filter((url) => url.includes('export-writer.worker'))).toHaveLength(1);
  });
  for (const staged of [true, false]) {
    const how = staged
      ? 'staged in many 16-MiB segments (no segment left after)'
      : 'written straight into its stream (staging refused)';
    test(`a picked file ${how} equals the CLI archive`, async ({ studio, page }) => {
      await stubFilePicker(page);
      if (!staged) {
        // Private storage refuses the staging folder: the export falls back to the stream alone.
        await page.addInitScript(() => {
          const proto = FileSystemDirectoryHandle.prototype;
          const get = proto.getDirectoryHandle;
          proto.getDirectoryHandle = function (name, options) {
            if (name === 'pqrst-export-staging')
              return Promise.reject(new DOMException('refused', 'SecurityError'));
            return get.call(this, name, options);
          };
        });
      }
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await studio.open();
      const panel = panelOf(page);
      await chooseClasses(panel, { nsr: 1600, af: 1000 }); // 52 MB of signals: four segments (or blocks)
      await panel.getByRole('combobox', { name: 'Output format' }).selectOption('npy');
      await whenDatasetIdle(page);
      await panel.getByRole('button', { name: 'Export dataset (.zip)' }).click();
      await whenDatasetIdle(page);
      const facts = await page.evaluate(() => window.__pqrst.dataset!.getLastExport());
      expect([facts?.phase, facts?.destination]).toEqual(['done', 'file']);
      const digest = await page.evaluate(async (name) => {
        const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('picked');
        const bytes = await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer();
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        return {
          length: bytes.byteLength,
          sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join(''),
        };
      }, facts!.fileName);
      const node = cliArchive(await recipeFile(page, `picked-${staged}-recipe.json`), `picked-${staged}.zip`);
      expect(node.length).toBeGreaterThan(3 * 16 * 2 ** 20);
      expect(digest).toEqual({
        length: node.length,
        sha256: createHash('sha256').update(node).digest('hex'),
      });
      // Staging writes through the writer worker; the stream alone needs none.
      expect(workers.filter((url) => url.includes('export-writer.worker'))).toHaveLength(staged ? 1 : 0);
      expect(await storedFiles(page, 'pqrst-export-staging')).toEqual({});
    });
  }
  for (const [output, counts, seconds] of [
    ['npy', { nsr: 500, af: 300 }, '10'],
    ['wfdb', { pvc: 700, wpw: 500 }, '2'],
  ] as const) {
    test(`a larger ${output} dataset (many batches, buffers reused by the workers) equals the CLI's`, async ({
      studio,
      page,
    }) => {
      await studio.open();
      const panel = panelOf(page);
      await chooseClasses(panel, counts);
      await panel.getByRole('textbox', { name: 'Duration of each record (s)' }).fill(seconds);
      await panel.getByRole('combobox', { name: 'Output format' }).selectOption(output);
      await whenDatasetIdle(page);
      const zipPath = await exportToDownload(page, panel, `large-${output}-browser.zip`);
      const facts = await page.evaluate(() => window.__pqrst.dataset!.getLastExport());
      expect(facts?.rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
      // The workers' encoding time is a share of the export's time (all of it at most).
      expect(facts!.workerBusyShare).toBeGreaterThan(0);
      expect(facts!.workerBusyShare).toBeLessThanOrEqual(1);
      const node = cliArchive(
        await recipeFile(page, `large-${output}-recipe.json`),
        `large-${output}-cli.zip`,
      );
      expect(readFileSync(zipPath).equals(node)).toBe(true);
      unzipTest(zipPath);
    });
  }
});
