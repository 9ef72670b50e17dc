import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The project root (three folders above this helper). */
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The folder of real PhysioNet ECG data: `$ECG_DATA_DIR` when set, else `../shared/ecg-data` next to the
 * project root; null when that folder does not exist.
 */
export function ecgDataDir(): string | null {
  const fromEnv = process.env.ECG_DATA_DIR;
  const dir =
    fromEnv !== undefined && fromEnv !== ''
      ? path.resolve(fromEnv)
      : path.resolve(PROJECT_ROOT, '../shared/ecg-data');
  return existsSync(dir) ? dir : null;
}

/** Whether the data folder is mandatory (REQUIRE_ECG_DATA=1): then a missing folder fails the tests. */
function ecgDataRequired(): boolean {
  return process.env.REQUIRE_ECG_DATA === '1';
}

/**
 * `describe(name, ...)` for tests that read the real ECG data. Where the folder is missing the suite is
 * skipped, with a message naming ECG_DATA_DIR, unless REQUIRE_ECG_DATA=1, where it fails instead.
 */
export function describeWithEcgData(name: string, fn: (dataDir: string) => void): void {
  const dir = ecgDataDir();
  if (dir !== null) {
    describe(name, () => fn(dir));
    return;
  }
  const message =
    'real ECG data not found: set ECG_DATA_DIR (default ../shared/ecg-data from the project root)';
  if (ecgDataRequired()) {
    describe(name, () => {
      it('needs the ECG data folder (REQUIRE_ECG_DATA=1)', () => {
        throw new Error(message);
      });
    });
  } else {
    describe.skip(`${name} [skipped: ${message}]`, () => {
      it('reads real ECG data', () => {});
    });
  }
}

/** The bytes of a file in the data folder, as a plain Uint8Array (not a Node Buffer). */
export function readEcgBytes(dataDir: string, relPath: string): Uint8Array {
  const buf = readFileSync(path.join(dataDir, relPath));
  return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}

/** The text of a file in the data folder (UTF-8). */
export function readEcgText(dataDir: string, relPath: string): string {
  return readFileSync(path.join(dataDir, relPath), 'utf8');
}

/** Whether a file exists in the data folder. */
export function ecgFileExists(dataDir: string, relPath: string): boolean {
  return existsSync(path.join(dataDir, relPath));
}

/** Parses a small CSV with a header row and no quoted fields into records keyed by column name. */
export function readCsvRecords(dataDir: string, relPath: string): Record<string, string>[] {
  const [head, ...rows] = readEcgText(dataDir, relPath)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const cols = head.split(',');
  return rows.map((r) => {
    const cells = r.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}
