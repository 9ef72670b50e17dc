/**
 * The import pipeline's sources from files already in memory (the studio's dropped or picked files):
 * pairs each WFDB header with its signal and annotation files by path, reads EDF/EDF+ and CSV files,
 * picks the lead and gathers labels exactly as the CLI's loader does, and lists files that cannot make
 * a record (a `.dat` without its header ...) as skipped with the reason. Pure: bytes in, sources out.
 */
import type { ClassName } from '../core/units.ts';
import { readCsvSignals } from '../io/csv-table.ts';
import { csvColumnRole } from '../io/csv-table-columns.ts';
import { readEdf } from '../io/edf.ts';
import { checkInputSize, DEFAULT_MAX_INPUT_BYTES } from '../io/input-size.ts';
import { IoError } from '../io/io-error.ts';
import { mvPerUnit } from '../io/physical-units.ts';
import { decodeUtf8 } from '../io/text-decode.ts';
import { decodeAnnotations } from '../io/wfdb-annotation.ts';
import { parseHeaderBytes } from '../io/wfdb-header-bytes.ts';
import { readWfdbRecord } from '../io/wfdb-record.ts';
import { edfAnnotationLabels, wfdbAnnotationLabels, type AnnotationLabels } from './annotation-labels.ts';
import type { ImportSource, SkippedRecord } from './build-import.ts';
import { chooseLead } from './choose-lead.ts';
import { csvLabelColumn } from './csv-label-column.ts';
import type { ImportRecord, RecordLabel } from './import-types.ts';
import type { PatientMap } from './patient-map.ts';
import { parseReferenceLabels } from './reference-labels.ts';
import { DEFAULT_SNOMED_CLASSES, dxRecordLabel } from './snomed-labels.ts';

/** A file in memory; `name` may hold a relative folder path (`mitdb/100.hea`). */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** How every record is loaded. */
export interface BytesImportContext {
  /** The lead asked for (`II` also takes `MLII`; `auto` takes II, else a single-lead record's signal). */
  lead: string;
  maxBytes?: number;
  patients?: PatientMap;
  snomedClasses?: Readonly<Record<string, ClassName>>;
  /** Annotator (file extension) of WFDB annotations; default `atr`. */
  annotator?: string;
  /** Sampling rate of CSV files without a time column, Hz. */
  csvFsHz?: number;
  /** Awaited before each record is read (lets a worker take a cancel message in between). */
  beforeLoad?: () => Promise<void>;
  /** Called with every record read, before it enters the pipeline. */
  onLoaded?: (record: ImportRecord) => void;
}

type Kind = 'wfdb' | 'edf' | 'csv';

interface Input {
  kind: Kind;
  /** The header (WFDB) or the file (EDF, CSV). */
  file: NamedBytes;
  /** The path without its extension. */
  base: string;
}

const NOT_SIGNALS = /^(REFERENCE|RECORDS|ANNOTATORS|SHA256SUMS|manifest|records)(\.csv|\.txt)?$/i;

function splitPath(name: string): { dir: string; file: string; stem: string; ext: string } {
  const norm = name.replace(/\\/g, '/');
  const slash = norm.lastIndexOf('/');
  const dir = slash < 0 ? '' : norm.slice(0, slash);
  const file = norm.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const ext = dot <= 0 ? '' : file.slice(dot).toLowerCase();
  return { dir, file, stem: ext === '' ? file : file.slice(0, dot), ext };
}

function joinPath(dir: string, file: string): string {
  return dir === '' ? file : `${dir}/${file}`;
}

/** Names for the inputs: the file stem; where two share it, `parent/stem`; else with the extension. */
function recordNames(inputs: readonly Input[]): string[] {
  const levels = inputs.map((i) => {
    const p = splitPath(i.file.name);
    const parentDir = p.dir.split('/').pop() ?? '';
    const parent = parentDir === '' ? p.stem : `${parentDir}/${p.stem}`;
    return [p.stem, parent, `${parent}${p.ext}`];
  });
  const counts = [0, 1, 2].map((k) => {
    const count = new Map<string, number>();
    for (const l of levels) count.set(l[k], (count.get(l[k]) ?? 0) + 1);
    return count;
  });
  return levels.map((l) => l.find((name, k) => counts[k].get(name) === 1) ?? l[2]);
}

