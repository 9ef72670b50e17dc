/**
 * The import pipeline's sources from files already in memory (the studio's dropped or picked files):
 * pairs each WFDB header with its signal and annotation files by path, takes EDF/EDF+ and CSV files,
 * and lists files that cannot make a record (a `.dat` without its header ...) as skipped with the
 * reason. Each record is read by the loader the CLI uses too (record-bytes.ts). Pure: bytes in,
 * sources out.
 */
import type { ImportSource, SkippedRecord } from './build-import.ts';
import { joinPath, NOT_SIGNAL_FILES, recordNamesOf, splitPath } from './import-paths.ts';
import type { ImportRecord } from './import-types.ts';
import { RecordLoader, type NamedBytes, type RecordInput, type RecordLoadContext } from './record-bytes.ts';

export type { NamedBytes } from './record-bytes.ts';

/** How every record is loaded. */
export interface BytesImportContext extends RecordLoadContext {
  /** Awaited before each record is read (lets a worker take a cancel message in between). */
  beforeLoad?: () => Promise<void>;
  /** Called with every record read, before it enters the pipeline. */
  onLoaded?: (record: ImportRecord) => void;
}

/**
 * Sources for the files `files` (see the module comment): one per WFDB header, EDF file or CSV signal
 * file, in the order given; files that make no record are in `skipped`. A `REFERENCE.csv` (any letter
 * case) labels the records of its folder.
 */
export function bytesImportSources(
  files: readonly NamedBytes[],
  ctx: BytesImportContext,
): { sources: ImportSource[]; skipped: SkippedRecord[] } {
  const annotator = (ctx.annotator ?? 'atr').toLowerCase();
  const byPath = new Map<string, NamedBytes>();
  const headerBases = new Set<string>();
  for (const f of files) {
    const p = splitPath(f.name);
    const file = /^reference\.csv$/i.test(p.file) ? 'REFERENCE.csv' : p.file;
    byPath.set(joinPath(p.dir, file), f);
    if (p.ext === '.hea') headerBases.add(joinPath(p.dir, p.stem));
  }
  const skipped: SkippedRecord[] = [];
  const inputs: RecordInput[] = [];
  for (const f of files) {
    const p = splitPath(f.name);
    const base = joinPath(p.dir, p.stem);
    if (/^reference\.csv$/i.test(p.file)) continue;
    if (p.ext === '.hea') inputs.push({ kind: 'wfdb', file: f, base });
    else if (p.ext === '.edf') inputs.push({ kind: 'edf', file: f, base });
    else if (p.ext === '.csv' && !NOT_SIGNAL_FILES.test(p.file)) inputs.push({ kind: 'csv', file: f, base });
    else if (p.ext === '.dat' || p.ext === '.mat' || p.ext === `.${annotator}`) {
      if (!headerBases.has(base)) {
        skipped.push({ file: f.name, reason: `no WFDB header beside it (expected ${p.stem}.hea)` });
      }
    } else if (!(p.dir === '' && p.ext === '') && !headerBases.has(base)) {
      skipped.push({
        file: f.name,
        reason: 'unknown file type: expected .hea (with .dat/.mat/.atr), .edf or .csv',
      });
    }
  }
  const names = recordNamesOf(inputs.map((i) => i.file.name));
  const loader = new RecordLoader((path) => byPath.get(path.replace(/\\/g, '/')), ctx);
  const sources = inputs.map((input, i): ImportSource => ({
    name: input.file.name,
    async load(): Promise<ImportRecord> {
      await ctx.beforeLoad?.();
      const record = loader.load(input, names[i]);
      ctx.onLoaded?.(record);
      return record;
    },
  }));
  return { sources, skipped };
}
