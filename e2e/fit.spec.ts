/**
 * Fitting a real ECG in the studio: MIT-BIH record 100 (with its .atr) is imported, fitted in the fit
 * worker, and its normal template's fit explains ≥ 95 % of the variance, as shown on the page; "Use as
 * nsr preset" puts the fitted per-beat means into the studio's parameters (R amplitude = the fitted
 * mean). A record with no detectable beats (a flat CSV) gives a clear message. Needs the real data
 * folder (e2e/import-data.ts); skipped without it, failing under REQUIRE_ECG_DATA=1.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type {} from '../src/types/pqrst-fit-test-api.d.ts';
import { expect, test } from './fixtures.ts';
import {
  HAVE_DATA,
  MISSING,
  MITDB,
  openImport,
  requireDataOrFail,
  upload,
  whenImportIdle,
} from './import-data.ts';

requireDataOrFail();

/** Wait for the fit panel's hook, then for no fit or preset to be running. */
async function whenFitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pqrst?.fit !== undefined);
  await page.evaluate(() => window.__pqrst.fit!.whenIdle());
}

test.describe('fit a real ECG', () => {
  test.skip(!HAVE_DATA, MISSING);

  test('record 100 is fitted and becomes the nsr preset', async ({ page }) => {
    test.setTimeout(180_000);
    await openImport(page);
    await page
      .getByLabel('ECG files')
      .setInputFiles([
        upload(path.join(MITDB, '100.hea')),
        upload(path.join(MITDB, '100.dat')),
        upload(path.join(MITDB, '100.atr')),
      ]);
    await expect(page.getByRole('table').first()).toBeVisible({ timeout: 60_000 });
    await whenImportIdle(page);

    const panel = page.locator('section.fit-panel');
    await expect(panel.getByRole('combobox', { name: 'Record' })).toHaveValue('100');
    await panel.getByRole('button', { name: 'Fit record' }).click();
    await expect(panel.getByTestId('fit-summary')).toBeVisible({ timeout: 90_000 });
    await whenFitIdle(page);

    const templates = await page.evaluate(() => window.__pqrst.fit!.getTemplates());
    const normal = templates.find((t) => t.beatType === 'N' && t.className === 'nsr');
    expect(normal).toBeDefined();
    expect(normal!.nBeats).toBeGreaterThan(1000);
    expect(normal!.varianceExplained).toBeGreaterThanOrEqual(0.95);
    // The page shows the same number.
    const card = panel.getByRole('article', { name: '(N nsr · normal beats' });
    const shown = Number(await card.getByTestId('fit-variance-explained').textContent());
    expect(shown).toBeCloseTo(100 * normal!.varianceExplained, 1);
    expect(shown).toBeGreaterThanOrEqual(95);
    await expect(
      card.getByRole('img', { name: /template, fitted sum, components and residual/ }),
    ).toBeVisible();
    await expect(card.getByRole('row', { name: /^R amplitude mV/ })).toBeVisible();

    const before = await page.evaluate(() => window.__pqrst.getParams());
    await panel.getByRole('button', { name: 'Use as nsr preset' }).click();
    await expect(panel.getByRole('status')).toContainText('Applied the nsr preset from 100');
    await whenFitIdle(page);
    await page.evaluate(() => window.__pqrst.whenIdle());
    const after = await page.evaluate(() => window.__pqrst.getParams());
    expect(after.className).toBe('nsr');
    expect(after.beatModel).toBe('rr-adaptive');
    expect(after.rAmpMv).not.toBe(before.rAmpMv);
    expect(after.rAmpMv).toBeCloseTo(normal!.rAmpMeanMv!, 6);
    const rRow = card.getByRole('row', { name: /^R amplitude mV/ });
    const shownMean = Number(await rRow.getByRole('cell').nth(1).textContent());
    expect(Math.abs(after.rAmpMv - shownMean)).toBeLessThanOrEqual(0.0005);
  });

  test('a record with no detectable beats gives a clear message', async ({ page }) => {
    test.setTimeout(120_000);
    await openImport(page);
    const fsHz = 250;
    const rows = Array.from({ length: 20 * fsHz }, (_, i) => `${i / fsHz},0`);
    await page
      .getByLabel('ECG files')
      .setInputFiles([
        { name: 'flat.csv', mimeType: 'text/csv', buffer: Buffer.from(`time_s,ii_mv\n${rows.join('\n')}\n`) },
      ]);
    await whenImportIdle(page);
    const panel = page.locator('section.fit-panel');
    await expect(panel.getByRole('combobox', { name: 'Record' })).toHaveValue('flat', { timeout: 60_000 });
    await panel.getByRole('button', { name: 'Fit record' }).click();
    await expect(panel.getByRole('alert')).toHaveText(
      'Record flat: no beats detected in 20.0 s of signal (5000 samples at 250 Hz)',
    );
    const state = await page.evaluate(() => window.__pqrst.fit!.getState());
    expect(state.phase).toBe('error');
  });
});
