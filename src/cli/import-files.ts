/**
 * File-system side of `pqrst import`: turns the FILES arguments (headers, record paths, `.mat` beside a
 * header, `.edf`, `.csv`, folders searched recursively) into a list of records to read, and each record
 * into a pipeline source that reads its files into bytes and hands them to the loader the studio uses
 * too (src/dataset/record-bytes.ts). Arguments that name nothing readable are listed as skipped with the
 * reason instead of stopping the run.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportSource, SkippedRecord } from '../dataset/build-import.ts';
import { NOT_SIGNAL_FILES, recordNamesOf } from '../dataset/import-paths.ts';
import { RecordLoader, type RecordLoadContext } from '../dataset/record-bytes.ts';
import { DEFAULT_MAX_INPUT_BYTES } from '../io/input-size.ts';
import { CliError } from './cli-error.ts';
import { diskLookup, readInputFile, resolveInput, type InputKind } from './inspect-load.ts';

/** One record to import. */
export interface ImportInput {
  kind: InputKind;
  /** The header (WFDB) or the file (EDF, CSV). */
  path: string;
  /** The path without its extension (record path), for patient lookup and naming. */
  base: string;
}

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
    if (ext === '.hea' || ext === '.edf' || (ext === '.csv' && !NOT_SIGNAL_FILES.test(name))) {
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

/** Record names for `inputs` (see `recordNamesOf`): `100`, else `original/100`, else `derived/x.edf`. */
export function recordNames(inputs: readonly ImportInput[]): string[] {
  return recordNamesOf(inputs.map((i) => i.path));
}

/**
 * Pipeline sources for `inputs`: each reads its record's files from disk (the header or file, then the
 * signal, annotator and REFERENCE.csv files it needs) and loads it with `ctx`. Patients are looked up
 * by the record's absolute path.
 */
export function importSources(inputs: readonly ImportInput[], ctx: RecordLoadContext): ImportSource[] {
  const maxBytes = ctx.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const patients = ctx.patients;
  const loader = new RecordLoader(diskLookup(maxBytes), {
    ...ctx,
    patients: patients && { size: patients.size, patientOf: (p) => patients.patientOf(path.resolve(p)) },
  });
  const names = recordNames(inputs);
  return inputs.map((input, i) => ({
    name: input.path,
    load: () =>
      loader.load(
        {
          kind: input.kind,
          file: { name: input.path, bytes: readInputFile(input.path, maxBytes) },
          base: input.base,
        },
        names[i],
      ),
  }));
}
