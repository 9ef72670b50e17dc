/** Keyboard access: Tab reaches the R amplitude slider, and ArrowUp changes the value and the plot. */
import { expect, test } from './fixtures.ts';
import { maxOf } from './strip-peaks.ts';

/** Upper bound of Tab presses from the top of the page to the R amplitude slider. */
const MAX_TABS = 300;

test('Tab reaches the R amplitude slider and ArrowUp moves it and the plot', async ({ studio, page }) => {
  // Up to MAX_TABS key presses, each followed by a focus check: slow on a loaded 2-core machine.
  test.setTimeout(240_000);
  await studio.open();
  await studio.makeRPeaksExact();
  // Start from the top of a freshly loaded page (the settings above come back from the link).
  const params = await studio.params();
  await studio.reload();
  expect(await studio.params()).toEqual(params);

  const slider = studio.slider('R amplitude (mV)');
  const sliderHasFocus = () => slider.evaluate((el) => el === document.activeElement);
  let tabs = 0;
  while (!(await sliderHasFocus())) {
    expect(++tabs, 'Tab presses to reach the R amplitude slider').toBeLessThan(MAX_TABS);
    await page.keyboard.press('Tab');
  }
  await expect(slider).toBeFocused();

  const before = await studio.params();
  const stripBefore = await studio.strip();
  await page.keyboard.press('ArrowUp');
  await studio.whenIdle();
  const after = await studio.params();
  expect(after.rAmpMv).toBeCloseTo(before.rAmpMv + 0.01, 10);
  const stripAfter = await studio.strip();
  expect(stripAfter.mv).not.toEqual(stripBefore.mv);
  expect(maxOf(stripAfter.mv) - maxOf(stripBefore.mv)).toBeCloseTo(0.01, 3);
  await expect(studio.numberBox('R amplitude (mV)')).toHaveValue(String(after.rAmpMv));
});
