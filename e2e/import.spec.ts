/**
 * Importing real ECGs in the studio: a WFDB record (MIT-BIH 100 with its .atr) and an EDF+ excerpt
 * (record 201, 60 s of atrial fibrillation) are read in the import worker, plotted with their
 * annotations and cut into a 10-s dataset at 500 Hz; a junk header is listed with its reason while the
 * rest loads. Counts match `npx pqrst import <files> --fs 500 --json`. The data folder is
 * `$ECG_DATA_DIR` (default ../shared/ecg-data from the project root); without it the tests are skipped,
 * unless REQUIRE_ECG_DATA=1, where they fail (e2e/import-data.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

test.describe('import real ECGs', () => {
  test.skip(!HAVE_DATA, MISSING);

  test('a WFDB record and an EDF+ file are plotted with annotations and windowed', async ({ page }) => {
    test.setTimeout(120_000);
    await openImport(page);
    await page.getByRole('textbox', { name: 'Sampling rate (Hz)' }).fill('500');
    await page.getByRole('textbox', { name: 'Window (s)' }).fill('10');
    await page.getByLabel('ECG files').setInputFiles([
      upload(path.join(MITDB, '100.hea')),
      upload(path.join(MITDB, '100.dat')),
      upload(path.join(MITDB, '100.atr')),
      upload(EDF_201),
      {
        name: 'junk.hea',
        mimeType: 'text/plain',
        buffer: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80, 0x0a]),
      },
    ]);
    await expect(page.getByRole('table')).toBeVisible({ timeout: 60_000 });
    await whenImportIdle(page);

    const records = await page.evaluate(() => window.__pqrst.import!.getRecords());
    expect(records).toEqual([
      { name: '100', fsHz: 360, nSamples: 650_000, nBeats: 2273, windows: 180 },
      {
        name: 'mitdb201_MLII_60s-120s',
        fsHz: 360,
        nSamples: 21_600,
        nBeats: expect.any(Number),
        windows: 6,
      },
    ]);

    const summary = await page.evaluate(() => window.__pqrst.import!.getSummary());
    expect(summary).not.toBeNull();
    expect(summary!.windows).toBe(186);
    expect(summary!.perClass.nsr).toEqual({ windows: 180, records: 1, patients: 1 });
    expect(summary!.perClass.af).toEqual({ windows: 6, records: 1, patients: 1 });
    expect(summary!.recordsRead.map((r) => [r.record, r.windows])).toEqual([
      ['100', 180],
      ['mitdb201_MLII_60s-120s', 6],
    ]);
    const table = page.getByTestId('import-summary');
    await expect(table.locator('tr[data-class="nsr"] td').first()).toHaveText('180');
    await expect(table.locator('tr[data-class="af"] td').first()).toHaveText('6');

    // The junk header is listed with its name and a reason; the others loaded.
    expect(summary!.skippedRecords.map((s) => s.file)).toEqual(['junk.hea']);
    const skipped = page.getByTestId('import-skipped');
    await expect(skipped).toHaveAttribute('role', 'alert');
    await expect(skipped).toContainText('junk.hea');
    expect(summary!.skippedRecords[0].reason.length).toBeGreaterThan(5);

    // Record 100 on ECG paper: its first 10 s with the beat marks; scrolled to the end.
    let plotted = await page.evaluate(() => window.__pqrst.import!.getPlotted());
    expect(plotted).toMatchObject({ record: '100', startS: 0, endS: 10 });
    expect(plotted!.points).toBeGreaterThanOrEqual(3600);
    expect(plotted!.beatMarkers).toBeGreaterThan(8);
    expect(plotted!.rhythmBands).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('record-plot').locator('.main-svg').first()).toBeVisible();
    await page.getByRole('spinbutton', { name: 'View start (s)' }).fill('1790');
    await expect.poll(() => page.evaluate(() => window.__pqrst.import!.getPlotted()?.startS)).toBe(1790);
    plotted = await page.evaluate(() => window.__pqrst.import!.getPlotted());
    expect(plotted!.beatMarkers).toBeGreaterThan(8);

    // The AF excerpt, with its rhythm band.
    await page.getByRole('button', { name: 'mitdb201_MLII_60s-120s' }).click();
    await whenImportIdle(page);
    plotted = await page.evaluate(() => window.__pqrst.import!.getPlotted());
    expect(plotted).toMatchObject({ record: 'mitdb201_MLII_60s-120s', startS: 0 });
    expect(plotted!.rhythmBands).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('record-plot')).toContainText('(AFIB');

    // The dataset files, made in the worker.
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const labels = page.waitForEvent('download', (d) => d.suggestedFilename() === 'labels.csv');
    await page.getByRole('button', { name: 'Download dataset (.npy + labels.csv)' }).click();
    const labelsFile = await (await labels).path();
    const csv = readFileSync(labelsFile, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('row,record,patient,class,seed,start_s,fs_hz,split');
    expect(csv).toHaveLength(187);
    expect(csv.filter((l) => l.includes(',af,'))).toHaveLength(6);
    await expect.poll(() => downloads.sort()).toEqual(['labels.csv', 'signals.npy']);
  });

  test('a running import can be cancelled', async ({ page }) => {
    await openImport(page);
    const files = ['100', '103', '105', '106'].flatMap((r) =>
      ['hea', 'dat', 'atr'].map((ext) => upload(path.join(MITDB, `${r}.${ext}`))),
    );
    await page.getByLabel('ECG files').setInputFiles(files);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Import cancelled.')).toBeVisible();
    await whenImportIdle(page);
    expect(await page.evaluate(() => window.__pqrst.import!.getSummary())).toBeNull();
  });

  test('a bad label rule is refused, naming the field', async ({ page }) => {
    await openImport(page);
    await page.getByRole('textbox', { name: 'Label rule' }).fill('rhythm-majority:2');
    await page.getByLabel('ECG files').setInputFiles([upload(EDF_201)]);
    await expect(page.getByTestId('import-form-error')).toContainText('Label rule');
  });
});
