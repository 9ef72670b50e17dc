/**
 * The workspace: a kept import and a saved preset survive a reload (the restored windows are the
 * imported ones, bit for bit, and usable by the Training lab); export → clear → import brings everything
 * back byte for byte; truncated, future and foreign archives are refused and the workspace is untouched.
 * (A save that does not fit the quota: e2e/workspace-quota.spec.ts, on a persistent profile.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type {} from '../src/types/pqrst-workspace-test-api.d.ts';
import { expect, test } from './fixtures.ts';
import {
  EDF_201,
  HAVE_DATA,
  MISSING,
  openImport,
  requireDataOrFail,
  upload,
  whenImportIdle,
} from './import-data.ts';

requireDataOrFail();

function settled(page: Page): Promise<void> {
  return page.evaluate(() => window.__pqrstWorkspace!.whenSettled());
}

/** Import 60 s of MIT-BIH 201, keep it, save preset `tall P`; returns the import's digests. */
async function importKeepAndSave(page: Page) {
  await openImport(page);
  await settled(page);
  await page.getByLabel('ECG files').setInputFiles([upload(EDF_201)]);
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await whenImportIdle(page);
  const digest = await page.evaluate(() => window.__pqrstWorkspace!.currentImportDigest());
  await page.getByRole('button', { name: 'Keep in workspace' }).click();
  const items = page.getByTestId('workspace-items');
  await expect(items.locator('tr[data-kind="import"]')).toHaveCount(1);
  await page.evaluate(() => window.__pqrst.setParams({ pAmpMv: 0.3 }));
  await page.getByLabel('Preset name').fill('tall P');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(items.locator('tr[data-kind="preset"]')).toHaveCount(1);
  await settled(page);
  return digest;
}

async function keptDigests(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(async () => {
    const api = window.__pqrstWorkspace!;
    const out: Record<string, string | null> = {};
    for (const m of api.list()) out[`${m.kind}:${m.name}:${m.sizeBytes}`] = await api.itemDigest(m.id);
    return out;
  });
}

test.describe('workspace', () => {
  test.skip(!HAVE_DATA, MISSING);

  test('a kept import and a saved preset are there after a reload, the windows identical', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const digest = await importKeepAndSave(page);
    const importId = await page.evaluate(
      () => window.__pqrstWorkspace!.list().find((m) => m.kind === 'import')!.id,
    );
    expect(await page.evaluate((id) => window.__pqrstWorkspace!.itemDigest(id), importId)).toBe(digest.npy);

    await page.reload();
    await page.waitForFunction(() => window.__pqrstWorkspace !== undefined);
    await settled(page);
    const list = await page.evaluate(() => window.__pqrstWorkspace!.list());
    expect(list.map((m) => m.kind).sort()).toEqual(['import', 'preset']);
    const kept = list.find((m) => m.kind === 'import')!;
    expect(await page.evaluate((id) => window.__pqrstWorkspace!.itemDigest(id), kept.id)).toBe(digest.npy);
    // Restored for training: the Training lab holds the same float32 windows.
    const restored = await page.evaluate(
      (name) => window.__pqrstWorkspace!.trainDatasetDigest(`kept: ${name}`),
      kept.name,
    );
    expect(restored?.digest).toBe(digest.windows);
    expect(restored?.windows).toBeGreaterThan(0);
    // The preset is listed and loads.
    await expect(page.locator('#saved-presets option', { hasText: 'tall P' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    expect(await page.evaluate(() => window.__pqrst.getParams().pAmpMv)).toBeCloseTo(0.3, 9);
  });

  test('export, clear and import bring everything back byte for byte; bad archives are refused', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    page.on('dialog', (d) => void d.accept());
    await importKeepAndSave(page);
    const before = await keptDigests(page);
    expect(Object.keys(before)).toHaveLength(2);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace' }).click();
    const archivePath = testInfo.outputPath('workspace.pqrstws');
    await (await downloading).saveAs(archivePath);
    const archive = readFileSync(archivePath);
    expect(archive.subarray(0, 8).toString('latin1')).toBe('PQRSTWS1');

    // Refusals leave the workspace untouched.
    const fileInput = page.getByLabel('Import workspace file');
    const message = page.getByTestId('workspace-message');
    const bad: [string, Buffer, RegExp][] = [
      ['truncated.pqrstws', archive.subarray(0, archive.length - 100), /truncated/],
      [
        'future.pqrstws',
        Buffer.concat([archive.subarray(0, 8), Buffer.from([3, 0, 0, 0]), archive.subarray(12)]),
        /newer studio \(format version 3; this one reads up to 2\)/,
      ],
      ['notes.txt', Buffer.from('just some text, not an archive'), /not a PQRST Studio workspace archive/],
    ];
    for (const [name, buffer, reason] of bad) {
      await fileInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
      await expect(message).toContainText(`Refused: ${name}`);
      await expect(message).toContainText(reason);
      await expect(message).toContainText('The workspace is unchanged');
      expect(await keptDigests(page)).toEqual(before);
    }

    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page.getByTestId('workspace-empty')).toBeVisible();
    await expect(page.locator('#saved-presets option', { hasText: 'tall P' })).toHaveCount(0);

    const copy = testInfo.outputPath('copy.pqrstws');
    writeFileSync(copy, archive);
    await fileInput.setInputFiles(copy);
    await expect(message).toContainText('Imported 2 items from copy.pqrstws');
    await settled(page);
    expect(await keptDigests(page)).toEqual(before);
    await expect(page.locator('#saved-presets option', { hasText: 'tall P' })).toHaveCount(1);
  });
});
