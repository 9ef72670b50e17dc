/** The R-amplitude controls set the plotted R peaks, live on `input` events. */
import { expect, test } from './fixtures.ts';
import { maxOf, peakHeightsMv } from './strip-peaks.ts';

/** Allowed difference between a measured R peak and the R amplitude, mV. */
const TOLERANCE_MV = 0.01;

async function expectRPeaks(strip: { mv: number[] }, expectedMv: number): Promise<void> {
  const peaks = peakHeightsMv(strip.mv, 0.5 * maxOf(strip.mv));
  // 10 s at about 72 bpm: about 12 beats.
  expect(peaks.length).toBeGreaterThanOrEqual(8);
  for (const peakMv of peaks) expect(Math.abs(peakMv - expectedMv)).toBeLessThanOrEqual(TOLERANCE_MV);
}

test('the R amplitude slider sets the height of every plotted R peak', async ({ studio }) => {
  await studio.open();
  await studio.makeRPeaksExact();

  await studio.slide('R amplitude (mV)', 1.4);
  expect((await studio.params()).rAmpMv).toBe(1.4);
  await expect(studio.numberBox('R amplitude (mV)')).toHaveValue('1.4');
  await expectRPeaks(await studio.strip(), 1.4);

  await studio.slide('R amplitude (mV)', 2.73);
  await expectRPeaks(await studio.strip(), 2.73);
});

test('the R amplitude number box sets the plotted R peaks', async ({ studio }) => {
  await studio.open();
  await studio.makeRPeaksExact();
  await studio.typeNumber('R amplitude (mV)', 0.85);
  await expect(studio.slider('R amplitude (mV)')).toHaveValue('0.85');
  await expectRPeaks(await studio.strip(), 0.85);
});

test('a slider repaints on each input event, before any change event', async ({ studio, page }) => {
  await studio.open();
  await studio.makeRPeaksExact();
  const paintsBefore = await studio.paintCount();
  // What a drag does: input events while the pointer moves, a change event only on release.
  for (const value of ['1.5', '1.6', '1.7']) {
    await studio.slider('R amplitude (mV)').evaluate((input: HTMLInputElement, v) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    await studio.whenIdle();
    await expectRPeaks(await studio.strip(), Number(value));
  }
  expect(await studio.paintCount()).toBeGreaterThanOrEqual(paintsBefore + 3);
  expect(await page.evaluate(() => window.__pqrst.lastPaintMs)).toBeGreaterThan(0);
});
