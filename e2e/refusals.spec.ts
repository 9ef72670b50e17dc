/** Malformed input (link, preset file, typed number) is refused with a message; the state is kept. */
import { expect, test } from './fixtures.ts';

test('a malformed link on load is refused, naming the parameter, and defaults are kept', async ({
  studio,
  page,
}) => {
  await studio.open();
  const defaults = await studio.params();
  const strip = await studio.strip();

  await studio.open('#preset=default&rAmpMv=99');
  await expect(studio.alerts()).toContainText("parameter 'rAmpMv'");
  await expect(studio.alerts()).toContainText('outside');
  expect(await studio.params()).toEqual(defaults);
  expect(await studio.strip()).toEqual(strip);
  // The address bar shows the kept state again, so copying it gives a working link.
  await studio.whenIdle();
  expect(new URL(page.url()).hash).toBe('#preset=default');
});

test('malformed hash edits are refused and the current state is kept', async ({ studio, page }) => {
  await studio.open();
  await studio.typeNumber('R amplitude (mV)', 1.25);
  const kept = await studio.params();
  const cases: [string, string][] = [
    ['#preset=default&bogusKey=1', "parameter 'bogusKey'"],
    ['#preset=default&heartRateBpm=fast', "parameter 'heartRateBpm'"],
    ['#preset=default&wanderOn=maybe', "parameter 'wanderOn'"],
    ['#preset=nosuchpreset', "parameter 'preset'"],
    ['#rAmpMv=%E0%A4%A', 'malformed percent-encoding'],
    ['#%%%', "parameter '(hash)'"],
    ['#garbage', 'key=value'],
  ];
  for (const [hash, expected] of cases) {
    await page.evaluate((h) => (location.hash = h), hash);
    await expect(studio.alerts()).toContainText(expected);
    await studio.whenIdle();
    expect(await studio.params()).toEqual(kept);
  }
  await expect(studio.slider('R amplitude (mV)')).toHaveValue('1.25');
});

test('a malformed preset file is refused, naming the file and the field', async ({ studio }) => {
  await studio.open();
  await studio.typeNumber('P amplitude (mV)', 0.21);
  const kept = await studio.params();
  const upload = studio.page.getByLabel('Upload preset (JSON)');

  const badValue = { format: 'pqrst-preset', generatorVersion: '1.0.0', params: { ...kept, rAmpMv: 'tall' } };
  await upload.setInputFiles({
    name: 'broken-preset.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(badValue)),
  });
  await expect(studio.alerts()).toContainText("preset file 'broken-preset.json'");
  await expect(studio.alerts()).toContainText("field 'params.rAmpMv'");
  expect(await studio.params()).toEqual(kept);

  await upload.setInputFiles({
    name: 'not-json.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": '),
  });
  await expect(studio.alerts()).toContainText("preset file 'not-json.json'");
  await expect(studio.alerts()).toContainText('not valid JSON');
  expect(await studio.params()).toEqual(kept);

  const wrongFormat = { format: 'something-else', generatorVersion: '1.0.0', params: kept };
  await upload.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(wrongFormat)),
  });
  await expect(studio.alerts()).toContainText("preset file 'other.json': field 'format'");
  expect(await studio.params()).toEqual(kept);
  await studio.whenIdle();
  await expect(studio.numberBox('P amplitude (mV)')).toHaveValue('0.21');
});

test('a typed out-of-range number shows an inline error and is not applied', async ({ studio }) => {
  await studio.open();
  const before = await studio.params();
  const box = studio.numberBox('R amplitude (mV)');
  await box.fill('99');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(studio.page.locator('#param-rAmpMv-error')).toHaveText('99 mV is outside -3…5 mV.');
  await studio.whenIdle();
  expect(await studio.params()).toEqual(before);

  await box.fill('1.8');
  await expect(box).toHaveAttribute('aria-invalid', 'false');
  await expect(studio.page.locator('#param-rAmpMv-error')).toHaveCount(0);
  await studio.whenIdle();
  expect((await studio.params()).rAmpMv).toBe(1.8);
});
