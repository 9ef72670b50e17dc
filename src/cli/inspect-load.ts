/**
 * File-system side of `pqrst inspect` and `pqrst import`: finds a record's files, refuses oversized ones,
 * reads them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileLookup } from '../dataset/record-bytes.ts';
import { checkInputSize } from '../io/input-size.ts';
import { IoError } from '../io/io-error.ts';
import { CliError } from './cli-error.ts';

/** What kind of input a path names. */
export type InputKind = 'wfdb' | 'edf' | 'csv';

/** The header path and kind for FILE: `.hea`, a record path without extension, `.mat`/`.dat` beside a header, `.edf`, `.csv`. */
export function resolveInput(file: string): { kind: InputKind; path: string } {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.edf') return { kind: 'edf', path: file };
  if (ext === '.csv') return { kind: 'csv', path: file };
  if (ext === '.hea') return { kind: 'wfdb', path: file };
  const base = ext === '.mat' || ext === '.dat' || ext === '.atr' ? file.slice(0, -ext.length) : file;
  const header = `${base}.hea`;
  if (existsSync(header)) return { kind: 'wfdb', path: header };
  if (ext === '.mat' && existsSync(file) && isMatV5(file)) {
    throw new CliError(
      file,
      'a MAT v5 file without a WFDB header beside it: only MAT v4 records with a .hea are read',
    );
  }
  if (ext === '' && !existsSync(file)) throw new CliError(file, `no such record: ${header} does not exist`);
  if (ext === '.mat' || ext === '.dat' || ext === '.atr') {
    throw new CliError(file, `no WFDB header beside it (expected ${header})`);
  }
  throw new CliError(file, 'unknown file type: expected .hea, a record name, .mat, .edf or .csv');
}

function isMatV5(file: string): boolean {
  try {
    return readFileSync(file).subarray(0, 10).toString('latin1') === 'MATLAB 5.0';
  } catch {
    return false;
  }
}

/**
 * The bytes of a file as a plain Uint8Array, refused by its size (over `maxBytes`) before it is read;
 * unreadable files become a `CliError` naming the file.
 */
export function readInputFile(file: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(file, 'not a regular file');
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    checkInputSize(size, path.basename(file), maxBytes);
  } catch (e) {
    throw new CliError(file, (e as IoError).reason);
  }
  try {
    const buf = readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  } catch (e) {
    throw new CliError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** An `IoError` from a reader as the CLI's usage error: the file it names (else `fallback`) and the reason. */
export function cliErrorOf(e: IoError, fallback: string): CliError {
  const reason = e.field === undefined ? e.reason : `${e.field}: ${e.reason}`;
  return new CliError(e.file ?? fallback, reason);
}

/**
 * The file-system lookup of the pure record loader (src/dataset/record-bytes.ts): the bytes of `path`
 * (refused by size over `maxBytes` first), or undefined when no such file exists.
 */
export function diskLookup(maxBytes: number): FileLookup {
  return (file) => (existsSync(file) ? { name: file, bytes: readInputFile(file, maxBytes) } : undefined);
}
