/** Privacy: a strict CSP, and no request leaves the app's origin while the studio is used. */
import { expect, test } from './fixtures.ts';

test('the page declares a CSP that keeps connections on its own origin', async ({ studio, page }) => {
  const response = await page.goto('/');
  await page.waitForFunction(() => window.__pqrst?.paintCount > 0);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const header = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  const policy = `${meta ?? ''};${header}`;
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("default-src 'self'");
  await studio.whenIdle();
});

test('using the studio makes no request beyond its own origin', async ({ studio, page, offsiteRequests }) => {
  await studio.open();
  for (const value of [1.2, 1.5, 0.9]) await studio.slide('R amplitude (mV)', value);
  await studio.slider('T amplitude (mV)').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  await studio.whenIdle();
  await page.getByRole('button', { name: 'New seed' }).click();
  await studio.whenIdle();

  await page.getByLabel('Preset name').fill('privacy check');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await studio.select('Built-in preset').selectOption('nonaka2026');
  await studio.whenIdle();
  await studio.select('Saved presets').selectOption('privacy check');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await studio.whenIdle();
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download preset (JSON)' }).click(),
  ]);

  // Hovering the strip exercises Plotly's hover layer too.
  await page.getByTestId('strip-plot').hover();
  await studio.whenIdle();
  expect(offsiteRequests).toEqual([]);
});
