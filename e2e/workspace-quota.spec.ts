/**
 * A save that does not fit the origin's quota is refused with a message naming what to delete, and
 * what was kept before is intact (listed, same bytes, still there after a reload). The quota is
 * lowered through the DevTools protocol (Storage.overrideQuotaForOrigin) on a persistent profile, the
 * way a user's browser keeps the workspace on disk. Chromium enforces the lowered quota on writes but
 * keeps reporting its usual figure from navigator.storage.estimate(), so the refusal comes from
 * IndexedDB itself (QuotaExceededError when the transaction commits). An origin's open IndexedDB keeps
 * the quota it opened with, so the studio is closed and reopened, and a probe write of the save's size
 * must be refused before the save is tried.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type {} from '../src/types/pqrst-test-api.d.ts';
import type {} from '../src/types/pqrst-workspace-test-api.d.ts';
import { expect, test as base } from './fixtures.ts';

/** The shared fixtures on a persistent (on-disk) Chromium profile in a fresh temporary folder. */
const test = base.extend<{ context: BrowserContext; page: Page }>({
  context: async ({ baseURL, launchOptions }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqrst-e2e-quota-'));
    const context = await chromium.launchPersistentContext(dir, {
      ...launchOptions,
      baseURL,
      viewport: { width: 1400, height: 1000 },
    });
    try {
      await use(context);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

function settled(page: Page): Promise<void> {
  return page.evaluate(() => window.__pqrstWorkspace!.whenSettled());
}

async function reloaded(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => window.__pqrstWorkspace !== undefined && window.__pqrst !== undefined);
  await settled(page);
}

/**
 * Leave the studio for a few seconds and open it again: Chromium keeps an origin's IndexedDB open for
 * about 2 s after its last connection closes (a plain reload reuses it), and an open one goes on with
 * the quota it read when it opened.
 */
async function reopened(page: Page): Promise<void> {
  await page.goto('about:blank');
  await page.waitForTimeout(4000);
  await page.goto('/');
  await page.waitForFunction(() => window.__pqrstWorkspace !== undefined && window.__pqrst !== undefined);
  await settled(page);
}

/** Wait until the browser refuses an IndexedDB write of `bytes` (a probe in a scratch database). */
async function untilRefused(page: Page, bytes: number): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (n) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('pqrst-quota-probe', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('probe');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error ?? new Error('probe database'));
          });
          const write = (value: Blob | null) =>
            new Promise<string>((resolve) => {
              const tx = db.transaction('probe', 'readwrite');
              if (value === null) tx.objectStore('probe').clear();
              else tx.objectStore('probe').put(value, 1);
              tx.oncomplete = () => resolve('kept');
              tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
            });
          const result = await write(new Blob([new Uint8Array(n)]));
          if (result === 'kept') await write(null);
          db.close();
          return result;
        }, bytes),
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe('QuotaExceededError');
}

/** Every kept item as `kind:name:size` with the SHA-256 of its binary part. */
function keptDigests(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(async () => {
    const api = window.__pqrstWorkspace!;
    const out: Record<string, string | null> = {};
    for (const m of api.list()) out[`${m.kind}:${m.name}:${m.sizeBytes}`] = await api.itemDigest(m.id);
    return out;
  });
}

test('a save that does not fit the quota is refused with a message; what was kept is intact', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  await page.goto('/');
  await page.waitForFunction(() => window.__pqrstWorkspace !== undefined && window.__pqrst !== undefined);
  await settled(page);

  // Kept first: a preset saved in the studio and 100 windows of 10 s (2 MB).
  await page.evaluate(() => window.__pqrst.setParams({ pAmpMv: 0.3 }));
  await page.getByLabel('Preset name').fill('tall P');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const rows = page.getByTestId('workspace-items').locator('tr[data-kind]');
  await expect(rows).toHaveCount(1);
  expect(await page.evaluate(() => window.__pqrstWorkspace!.keepSynthetic(100, 5000, 500))).toBe(true);
  await expect(rows).toHaveCount(2);
  await settled(page);
  const before = await keptDigests(page);
  const keys = Object.keys(before).sort();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^import:synthetic 100:20\d{5}$/);
  expect(keys[1]).toMatch(/^preset:tall P:\d+$/);
  expect(before[keys[0]]).toMatch(/^[0-9a-f]{64}$/);

  // 5 MB left: 2500 windows (50 MB) do not fit.
  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  expect(usage).toBeGreaterThan(2_000_000);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 5_000_000 });
  await reopened(page);
  await untilRefused(page, 50_000_000);
  expect(await page.evaluate(() => window.__pqrstWorkspace!.keepSynthetic(2500, 5000, 500))).toBe(false);
  const message = page.getByTestId('workspace-message');
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(message).toContainText('Not enough storage to keep bench: it needs 50.1 MB.');
  await expect(message).toContainText('Nothing kept was changed.');
  await expect(message).toContainText("Delete import 'synthetic 100' (2.0 MB)");
  await expect(message).toContainText('in the Workspace panel, then try again.');
  await expect(rows).toHaveCount(2);
  expect(await keptDigests(page)).toEqual(before);

  // After a reload (quota still lowered) the same two items, the same bytes; the preset loads.
  await reloaded(page);
  expect(await keptDigests(page)).toEqual(before);
  await page.evaluate(() => window.__pqrst.setParams({ pAmpMv: 0.1 }));
  await page.locator('#saved-presets').selectOption('tall P');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  expect(await page.evaluate(() => window.__pqrst.getParams().pAmpMv)).toBeCloseTo(0.3, 9);

  // With the quota back, the same save is kept.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect
    .poll(() => page.evaluate(() => window.__pqrstWorkspace!.keepSynthetic(2500, 5000, 500)), {
      timeout: 30_000,
      intervals: [1000],
    })
    .toBe(true);
  await expect(rows).toHaveCount(3);
});
