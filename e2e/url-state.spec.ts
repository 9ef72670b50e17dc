/** The URL hash mirrors the state: a copied link reopens the same parameters and the same strip. */
import { expect, test } from './fixtures.ts';
import { StudioPage } from './studio-page.ts';

test('a link reproduces the parameters and the identical plotted strip', async ({ studio, context }) => {
  await studio.open();
  await studio.typeNumber('R amplitude (mV)', 1.37);
  await studio.slide('Heart rate (bpm)', 88);
  await studio.switchBox('Powerline').uncheck();
  await studio.select('Mains frequency (Hz)').selectOption('60');
  await studio.page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill('424242');
  await studio.whenIdle();

  const url = studio.page.url();
  const hash = new URL(url).hash;
  expect(hash).toContain('preset=default');
  expect(hash).toContain('rAmpMv=1.37');
  expect(hash).toContain('heartRateBpm=88');
  expect(hash).toContain('powerlineOn=false');
  expect(hash).toContain('seed=424242');
  expect(hash).not.toContain('pAmpMv'); // unchanged parameters stay out of the link
  const params = await studio.params();
  const strip = await studio.strip();

  const reopened = new StudioPage(await context.newPage());
  await reopened.page.goto(url);
  await reopened.page.waitForFunction(() => window.__pqrst?.paintCount > 0);
  await reopened.whenIdle();
  expect(await reopened.params()).toEqual(params);
  const reopenedStrip = await reopened.strip();
  expect(reopenedStrip.mv.length).toBe(strip.mv.length);
  expect(reopenedStrip).toEqual(strip);
  await expect(reopened.numberBox('R amplitude (mV)')).toHaveValue('1.37');
});

test('a link based on the nonaka2026 preset reopens that preset', async ({ studio, context }) => {
  await studio.open();
  await studio.select('Built-in preset').selectOption('nonaka2026');
  await studio.typeNumber('T amplitude (mV)', 0.6);
  await studio.whenIdle();
  const url = studio.page.url();
  expect(new URL(url).hash).toBe('#preset=nonaka2026&tAmpMv=0.6');

  const reopened = new StudioPage(await context.newPage());
  await reopened.open(new URL(url).hash);
  expect(await reopened.params()).toEqual(await studio.params());
  expect(await reopened.strip()).toEqual(await studio.strip());
  await expect(reopened.select('Built-in preset')).toHaveValue('nonaka2026');
});

test('editing the hash in place applies it', async ({ studio }) => {
  await studio.open();
  await studio.page.evaluate(() => (location.hash = '#preset=default&rAmpMv=2.2&whiteOn=false'));
  await expect.poll(async () => (await studio.params()).rAmpMv).toBe(2.2);
  await studio.whenIdle();
  expect((await studio.params()).whiteOn).toBe(false);
  await expect(studio.slider('R amplitude (mV)')).toHaveValue('2.2');
});
