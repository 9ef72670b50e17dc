/**
 * The CinC 2017 records the Training lab's e2e specs import: five AF and five normal recordings (one
 * patient each) with REFERENCE.csv, at 100 Hz in 5-s windows.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DATA_DIR, upload, whenImportIdle } from './import-data.ts';

/** The CinC 2017 validation folder. */
export const CINC = path.join(DATA_DIR, 'cinc2017/validation');
/** Records labelled AF and normal (one patient each). */
export const AF = ['A00004', 'A00054', 'A00090', 'A00100', 'A00102'];
export const NSR = ['A00002', 'A00006', 'A00012', 'A00016', 'A00026'];
/** Whether the records are there. */
export const HAVE_CINC = existsSync(path.join(CINC, 'REFERENCE.csv'));
/** Why the specs skip (or fail under REQUIRE_ECG_DATA=1) without them. */
export const MISSING_CINC = `CinC 2017 records not found under ${CINC}: set ECG_DATA_DIR`;

/** Import the ten records at 100 Hz in 5-s windows on an open studio page and wait until it is done. */
export async function importCincTen(page: Page): Promise<void> {
  const importPanel = page.getByRole('region', { name: 'Import real ECGs' });
  await importPanel.getByRole('textbox', { name: 'Sampling rate (Hz)' }).fill('100');
  await importPanel.getByRole('textbox', { name: 'Window (s)' }).fill('5');
  const files = [...AF, ...NSR].flatMap((r) =>
    ['hea', 'mat'].map((ext) => upload(path.join(CINC, `${r}.${ext}`))),
  );
  await page.getByLabel('ECG files').setInputFiles([...files, upload(path.join(CINC, 'REFERENCE.csv'))]);
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await whenImportIdle(page);
}
