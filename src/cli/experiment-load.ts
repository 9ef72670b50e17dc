/**
 * File-system side of `pqrst experiment`: reads `--train` / `--test` folders into a `RealDataset`.
 * A folder with `signals.npy` and `labels.csv` is a `pqrst import` output and is read as it is; any
 * other folder is searched (recursively) for WFDB records, EDF and CSV files, which go through the
 * import pipeline of src/dataset (the one `pqrst import` uses) at the experiment's rate and window.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AbortSignalLike } from '../core/abort.ts';
import { buildImportedDataset, type SkippedRecord } from '../dataset/build-import.ts';
import { NOT_SIGNAL_FILES, recordNamesOf } from '../dataset/import-paths.ts';
import type { LabelRule } from '../dataset/label-rule.ts';
import type { PatientMap } from '../dataset/patient-map.ts';
import { RecordLoader, type RecordInput } from '../dataset/record-bytes.ts';
import { DEFAULT_RHYTHM_CLASSES } from '../dataset/rhythm-classes.ts';
import { decodeNpy } from '../io/npy.ts';
import { datasetFromNpy, parseLabelsCsv } from '../train/experiment/labels-parse.ts';
import { datasetFromImported, type RealDataset } from '../train/experiment/real-dataset.ts';
import { CliError } from './cli-error.ts';

/** How WFDB/EDF/CSV folders are imported. */
export interface FolderImportOptions {
  fsHz: number;
  windowS: number;
  lead: string;
  rule: LabelRule;
  patients?: PatientMap;
  signal?: AbortSignalLike;
  onProgress?: (done: number, total: number, name: string) => void;
}

/** A loaded dataset and how it was read. */
export interface LoadedDataset {
  dataset: RealDataset;
  /** `pqrst import folder` or `N records imported (...)`. */
  kind: 'import-folder' | 'records';
  /** Records or files left out, with the reason (record folders only). */
  skipped: SkippedRecord[];
  /** Records read (record folders only). */
  records: number;
}

function bytesOf(file: string): Uint8Array {
  const buf = readFileSync(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/** Record files under `dir`, sorted, hidden entries left out. */
function recordFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) recordFiles(full, out);
    else if (/\.(hea|edf)$/i.test(name) || (/\.csv$/i.test(name) && !NOT_SIGNAL_FILES.test(name)))
      out.push(full);
  }
  return out;
}

function kindOf(file: string): RecordInput['kind'] {
  const ext = path.extname(file).toLowerCase();
  return ext === '.hea' ? 'wfdb' : ext === '.edf' ? 'edf' : 'csv';
}

/**
 * Reads the folder `dir` given to `flag` (see the module comment). Throws `CliError` naming the flag when
 * the folder is missing or holds no usable window.
 */
export async function loadExperimentFolder(
  flag: string,
  dir: string,
  options: FolderImportOptions,
): Promise<LoadedDataset> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(flag, `${dir} is not a folder`);
  const npyPath = path.join(dir, 'signals.npy');
  const labelsPath = path.join(dir, 'labels.csv');
  if (existsSync(npyPath) && existsSync(labelsPath)) {
    const rows = parseLabelsCsv(readFileSync(labelsPath, 'utf8'), labelsPath);
    const dataset = datasetFromNpy(decodeNpy(bytesOf(npyPath), npyPath), rows, dir);
    return { dataset, kind: 'import-folder', skipped: [], records: new Set(rows.map((r) => r.record)).size };
  }
  const files = recordFiles(dir);
  if (files.length === 0) {
    throw new CliError(flag, `${dir} holds neither signals.npy + labels.csv nor WFDB/EDF/CSV records`);
  }
  const names = recordNamesOf(files);
  const loader = new RecordLoader(
    (file) => (existsSync(file) ? { name: file, bytes: bytesOf(file) } : undefined),
    { lead: options.lead, patients: options.patients },
  );
  // Each record's files are read when the pipeline reaches it, so only one record is in memory at a time.
  const sources = files.map((file, i) => ({
    name: file,
    load: () => {
      const input: RecordInput = {
        kind: kindOf(file),
        file: { name: file, bytes: bytesOf(file) },
        base: file.slice(0, -path.extname(file).length),
      };
      return loader.load(input, names[i]);
    },
  }));
  const imported = await buildImportedDataset(sources, {
    fsHz: options.fsHz,
    windowS: options.windowS,
    strideS: options.windowS,
    rule: options.rule,
    rhythmClasses: DEFAULT_RHYTHM_CLASSES,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  if (imported.rows.length === 0) {
    const why = imported.skippedRecords.slice(0, 3).map((s) => `${s.file}: ${s.reason}`);
    throw new CliError(
      flag,
      `no labelled window could be read from ${dir}${why.length ? ` (${why.join('; ')})` : ''}`,
    );
  }
  return {
    dataset: datasetFromImported(imported),
    kind: 'records',
    skipped: imported.skippedRecords,
    records: imported.records.length,
  };
}
