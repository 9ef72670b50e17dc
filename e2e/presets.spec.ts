/** Presets: built-in choice, reset, save/load by name, and JSON download/upload round trip. */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

test('presets saved by name load back, and reset returns to defaults', async ({ studio, page }) => {
  await studio.open();
  const defaults = await studio.params();
  await studio.typeNumber('T amplitude (mV)', 0.42);
  await studio.slide('Heart rate (bpm)', 95);
  const saved = await studio.params();

  await page.getByLabel('Preset name').fill('fast T');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('notice-area')).toContainText("Saved preset 'fast T'");

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await studio.whenIdle();
  expect(await studio.params()).toEqual(defaults);

  await studio.select('Saved presets').selectOption('fast T');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await studio.whenIdle();
  expect(await studio.params()).toEqual(saved);
  await expect(studio.numberBox('T amplitude (mV)')).toHaveValue('0.42');
});

test('a downloaded preset file uploads back to the same state', async ({ studio, page }) => {
  await studio.open();
  await studio.typeNumber('S amplitude (mV)', -0.4);
  await studio.switchBox('White').uncheck();
  await studio.whenIdle();
  const state = await studio.params();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download preset (JSON)' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('pqrst-preset');
  expect(typeof file.generatorVersion).toBe('string');
  expect(file.params).toEqual(state);

  await studio.select('Built-in preset').selectOption('nonaka2026');
  await studio.whenIdle();
  expect((await studio.params()).beatModel).toBe('stretch-1s');

  await page.getByLabel('Upload preset (JSON)').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('notice-area')).toContainText('Loaded preset file');
  await studio.whenIdle();
  expect(await studio.params()).toEqual(state);
  await expect(studio.alerts()).toBeEmpty();
});

test('the status line reports synthesis time, beats and heart rate', async ({ studio, page }) => {
  await studio.open();
  await studio.slide('Heart rate (bpm)', 60);
  await studio.typeNumber('Mean RR sd / record (s)', 0);
  const status = page.getByTestId('status-line');
  await expect(status).toContainText(/Synthesis \d+(\.\d)? ms/);
  await expect(status).toContainText(/\b(9|10|11) beats/);
  await expect(status).toContainText(/mean heart rate (5\d|6\d)\.\d bpm/);
});
