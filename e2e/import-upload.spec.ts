/**
 * The ways files reach the import: a whole folder through the folder picker (files paired by their path
 * inside it) and a drag-and-drop onto the drop zone (a DataTransfer built in the page from the files'
 * bytes). Both give the record and window counts `npx pqrst import` gives for the same files; the
 * progress bar reports every record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import {
  DATA_DIR,
  EDF_201,
  HAVE_DATA,
  MISSING,
  MITDB,
  openImport,
  requireDataOrFail,
  whenImportIdle,
} from './import-data.ts';

requireDataOrFail();

test.describe('import: folder and drag-and-drop', () => {
  test.skip(!HAVE_DATA, MISSING);

  test('a picked folder is imported with per-record progress', async ({ page }) => {
    test.setTimeout(120_000);
    await openImport(page);
    // `npx pqrst import mitdb/reencoded --fs 500`: 589 windows (201: 128, 202: 175, 203: 175, 230: 111).
    await page.getByLabel('ECG folder').setInputFiles(path.join(DATA_DIR, 'mitdb/reencoded'));
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 90_000 });
    await whenImportIdle(page);
    const records = await page.evaluate(() => window.__pqrst.import!.getRecords());
    expect(records.map((r) => [r.name, r.windows])).toEqual([
      ['201', 128],
      ['202', 175],
      ['203', 175],
      ['230', 111],
    ]);
    const summary = (await page.evaluate(() => window.__pqrst.import!.getSummary()))!;
    expect(summary.windows).toBe(589);
    expect(summary.records).toBe(4);
    expect(summary.skippedRecords).toEqual([]);
    expect(summary.perClass).toEqual({
      nsr: { windows: 256, records: 3, patients: 3 },
      af: { windows: 258, records: 3, patients: 3 },
      afl: { windows: 35, records: 2, patients: 2 },
      pvc: { windows: 0, records: 0, patients: 0 },
      wpw: { windows: 40, records: 1, patients: 1 },
    });
    const run = (await page.evaluate(() => window.__pqrst.import!.getLastRun()))!;
    expect(run).toMatchObject({ task: 'import', files: 12 });
    expect(run.progress.filter((p) => p.total === 4).map((p) => p.done)).toEqual([1, 2, 3, 4]);
  });

  test('files dropped on the drop zone are imported', async ({ page }) => {
    test.setTimeout(120_000);
    await openImport(page);
    const files = [
      ...['hea', 'dat', 'atr'].map((ext) => path.join(MITDB, `100.${ext}`)),
      EDF_201,
      path.join(MITDB, '103.dat'), // no header beside it: listed as skipped
    ].map((f) => ({ name: path.basename(f), base64: readFileSync(f).toString('base64') }));
    await page.getByTestId('import-drop').evaluate((zone, dropped) => {
      const data = new DataTransfer();
      for (const f of dropped) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name));
      }
      const init = { dataTransfer: data, bubbles: true, cancelable: true };
      zone.dispatchEvent(new DragEvent('dragenter', init));
      zone.dispatchEvent(new DragEvent('dragover', init));
      zone.dispatchEvent(new DragEvent('drop', init));
    }, files);
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 90_000 });
    await whenImportIdle(page);
    const records = await page.evaluate(() => window.__pqrst.import!.getRecords());
    expect(records.map((r) => [r.name, r.nBeats > 0, r.windows])).toEqual([
      ['100', true, 180],
      ['mitdb201_MLII_60s-120s', false, 6], // rhythm notes only
    ]);
    const summary = (await page.evaluate(() => window.__pqrst.import!.getSummary()))!;
    expect(summary.windows).toBe(186);
    expect(summary.perClass.nsr.windows).toBe(180);
    expect(summary.perClass.af.windows).toBe(6);
    expect(summary.skippedRecords.map((s) => s.file)).toEqual(['103.dat']);
    await expect(page.getByTestId('import-skipped')).toContainText('no WFDB header');
  });
});
