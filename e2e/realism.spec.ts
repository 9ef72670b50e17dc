/**
 * The studio's Realism view end to end: MIT-BIH record 100 is imported (180 nsr windows of 10 s at
 * 500 Hz) and compared with synthetic nsr windows from the studio's parameters in the realism worker.
 * The page shows finite Wasserstein distances and an AUROC in [0, 1]; the downloaded archive holds
 * report.json (the numbers shown), the SVG figures and the synthetic set's recipe.json. From the same
 * inputs in Node (the import's downloaded signals.npy + labels.csv, and `pqrst generate --recipe` of that
 * recipe.json), `pqrst realism` writes the same report.json and figures: the interval statistics
 * exactly, the spectra to 1e-9 (relative: the browser's math library and Node's may differ in the last
 * bit), the classifier test's split the same and its AUROC within 0.1 (the browser's WASM and Node's
 * may round differently). A class the import has no or too few windows of is refused naming the
 * counts, and Cancel stops a running comparison.
 * Needs the real data folder (e2e/import-data.ts); skipped without it, failing under REQUIRE_ECG_DATA=1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import type { RealismReport } from '../src/analysis/realism/index.ts';
import { readZipDirectory, zipEntryData } from '../src/io/zip-read.ts';
import type {} from '../src/types/pqrst-realism-test-api.d.ts';
import { expect, test } from './fixtures.ts';
import {
  EDF_201,
  HAVE_DATA,
  MISSING,
  MITDB,
  openImport,
  requireDataOrFail,
  upload,
  whenImportIdle,
} from './import-data.ts';

requireDataOrFail();

let tmp = '';
test.beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'pqrst-realism-e2e-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Import MIT-BIH 100 (180 nsr windows), with the 60-s AF excerpt of 201 (6 af windows) when `withAf`. */
async function importRecord100(page: Page, withAf = false): Promise<void> {
  await openImport(page);
  const files = ['hea', 'dat', 'atr'].map((ext) => upload(path.join(MITDB, `100.${ext}`)));
  await page.getByLabel('ECG files').setInputFiles(withAf ? [...files, upload(EDF_201)] : files);
  await page.waitForFunction(() => window.__pqrst.import!.getSummary() !== null, null, { timeout: 90_000 });
  await whenImportIdle(page);
}

async function whenRealismIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pqrst?.realism !== undefined);
  await page.evaluate(() => window.__pqrst.realism!.whenIdle());
}

/** Save the downloads named `names` that clicking `click` starts into `dir`. */
async function downloads(
  page: Page,
  names: string[],
  dir: string,
  click: () => Promise<void>,
): Promise<void> {
  const got = new Map<string, Download>();
  const listen = (d: Download) => void got.set(d.suggestedFilename(), d);
  page.on('download', listen);
  await click();
  await expect.poll(() => [...got.keys()].sort(), { timeout: 60_000 }).toEqual([...names].sort());
  page.off('download', listen);
  mkdirSync(dir, { recursive: true });
  for (const [name, d] of got) await d.saveAs(path.join(dir, name));
}