function leadIndex(names: string[], lead: string, file: string): number {
  const wanted = lead.trim().toLowerCase() === 'auto' ? 'II' : lead;
  const choice = chooseLead(names, wanted);
  if (choice.index !== undefined) return choice.index;
  if (lead.trim().toLowerCase() === 'auto' && names.length > 0) return 0;
  throw new IoError(choice.reason ?? 'no lead', { file });
}

function mvFactor(units: string, lead: string, file: string): number {
  const k = mvPerUnit(units.trim() === '' ? 'mV' : units);
  if (k === undefined) throw new IoError(`lead ${lead} is in ${units}, not a voltage`, { file });
  return k;
}

interface LoadedLead {
  lead: string;
  fsHz: number;
  signalMv: Float32Array;
  labels: AnnotationLabels;
  files: string[];
  label?: RecordLabel;
  warnings: string[];
}

/**
 * Sources for the files `files` (see the module comment): one per WFDB header, EDF file or CSV signal
 * file, in the order given; files that make no record are in `skipped`. `REFERENCE.csv` files label the
 * records of their folder.
 */
export function bytesImportSources(
  files: readonly NamedBytes[],
  ctx: BytesImportContext,
): { sources: ImportSource[]; skipped: SkippedRecord[] } {
  const maxBytes = ctx.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const annotator = (ctx.annotator ?? 'atr').toLowerCase();
  const byPath = new Map<string, NamedBytes>();
  for (const f of files) byPath.set(f.name.replace(/\\/g, '/'), f);
  const skipped: SkippedRecord[] = [];
  const inputs: Input[] = [];
  const references = new Map<string, Map<string, RecordLabel>>();
  const referenceWarnings = new Map<string, string>();
  const headerBases = new Set<string>();
  for (const f of files) {
    const p = splitPath(f.name);
    if (p.ext === '.hea') headerBases.add(joinPath(p.dir, p.stem));
  }
  for (const f of files) {
    const p = splitPath(f.name);
    const base = joinPath(p.dir, p.stem);
    if (/^reference\.csv$/i.test(p.file)) {
      try {
        references.set(p.dir, parseReferenceLabels(decodeUtf8(f.bytes), 'REFERENCE.csv'));
      } catch (e) {
        referenceWarnings.set(p.dir, `${f.name} not used: ${(e as Error).message}`);
      }
      continue;
    }
    if (p.ext === '.hea') inputs.push({ kind: 'wfdb', file: f, base });
    else if (p.ext === '.edf') inputs.push({ kind: 'edf', file: f, base });
    else if (p.ext === '.csv' && !NOT_SIGNALS.test(p.file)) inputs.push({ kind: 'csv', file: f, base });
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
  const names = recordNames(inputs);

  function recordLabel(input: Input, keys: string[], warnings: string[]): RecordLabel | undefined {
    const dir = splitPath(input.file.name).dir;
    const warning = referenceWarnings.get(dir);
    if (warning !== undefined) warnings.push(warning);
    const reference = references.get(dir);
    for (const k of keys) {
      const hit = reference?.get(k);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  function read(f: NamedBytes): Uint8Array {
    checkInputSize(f.bytes.byteLength, f.name, maxBytes);
    return f.bytes;
  }

  function loadWfdb(input: Input): LoadedLead {
    const p = splitPath(input.file.name);
    const header = parseHeaderBytes(read(input.file), p.file, maxBytes);
    const index = leadIndex(
      header.signals.map((s) => s.description),
      ctx.lead,
      p.file,
    );
    const dataFiles = new Map<string, Uint8Array>();
    const used = [input.file.name];
    for (const s of header.signals) {
      if (s.format === 0 || dataFiles.has(s.fileName)) continue;
      const full = joinPath(p.dir, s.fileName);
      const data = byPath.get(full);
      if (data === undefined) {
        throw new IoError(`its signal file ${s.fileName} was not among the files given`, { file: p.file });
      }
      dataFiles.set(s.fileName, read(data));
      used.push(data.name);
    }
    const rec = readWfdbRecord(header, dataFiles, { maxInputBytes: maxBytes, headerFileName: p.file });
    const spec = header.signals[index];
    mvFactor(spec.units, spec.description, p.file);
    const signalMv = rec.signalsMv[index];
    const nFrames = signalMv.length / spec.samplesPerFrame;
    const warnings = [...rec.warnings];
    let labels: AnnotationLabels = { rhythms: [], beats: [] };
    const atr = byPath.get(`${input.base}.${annotator}`);
    if (atr !== undefined) {
      try {
        const anns = decodeAnnotations(read(atr), splitPath(atr.name).file);
        labels = wfdbAnnotationLabels(anns, header.fsHz, nFrames);
        used.push(atr.name);
      } catch (e) {
        warnings.push(`annotations not read: ${(e as Error).message}`);
      }
    }
    const label =
      recordLabel(input, [header.recordName, p.stem], warnings) ??
      dxRecordLabel(header.comments, ctx.snomedClasses ?? DEFAULT_SNOMED_CLASSES);
    return {
      lead: spec.description,
      fsHz: header.fsHz * spec.samplesPerFrame,
      signalMv,
      labels,
      files: used,
      label,
      warnings,
    };
  }

  function loadEdf(input: Input): LoadedLead {
    const p = splitPath(input.file.name);
    const rec = readEdf(read(input.file), { fileName: p.file, maxInputBytes: maxBytes });
    const index = leadIndex(
      rec.signals.map((s) => s.header.label),
      ctx.lead,
      p.file,
    );
    const s = rec.signals[index];
    const k = mvFactor(s.header.units, s.header.label, p.file);
    const signalMv = k === 1 ? s.physical : s.physical.map((v) => v * k);
    const warnings = [...rec.warnings];
    const labels = edfAnnotationLabels(rec.annotations, signalMv.length / s.fsHz);
    const label = recordLabel(input, [p.stem], warnings);
    return {
      lead: s.header.label,
      fsHz: s.fsHz,
      signalMv,
      labels,
      files: [input.file.name],
      label,
      warnings,
    };
  }

  function loadCsv(input: Input): LoadedLead {
    const p = splitPath(input.file.name);
    const text = decodeUtf8(read(input.file));
    const csv = readCsvSignals(text, { fileName: p.file, fsHz: ctx.csvFsHz });
    const index = leadIndex(
      csv.names.map((n) => csvColumnRole(n).baseName),
      ctx.lead,
      p.file,
    );
    let rhythms;
    try {
      rhythms = csvLabelColumn(text, csv.fsHz) ?? [];
    } catch (e) {
      throw new IoError((e as Error).message, { file: p.file, field: 'header' });
    }
    const warnings = [...csv.warnings];
    const label = recordLabel(input, [p.stem], warnings);
    return {
      lead: csv.names[index],
      fsHz: csv.fsHz,
      signalMv: csv.signalsMv[index],
      labels: { rhythms, beats: [] },
      files: [input.file.name],
      label,
      warnings,
    };
  }

  const sources = inputs.map((input, i): ImportSource => {
    const record = names[i];
    return {
      name: input.file.name,
      async load(): Promise<ImportRecord> {
        await ctx.beforeLoad?.();
        const loaded =
          input.kind === 'wfdb' ? loadWfdb(input) : input.kind === 'edf' ? loadEdf(input) : loadCsv(input);
        const out: ImportRecord = {
          record,
          patient: ctx.patients?.patientOf(input.base) ?? record,
          files: loaded.files,
          lead: loaded.lead,
          fsHz: loaded.fsHz,
          signalMv: loaded.signalMv,
          rhythms: loaded.labels.rhythms,
          beats: loaded.labels.beats,
          recordLabel: loaded.label,
          warnings: loaded.warnings,
        };
        ctx.onLoaded?.(out);
        return out;
      },
    };
  });
  return { sources, skipped };
}
