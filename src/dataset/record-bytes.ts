/**
 * One record of an import from bytes, for the CLI and the studio alike: reads a WFDB record (its header,
 * the signal files it names and its annotator file), an EDF/EDF+ file or a CSV table with the pure
 * readers, picks the lead, converts it to mV and gathers its labels (annotations, a CSV label column,
 * REFERENCE.csv, `#Dx:` codes or a label given by hand) and its patient. Files are asked for by path
 * through a lookup, so the CLI reads them from disk and the studio from the dropped files. Pure.
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
import { chooseLead } from './choose-lead.ts';
import { csvLabelColumn } from './csv-label-column.ts';
import { joinPath, splitPath } from './import-paths.ts';
import type { ImportRecord, RecordLabel } from './import-types.ts';
import type { PatientMap } from './patient-map.ts';
import { parseReferenceLabels } from './reference-labels.ts';
import { DEFAULT_SNOMED_CLASSES, dxRecordLabel } from './snomed-labels.ts';

/** A file in memory; `name` is its path (`mitdb/100.hea`, or a file-system path in the CLI). */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** The file at `path` (`/`-separated), or undefined when there is none; may throw when it cannot be read. */
export type FileLookup = (path: string) => NamedBytes | undefined;

/** What kind of file makes a record. */
export type RecordKind = 'wfdb' | 'edf' | 'csv';

/** One record to read: its header (WFDB) or file (EDF, CSV), and its path without the extension. */
export interface RecordInput {
  kind: RecordKind;
  file: NamedBytes;
  base: string;
}

/** How every record is read. */
export interface RecordLoadContext {
  /** The lead asked for (`II` also takes `MLII`; `auto` takes II, else a single-lead record's signal). */
  lead: string;
  /** Largest file read, bytes (default 1 GB). */
  maxBytes?: number;
  /** Read WFDB signals without applying their skew. */
  ignoreSkew?: boolean;
  /** Annotator (file extension) of WFDB annotations; default `atr`. */
  annotator?: string;
  /** Record → patient (else the patient is the record name); looked up by the record's path. */
  patients?: PatientMap;
  /** Record labels that apply to every folder (else a REFERENCE.csv in the record's folder is used). */
  reference?: ReadonlyMap<string, RecordLabel>;
  /** `#Dx:` SNOMED-CT code → class (default: the project's table). */
  snomedClasses?: Readonly<Record<string, ClassName>>;
  /** A class given by hand for every record. */
  handLabel?: ClassName;
  /** Sampling rate of CSV files without a time column, Hz. */
  csvFsHz?: number;
  /** The label column of CSV files (default: the first that reads as one). */
  labelColumn?: string;
}

/** The REFERENCE.csv labels of a folder and the warning of one that could not be read. */
interface FolderReference {
  labels?: Map<string, RecordLabel>;
  warning?: string;
}

/** Reads records through `lookup` with `ctx`; REFERENCE.csv files are read once per folder. */
export class RecordLoader {
  private readonly references = new Map<string, FolderReference>();
  private readonly maxBytes: number;
  private readonly annotator: string;

  constructor(
    private readonly lookup: FileLookup,
    private readonly ctx: RecordLoadContext,
  ) {
    this.maxBytes = ctx.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
    this.annotator = (ctx.annotator ?? 'atr').toLowerCase();
  }

  /** The record `input`, named `record` in the dataset; throws (an `IoError`, mostly) when it cannot be read. */
  load(input: RecordInput, record: string): ImportRecord {
    const loaded =
      input.kind === 'wfdb'
        ? this.loadWfdb(input)
        : input.kind === 'edf'
          ? this.loadEdf(input)
          : this.loadCsv(input);
    return {
      record,
      patient: this.ctx.patients?.patientOf(input.base) ?? record,
      files: loaded.files,
      lead: loaded.lead,
      fsHz: loaded.fsHz,
      signalMv: loaded.signalMv,
      rhythms: loaded.labels.rhythms,
      beats: loaded.labels.beats,
      recordLabel: loaded.label,
      warnings: loaded.warnings,
    };
  }

  private read(f: NamedBytes): Uint8Array {
    checkInputSize(f.bytes.byteLength, f.name, this.maxBytes);
    return f.bytes;
  }

  private folderReference(dir: string): FolderReference {
    let ref = this.references.get(dir);
    if (ref === undefined) {
      ref = {};
      try {
        const file = this.lookup(joinPath(dir, 'REFERENCE.csv'));
        if (file !== undefined) {
          ref.labels = parseReferenceLabels(decodeUtf8(this.read(file)), 'REFERENCE.csv');
        }
      } catch (e) {
        ref.warning = `${joinPath(dir, 'REFERENCE.csv')} not used: ${(e as Error).message}`;
      }
      this.references.set(dir, ref);
    }
    return ref;
  }

