/**
 * Shared by the import specs: where the real ECG data is (`$ECG_DATA_DIR`, default ../shared/ecg-data
 * from the project root), whether it is there (the specs skip without it, and fail under
 * REQUIRE_ECG_DATA=1), files for `setInputFiles`, and the import panel's page steps.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const fromEnv = process.env.ECG_DATA_DIR;

/** The data folder. */
export const DATA_DIR =
  fromEnv !== undefined && fromEnv !== ''
    ? path.resolve(fromEnv)
    : path.resolve(PROJECT_ROOT, '../shared/ecg-data');
/** MIT-BIH records as PhysioNet has them. */
export const MITDB = path.join(DATA_DIR, 'mitdb/original');
/** 60 s of MIT-BIH 201 (AF) as EDF+. */
export const EDF_201 = path.join(DATA_DIR, 'derived/mitdb201_MLII_60s-120s.edf');
/** Whether the data the specs need is there. */
export const HAVE_DATA = existsSync(MITDB) && existsSync(EDF_201);
/** The skip message. */
export const MISSING = `real ECG data not found under ${DATA_DIR}: set ECG_DATA_DIR (default ../shared/ecg-data)`;

/** Under REQUIRE_ECG_DATA=1 a missing data folder is a failing test. */
export function requireDataOrFail(): void {
  if (!HAVE_DATA && process.env.REQUIRE_ECG_DATA === '1') {
    test('needs the ECG data folder (REQUIRE_ECG_DATA=1)', () => {
      throw new Error(MISSING);
    });
  }
}

/** A file for `setInputFiles`. */
export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The file `file` as an upload named `name`. */
export function upload(file: string, name = path.basename(file)): Upload {
  return { name, mimeType: 'application/octet-stream', buffer: readFileSync(file) };
}

/** Open the studio and wait for the import panel's test hook. */
export async function openImport(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => window.__pqrst?.import !== undefined, null, { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Import real ECGs' })).toBeVisible();
}

/** Resolves when no import is running and the selected record is painted. */
export function whenImportIdle(page: Page): Promise<void> {
  return page.evaluate(() => window.__pqrst.import!.whenIdle());
}
