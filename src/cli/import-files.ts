/**
 * File-system side of `pqrst import`, part one: turns the FILES arguments (headers, record paths,
 * `.mat` beside a header, `.edf`, `.csv`, folders searched recursively) into a list of records to read,
 * pairing each WFDB header with its signal and annotation files. Arguments that name nothing readable
 * are listed as skipped with the reason instead of stopping the run.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SkippedRecord } from '../dataset/build-import.ts';
import { CliError } from './cli-error.ts';
import { resolveInput, type InputKind } from './inspect-load.ts';

/** One record to import. */
export interface ImportInput {
  kind: InputKind;
  /** The header (WFDB) or the file (EDF, CSV). */
  path: string;
  /** The path without its extension (record path), for patient lookup and naming. */
  base: string;
}

/** Files in a folder that are never signals. */
const NOT_SIGNALS = /^(REFERENCE|RECORDS|ANNOTATORS|SHA256SUMS|manifest|records)(\.csv|\.txt)?$/i;

function inputOf(file: string): ImportInput {
  const r = resolveInput(file);
  return { kind: r.kind, path: r.path, base: r.path.slice(0, -path.extname(r.path).length) };
}

/** Records in folder `dir` (recursively, names sorted, hidden entries and cycles left out). */
function walk(dir: string, seen: Set<string>, inputs: ImportInput[], skipped: SkippedRecord[]): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    skipped.push({ file: dir, reason: `cannot read: ${(e as Error).message}` });
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    skipped.push({
      file: dir,
      reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) {
      walk(full, seen, inputs, skipped);
      continue;
    }
    const ext = path.extname(name).toLowerCase();
    const headerBeside = existsSync(full.slice(0, -ext.length) + '.hea');
    if (ext === '.hea' || ext === '.edf' || (ext === '.csv' && !NOT_SIGNALS.test(name))) {
      inputs.push(inputOf(full));
    } else if ((ext === '.mat' || ext === '.dat') && !headerBeside) {
      skipped.push({
        file: full,
        reason: `no WFDB header beside it (expected ${path.basename(full, ext)}.hea)`,
      });
    }
  }
}

/**
 * The records named by `args` (files, record paths, folders), each once (by real path), in argument
 * order; what cannot be read is in `skipped`.
 */
export function collectImportInputs(args: readonly string[]): {
  inputs: ImportInput[];
  skipped: SkippedRecord[];
} {
  const inputs: ImportInput[] = [];
  const skipped: SkippedRecord[] = [];
  const seenDirs = new Set<string>();
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      walk(arg, seenDirs, inputs, skipped);
      continue;
    }
    try {
      inputs.push(inputOf(arg));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      skipped.push({ file: arg, reason: e.message.slice(e.flag.length + 2) });
    }
  }
  const seen = new Set<string>();
  const unique = inputs.filter((i) => {
    let key = path.resolve(i.path);
    try {
      key = realpathSync(i.path);
    } catch {
      // keep the resolved path
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { inputs: unique, skipped };
}

/**
 * Record names for `inputs`: the file name without extension; where two inputs share it, the parent
 * folder and name (`original/100`); where that still repeats, with the extension too
 * (`derived/x.edf`, `derived/x.csv`).
 */
export function recordNames(inputs: readonly ImportInput[]): string[] {
  const levels = inputs.map((i) => {
    const name = path.basename(i.base);
    const parent = `${path.basename(path.dirname(i.base))}/${name}`;
    return [name, parent, `${parent}${path.extname(i.path)}`];
  });
  const counts = [0, 1, 2].map((k) => {
    const count = new Map<string, number>();
    for (const l of levels) count.set(l[k], (count.get(l[k]) ?? 0) + 1);
    return count;
  });
  return levels.map((l) => l.find((name, k) => counts[k].get(name) === 1) ?? l[2]);
}