function node(args: string[]): void {
  execFileSync(process.execPath, ['bin/pqrst.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

test.describe('realism of synthetic nsr against MIT-BIH 100', () => {
  test.skip(!HAVE_DATA, MISSING);

  test('the report is shown, exported, and equals the CLI on the same inputs', async ({ page }) => {
    test.setTimeout(300_000);
    await importRecord100(page);
    const panel = page.getByRole('region', { name: 'Realism', exact: true });
    await expect(panel.getByTestId('realism-real-count')).toHaveText('Imported windows of nsr: 180.');
    await panel.getByRole('combobox', { name: 'Class to compare' }).selectOption('nsr');
    await panel.getByRole('textbox', { name: 'Synthetic windows' }).fill('60');
    await panel.getByRole('textbox', { name: 'Seed (synthetic set and classifier)' }).fill('3');
    await panel.getByRole('button', { name: 'Compare with real' }).click();
    await expect(panel.getByRole('progressbar')).toBeVisible();
    await expect(panel.getByTestId('realism-report')).toBeVisible({ timeout: 240_000 });
    await whenRealismIdle(page);

    const report = (await page.evaluate(() => window.__pqrst.realism!.getReport()))!;
    expect(report.className).toBe('nsr');
    expect(report.real).toEqual({ nWindows: 180, fsHz: 500, windowS: 10 });
    expect(report.synthetic).toEqual({ nWindows: 60, fsHz: 500, windowS: 10 });
    await expect(panel.getByTestId('realism-n-real')).toHaveText('180');
    await expect(panel.getByTestId('realism-n-synthetic')).toHaveText('60');
    for (const name of ['rr', 'pr', 'qrs', 'qt'] as const) {
      const w = report.intervals[name].wasserstein;
      expect(w, name).not.toBeNull();
      expect(Number.isFinite(w)).toBe(true);
      expect(w!).toBeGreaterThanOrEqual(0);
      await expect(panel.getByTestId(`realism-w-${name}`)).toHaveText(w!.toFixed(1));
    }
    expect(Number.isFinite(report.spectrum.mmd2)).toBe(true);
    await expect(panel.getByTestId('realism-mmd2')).toHaveText(report.spectrum.mmd2.toExponential(3));
    const c = report.classifier;
    if ('skipped' in c) throw new Error(`classifier skipped: ${c.skipped}`);
    expect(c.auroc).toBeGreaterThanOrEqual(0);
    expect(c.auroc).toBeLessThanOrEqual(1);
    expect(c.split).toBe('by-time-within-record');
    await expect(panel.getByTestId('realism-auroc')).toHaveText(c.auroc.toFixed(3));
    await expect(panel.getByTestId('realism-classifier')).toContainText('0.5 means');
    for (const name of ['rr', 'pr', 'qrs', 'qt'])
      await expect(panel.locator(`img[data-figure="intervals-${name}.svg"]`)).toBeVisible();
    await expect(panel.getByRole('img', { name: /power spectra over frequency \(Hz\)/ })).toBeVisible();

    // The archive: report.json as shown, the figures, the synthetic set's recipe.
    const browserDir = path.join(tmp, 'browser');
    await downloads(page, ['realism-nsr.zip'], browserDir, () =>
      panel.getByRole('button', { name: 'Download report (.zip)' }).click(),
    );
    const zip = new Uint8Array(readFileSync(path.join(browserDir, 'realism-nsr.zip')));
    const files = new Map(
      readZipDirectory(zip).entries.map((e) => [e.path, new TextDecoder().decode(zipEntryData(zip, e))]),
    );
    expect([...files.keys()]).toEqual([
      'report.json',
      'intervals-rr.svg',
      'intervals-pr.svg',
      'intervals-qrs.svg',
      'intervals-qt.svg',
      'spectrum.svg',
      'recipe.json',
    ]);
    const exported = JSON.parse(files.get('report.json')!) as RealismReport;
    expect(exported).toEqual(JSON.parse(JSON.stringify(report)));
    const recipe = JSON.parse(files.get('recipe.json')!) as { seed: number; fsHz: number; durationS: number };
    expect(recipe).toMatchObject({ seed: 3, fsHz: 500, durationS: 10, output: 'npy' });

    // The same inputs in Node: the import's dataset files and the recipe's synthetic set.
    const realDir = path.join(tmp, 'real');
    await downloads(page, ['signals.npy', 'labels.csv'], realDir, () =>
      page.getByRole('button', { name: 'Download dataset (.npy + labels.csv)' }).click(),
    );
    const recipePath = path.join(tmp, 'recipe.json');
    writeFileSync(recipePath, files.get('recipe.json')!);
    const synDir = path.join(tmp, 'synthetic');
    node(['generate', '--recipe', recipePath, '--out', synDir, '--workers', '1', '--quiet']);
    const cliDir = path.join(tmp, 'cli');
    const cliArgs = ['--class', 'nsr', '--synthetic', synDir, '--real', realDir, '--out', cliDir];
    node(['realism', ...cliArgs, '--seed', '3', '--epochs', '3', '--backend', 'wasm', '--quiet']);
    const cli = JSON.parse(readFileSync(path.join(cliDir, 'report.json'), 'utf8')) as RealismReport;
    expect(exported.real).toEqual(cli.real);
    expect(exported.synthetic).toEqual(cli.synthetic);
    expect(exported.intervals).toEqual(cli.intervals);
    // The browser's math library may differ from Node's in the last bit: spectra to 1e-9.
    const s = exported.spectrum;
    const t = cli.spectrum;
    expect(s.freqHz).toEqual(t.freqHz);
    for (const [a, b] of [
      [s.real, t.real],
      [s.synthetic, t.synthetic],
      [
        [s.mmd2, s.bandwidth],
        [t.mmd2, t.bandwidth],
      ],
    ]) {
      expect(a.length).toBe(b.length);
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-9 * Math.abs(b[i]) + 1e-15));
    }
    for (const name of ['rr', 'pr', 'qrs', 'qt'])
      expect(files.get(`intervals-${name}.svg`)).toBe(
        readFileSync(path.join(cliDir, `intervals-${name}.svg`), 'utf8'),
      );
    expect(files.get('spectrum.svg')).toBe(readFileSync(path.join(cliDir, 'spectrum.svg'), 'utf8'));
    const cc = cli.classifier;
    if ('skipped' in cc) throw new Error(`CLI classifier skipped: ${cc.skipped}`);
    expect({ nTrain: c.nTrain, nValidation: c.nValidation, nTest: c.nTest, split: c.split }).toEqual({
      nTrain: cc.nTrain,
      nValidation: cc.nValidation,
      nTest: cc.nTest,
      split: cc.split,
    });
    test.info().annotations.push({ type: 'auroc', description: `browser ${c.auroc}, CLI ${cc.auroc}` });
    expect(Math.abs(c.auroc - cc.auroc)).toBeLessThanOrEqual(0.1);
  });

  test('a class with no or too few imported windows is refused with the counts; Cancel stops a run', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await importRecord100(page, true);
    const panel = page.getByRole('region', { name: 'Realism', exact: true });
    const compare = (className: string) => async () => {
      await panel.getByRole('combobox', { name: 'Class to compare' }).selectOption(className);
      await panel.getByRole('button', { name: 'Compare with real' }).click();
    };
    await compare('wpw')();
    await expect(panel.getByRole('alert')).toHaveText(
      'No imported windows of class wpw: the import holds nsr 180, af 6. Import records of class wpw or pick another class.',
    );
    await compare('af')();
    await expect(panel.getByRole('alert')).toHaveText(
      'Too few imported windows of class af: 6, at least 10 are needed (the import holds nsr 180, af 6).',
    );
    const state = await page.evaluate(() => window.__pqrst.realism!.getState());
    expect(state.phase).toBe('error');
    expect(state.stage).toBeNull();
    expect(state.error).toContain('class af');
    await expect(panel.getByTestId('realism-report')).toHaveCount(0);

    // A running comparison can be cancelled.
    await compare('nsr')();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByText('Comparison cancelled.')).toBeVisible();
    await whenRealismIdle(page);
    expect((await page.evaluate(() => window.__pqrst.realism!.getState())).phase).toBe('cancelled');
    await expect(panel.getByTestId('realism-report')).toHaveCount(0);
  });
});