  private recordLabel(input: RecordInput, keys: string[], warnings: string[]): RecordLabel | undefined {
    if (this.ctx.handLabel !== undefined) return { className: this.ctx.handLabel, source: 'given by hand' };
    let reference = this.ctx.reference;
    if (reference === undefined) {
      const folder = this.folderReference(splitPath(input.file.name).dir);
      if (folder.warning !== undefined) warnings.push(folder.warning);
      reference = folder.labels;
    }
    for (const k of keys) {
      const hit = reference?.get(k);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  private loadWfdb(input: RecordInput): LoadedLead {
    const p = splitPath(input.file.name);
    const header = parseHeaderBytes(this.read(input.file), p.file, this.maxBytes);
    const index = leadIndex(
      header.signals.map((s) => s.description),
      this.ctx.lead,
      p.file,
    );
    const dataFiles = new Map<string, Uint8Array>();
    const used = [input.file.name];
    for (const s of header.signals) {
      if (s.format === 0 || dataFiles.has(s.fileName)) continue;
      const data = this.lookup(joinPath(p.dir, s.fileName));
      if (data === undefined) {
        throw new IoError(`its signal file ${s.fileName} is missing (expected beside the header)`, {
          file: p.file,
        });
      }
      dataFiles.set(s.fileName, this.read(data));
      used.push(data.name);
    }
    const rec = readWfdbRecord(header, dataFiles, {
      maxInputBytes: this.maxBytes,
      ignoreSkew: this.ctx.ignoreSkew,
      headerFileName: p.file,
    });
    const spec = header.signals[index];
    mvFactor(spec.units, spec.description, p.file); // signalsMv holds mV for every voltage unit
    const signalMv = rec.signalsMv[index];
    const nFrames = signalMv.length / spec.samplesPerFrame;
    const warnings = [...rec.warnings];
    let labels: AnnotationLabels = { rhythms: [], beats: [] };
    const atr = this.lookup(`${input.base}.${this.annotator}`);
    if (atr !== undefined) {
      try {
        const anns = decodeAnnotations(this.read(atr), splitPath(atr.name).file);
        labels = wfdbAnnotationLabels(anns, header.fsHz, nFrames);
        used.push(atr.name);
      } catch (e) {
        warnings.push(`annotations not read: ${(e as Error).message}`);
      }
    }
    const label =
      this.recordLabel(input, [header.recordName, p.stem], warnings) ??
      dxRecordLabel(header.comments, this.ctx.snomedClasses ?? DEFAULT_SNOMED_CLASSES);
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

  private loadEdf(input: RecordInput): LoadedLead {
    const p = splitPath(input.file.name);
    const rec = readEdf(this.read(input.file), { fileName: p.file, maxInputBytes: this.maxBytes });
    const index = leadIndex(
      rec.signals.map((s) => s.header.label),
      this.ctx.lead,
      p.file,
    );
    const s = rec.signals[index];
    const k = mvFactor(s.header.units, s.header.label, p.file);
    const signalMv = k === 1 ? s.physical : s.physical.map((v) => v * k);
    const warnings = [...rec.warnings];
    const labels = edfAnnotationLabels(rec.annotations, signalMv.length / s.fsHz);
    const label = this.recordLabel(input, [p.stem], warnings);
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

  private loadCsv(input: RecordInput): LoadedLead {
    const p = splitPath(input.file.name);
    const text = decodeUtf8(this.read(input.file));
    const csv = readCsvSignals(text, { fileName: p.file, fsHz: this.ctx.csvFsHz });
    const index = leadIndex(
      csv.names.map((n) => csvColumnRole(n).baseName),
      this.ctx.lead,
      p.file,
    );
    let rhythms;
    try {
      rhythms = csvLabelColumn(text, csv.fsHz, this.ctx.labelColumn) ?? [];
    } catch (e) {
      throw new IoError((e as Error).message, { file: p.file, field: 'header' });
    }
    const warnings = [...csv.warnings];
    const label = this.recordLabel(input, [p.stem], warnings);
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

/** The index of the lead `lead` among `names` (see RecordLoadContext.lead); IoError naming `file` when none. */
function leadIndex(names: string[], lead: string, file: string): number {
  const auto = lead.trim().toLowerCase() === 'auto';
  const choice = chooseLead(names, auto ? 'II' : lead);
  if (choice.index !== undefined) return choice.index;
  if (auto && names.length > 0) return 0;
  throw new IoError(choice.reason ?? 'no lead', { file });
}

/** Millivolts per unit of a lead in `units` (empty: mV); IoError for units that are not a voltage. */
function mvFactor(units: string, lead: string, file: string): number {
  const k = mvPerUnit(units.trim() === '' ? 'mV' : units);
  if (k === undefined) throw new IoError(`lead ${lead} is in ${units}, not a voltage`, { file });
  return k;
}
