/**
 * Refreshes docs/screenshot.png: the studio at 1400×1000 with the af class chosen in the Class select.
 * Runs only with PQRST_SCREENSHOT=1 (`PQRST_SCREENSHOT=1 node scripts/run-e2e.js screenshot`).
 */
import { expect, test } from './fixtures.ts';

test('docs/screenshot.png shows the studio with class af', async ({ studio, page }) => {
  test.skip(process.env.PQRST_SCREENSHOT !== '1', 'set PQRST_SCREENSHOT=1 to refresh docs/screenshot.png');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await studio.open();
  await studio.select('Class').selectOption('af');
  await studio.whenIdle();
  await expect.poll(() => page.evaluate(() => window.__pqrst.getVariety()[0]?.className)).toBe('af');
  await expect
    .poll(() => page.evaluate(() => window.__pqrst.getBeatViews()[0]?.parts.includes('f-waves')))
    .toBe(true);
  // Let the last paints reach the screen.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.screenshot({ path: 'docs/screenshot.png' });
});
