/**
 * Offline: after a first visit the service worker has cached the app, its chunks, workers and wasm
 * files, so with the network off a reload still loads the studio, synthesizes and lists the workspace.
 * (Plain Playwright test: the shared fixtures route every request, which bypasses the service worker.)
 */
import { expect, test } from '@playwright/test';
import type {} from '../src/types/pqrst-test-api.d.ts';
import type {} from '../src/types/pqrst-workspace-test-api.d.ts';

test('after a first visit the studio loads and works with the network off', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.waitForFunction(() => window.__pqrst !== undefined, null, { timeout: 60_000 });
  // Installed (every build file cached) and active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    let n = 0;
    for (const name of names) n += (await (await caches.open(name)).keys()).length;
    return n;
  });
  expect(cached).toBeGreaterThan(5);

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.__pqrst !== undefined, null, { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'PQRST Studio' })).toBeVisible();
  await page.evaluate(() => window.__pqrst.whenIdle());
  const before = await page.evaluate(() => window.__pqrst.getPlottedStrip().mv.length);
  expect(before).toBeGreaterThan(1000);
  // The synth worker (a cached chunk) still computes: a new heart rate gives a new strip.
  const first = await page.evaluate(() => window.__pqrst.getPlottedStrip().mv.slice(0, 2000));
  await page.evaluate(() => window.__pqrst.setParams({ heartRateBpm: 95 }));
  await page.evaluate(() => window.__pqrst.whenIdle());
  const second = await page.evaluate(() => window.__pqrst.getPlottedStrip().mv.slice(0, 2000));
  expect(second).not.toEqual(first);
  await page.evaluate(() => window.__pqrstWorkspace!.whenSettled());
  await expect(page.getByRole('heading', { name: 'Workspace' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.setOffline(false);
});
