/**
 * Settings changed after an import apply to the records read: the rhythm-note map, a class given by
 * hand, the band-pass (with its cutoffs checked) re-window them without reading the files again, and the
 * annotator reads the kept files again; the summary follows each change. Expected counts are those of
 * `npx pqrst import 201 203 --fs 500` with the same settings (`--rhythm-map '(AFL=none'`, `--label wpw`).
 * The record plot scrolls over the whole 30-minute record with Plotly's range slider.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  DATA_DIR,
  HAVE_DATA,
  MISSING,
  openImport,
  requireDataOrFail,
  whenImportIdle,
} from './import-data.ts';

requireDataOrFail();

const REENCODED = path.join(DATA_DIR, 'mitdb/reencoded');

async function importRecords(page: Page, names: string[]): Promise<void> {
  await page
    .getByLabel('ECG files')
    .setInputFiles(
      names.flatMap((r) => ['hea', 'dat', 'atr'].map((ext) => path.join(REENCODED, `${r}.${ext}`))),
    );
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 90_000 });
  await whenImportIdle(page);
}

/** The summary's windows per class, after the run that `change` starts has finished. */
async function afterChange(page: Page, task: 'import' | 'window', change: () => Promise<unknown>) {
  const before = (await page.evaluate(() => window.__pqrst.import!.getLastRun()))?.serial ?? -1;
  await change();
  await expect
    .poll(
      async () => {
        const run = await page.evaluate(() => window.__pqrst.import!.getLastRun());
        return run !== null && run.serial > before && run.durationMs !== null;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await whenImportIdle(page);
  const run = (await page.evaluate(() => window.__pqrst.import!.getLastRun()))!;
  expect(run.task).toBe(task);
  const summary = (await page.evaluate(() => window.__pqrst.import!.getSummary()))!;
  const perClass = Object.fromEntries(Object.entries(summary.perClass).map(([c, n]) => [c, n.windows]));
  return {
    windows: summary.windows,
    perClass,
    records: summary.recordsRead.map((r) => [r.record, r.windows]),
  };
}

test.describe('import settings', () => {
  test.skip(!HAVE_DATA, MISSING);

  test('rhythm map, hand label, band-pass and annotator update the summary', async ({ page }) => {
    test.setTimeout(180_000);
    await openImport(page);
    await importRecords(page, ['201', '203']);
    const first = (await page.evaluate(() => window.__pqrst.import!.getSummary()))!;
    expect(first.windows).toBe(303);
    expect(first.perClass.afl.windows).toBe(31);

    // The rhythm-note map is visible and editable: without (AFL, 203's flutter windows go.
    const map = page.getByRole('textbox', { name: 'Rhythm notes → class' });
    await expect(map).toHaveValue('(N=nsr, (AFIB=af, (AFL=afl, (PREX=wpw');
    let after = await afterChange(page, 'window', () => map.fill('(N=nsr, (AFIB=af, (PREX=wpw'));
    expect(after).toEqual({
      windows: 272,
      perClass: { nsr: 69, af: 203, afl: 0, pvc: 0, wpw: 0 },
      records: [
        ['201', 128],
        ['203', 144],
      ],
    });
    await expect(page.getByTestId('import-unmapped')).toContainText('(AFL');
    await expect(page.getByTestId('import-summary').locator('tr[data-class="afl"] td').first()).toHaveText(
      '0',
    );
    after = await afterChange(page, 'window', () => map.fill('(N=nsr, (AFIB=af, (AFL=afl, (PREX=wpw'));
    expect(after.windows).toBe(303);

    // A class by hand: every window of record 201 becomes wpw.
    const hand = page.getByRole('combobox', { name: 'Class of record 201 (by hand)' });
    after = await afterChange(page, 'window', () => hand.selectOption('wpw'));
    expect(after.perClass).toEqual({ nsr: 0, af: 144, afl: 31, pvc: 0, wpw: 180 });
    await expect(page.getByTestId('windows-201')).toHaveText('180');
    after = await afterChange(page, 'window', () => hand.selectOption(''));
    expect(after.windows).toBe(303);

    // The band-pass: its cutoffs are checked against fs / 2; applied, it keeps the windows.
    const bandpass = page.getByRole('checkbox', { name: 'Band-pass filter (zero phase)' });
    const high = page.getByRole('textbox', { name: 'Band-pass high cutoff (Hz)' });
    await expect(high).toBeDisabled();
    await bandpass.focus();
    after = await afterChange(page, 'window', () => page.keyboard.press('Space'));
    await expect(bandpass).toBeChecked();
    expect(after.windows).toBe(303);
    await high.fill('300');
    await expect(page.getByTestId('import-form-error')).toContainText('Band-pass high cutoff (Hz)');
    await expect(high).toHaveAttribute('aria-invalid', 'true');
    after = await afterChange(page, 'window', () => high.fill('35'));
    expect(after.perClass).toEqual({ nsr: 69, af: 203, afl: 31, pvc: 0, wpw: 0 });

    // Another annotator (there are no .qrs files): the files are read again, no rhythm labels remain.
    const annotator = page.getByRole('textbox', { name: 'Annotator (file extension)' });
    await expect(annotator).toHaveValue('atr');
    after = await afterChange(page, 'import', () => annotator.fill('qrs'));
    expect(after.windows).toBe(0);
    expect((await page.evaluate(() => window.__pqrst.import!.getRecords())).map((r) => r.nBeats)).toEqual([
      0, 0,
    ]);
    after = await afterChange(page, 'import', () => annotator.fill('atr'));
    expect(after.windows).toBe(303);
  });

  test('the record plot scrolls over the whole record with the range slider', async ({ page }) => {
    test.setTimeout(120_000);
    await openImport(page);
    await importRecords(page, ['201']);
    const plotted = () => page.evaluate(() => window.__pqrst.import!.getPlotted());
    expect(await plotted()).toMatchObject({ record: '201', startS: 0, endS: 10, overviewPoints: 3000 });
    const slideBox = page.getByTestId('record-plot').locator('.rangeslider-slidebox');
    await expect(slideBox).toBeAttached();

    // Drag the range slider's window (widened to 60 s so it can be grabbed) to the right.
    await page.getByRole('combobox', { name: 'View width (s)' }).selectOption('60');
    await expect.poll(async () => (await plotted())?.endS).toBe(60);
    await page.getByTestId('record-plot').scrollIntoViewIfNeeded();
    const box = (await slideBox.boundingBox())!;
    const bg = (await page.getByTestId('record-plot').locator('.rangeslider-bg').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let dx = 20; dx <= 200; dx += 20) await page.mouse.move(box.x + box.width / 2 + dx, y);
    await page.mouse.up();
    const expectedS = (200 / bg.width) * 1805.5556;
    await expect
      .poll(async () => (await plotted())?.startS ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(expectedS * 0.8);
    let p = (await plotted())!;
    expect(p.startS).toBeLessThan(expectedS * 1.2);
    expect(p.endS - p.startS).toBeCloseTo(60, 3);
    expect(p.beatMarkers).toBeGreaterThan(40);

    // The whole record: a min/max envelope, no more than 12,000 points.
    await page.getByRole('combobox', { name: 'View width (s)' }).selectOption('all');
    await expect.poll(async () => (await plotted())?.endS).toBeCloseTo(1805.556, 2);
    p = (await plotted())!;
    expect(p.startS).toBe(0);
    expect(p.points).toBeLessThanOrEqual(12_000);
    await expect(page.getByTestId('record-plot').locator('.xtitle')).toHaveText('time (s)');
    await expect(page.getByTestId('record-plot').locator('.ytitle').first()).toHaveText('amplitude (mV)');
  });
});
