/**
 * File-system side of `pqrst import`, part two: reads one record with the pure readers (WFDB with its
 * annotator file, EDF/EDF+, CSV), picks the lead, gathers its labels (annotations, a CSV label column,
 * REFERENCE.csv, `#Dx:` codes, or the label given by hand) and its patient, as an `ImportSource` whose
 * errors the pipeline lists as skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClassName } from '../core/units.ts';
import {
  edfAnnotationLabels,
  wfdbAnnotationLabels,
  type AnnotationLabels,
} from '../dataset/annotation-labels.ts';
import type { ImportSource } from '../dataset/build-import.ts';
import { chooseLead } from '../dataset/choose-lead.ts';
import { csvLabelColumn } from '../dataset/csv-label-column.ts';
import type { ImportRecord, RecordLabel } from '../dataset/import-types.ts';
import type { PatientMap } from '../dataset/patient-map.ts';
import { parseReferenceLabels } from '../dataset/reference-labels.ts';
import { dxRecordLabel } from '../dataset/snomed-labels.ts';
import { readCsvSignals } from '../io/csv-table.ts';
import { csvColumnRole } from '../io/csv-table-columns.ts';
import { readEdf } from '../io/edf.ts';
import { IoError } from '../io/io-error.ts';
import { mvPerUnit } from '../io/physical-units.ts';
import { decodeUtf8 } from '../io/text-decode.ts';
import { decodeAnnotations } from '../io/wfdb-annotation.ts';
import { parseHeaderBytes } from '../io/wfdb-header-bytes.ts';
import { readWfdbRecord } from '../io/wfdb-record.ts';
import type { ImportInput } from './import-files.ts';
import { readInputFile } from './inspect-load.ts';

/** What every record is loaded with. */
export interface LoadContext {
  /** The lead asked for. */
  lead: string;
  maxBytes: number;
  ignoreSkew: boolean;
  /** Annotator (file extension) of WFDB annotations, e.g. `atr`. */
  annotator: string;
  patients?: PatientMap;
  /** Labels of a REFERENCE.csv given on the command line; else one beside each record is used. */
  reference?: Map<string, RecordLabel>;
  snomedClasses: Readonly<Record<string, ClassName>>;
  /** A class given by hand for every record. */
  handLabel?: ClassName;
  /** Sampling rate of CSV files without a time column, Hz. */
  csvFsHz?: number;
  /** The label column of CSV files. */
  labelColumn?: string;
  /** REFERENCE.csv labels found beside records, by folder (filled as records are read). */
  referenceByFolder: Map<string, Map<string, RecordLabel> | undefined>;
}

/** The REFERENCE.csv labels in `dir`, read once per folder; undefined when there is none. */
function folderReference(
  dir: string,
  ctx: LoadContext,
  warnings: string[],
): Map<string, RecordLabel> | undefined {
  const referenceBeside = ctx.referenceByFolder;
  if (!referenceBeside.has(dir)) {
    const file = path.join(dir, 'REFERENCE.csv');
    let labels: Map<string, RecordLabel> | undefined;
    if (existsSync(file)) {
      try {
        labels = parseReferenceLabels(readFileSync(file, 'utf8'), 'REFERENCE.csv');
      } catch (e) {
        warnings.push(`${file} not used: ${(e as Error).message}`);
      }
    }
    referenceBeside.set(dir, labels);
  }
  return referenceBeside.get(dir);
}

function recordLabel(
  input: ImportInput,
  names: string[],
  ctx: LoadContext,
  warnings: string[],
): RecordLabel | undefined {
  if (ctx.handLabel !== undefined) return { className: ctx.handLabel, source: 'given by hand' };
  const reference = ctx.reference ?? folderReference(path.dirname(input.path), ctx, warnings);
  for (const n of names) {
    const hit = reference?.get(n);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function leadIndex(names: string[], ctx: LoadContext, file: string): number {
  const choice = chooseLead(names, ctx.lead);
  if (choice.index === undefined) throw new IoError(choice.reason, { file });
  return choice.index;
}

/** Millivolts per unit of a lead in `units` (empty: mV); throws for units that are not a voltage. */
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

function loadWfdb(input: ImportInput, ctx: LoadContext): LoadedLead {
  const headerName = path.basename(input.path);
  const header = parseHeaderBytes(readInputFile(input.path, ctx.maxBytes), headerName, ctx.maxBytes);
  const dir = path.dirname(input.path);
  const index = leadIndex(
    header.signals.map((s) => s.description),
    ctx,
    headerName,
  );
  const files = new Map<string, Uint8Array>();
  for (const s of header.signals) {
    if (s.format !== 0 && !files.has(s.fileName))
      files.set(s.fileName, readInputFile(path.join(dir, s.fileName), ctx.maxBytes));
  }
  const rec = readWfdbRecord(header, files, {
    maxInputBytes: ctx.maxBytes,
    ignoreSkew: ctx.ignoreSkew,
    headerFileName: headerName,
  });
  const spec = header.signals[index];
  mvFactor(spec.units, spec.description, headerName); // signalsMv holds mV for every voltage unit
  const signalMv = rec.signalsMv[index];
  const nFrames = signalMv.length / spec.samplesPerFrame;
  const warnings = [...rec.warnings];
  const atrPath = `${input.base}.${ctx.annotator}`;
  let labels: AnnotationLabels = { rhythms: [], beats: [] };
  const used = [input.path, ...[...files.keys()].map((f) => path.join(dir, f))];
  if (existsSync(atrPath)) {
    try {
      const anns = decodeAnnotations(readInputFile(atrPath, ctx.maxBytes), path.basename(atrPath));
      labels = wfdbAnnotationLabels(anns, header.fsHz, nFrames);
      used.push(atrPath);
    } catch (e) {
      warnings.push(`annotations not read: ${(e as Error).message}`);
    }
  }
  const label =
    recordLabel(input, [header.recordName, path.basename(input.base)], ctx, warnings) ??
    dxRecordLabel(header.comments, ctx.snomedClasses);
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

function loadEdf(input: ImportInput, ctx: LoadContext): LoadedLead {
  const fileName = path.basename(input.path);
  const rec = readEdf(readInputFile(input.path, ctx.maxBytes), { fileName, maxInputBytes: ctx.maxBytes });
  const index = leadIndex(
    rec.signals.map((s) => s.header.label),
    ctx,
    fileName,
  );
  const s = rec.signals[index];
  const k = mvFactor(s.header.units, s.header.label, fileName);
  const signalMv = k === 1 ? s.physical : s.physical.map((v) => v * k);
  const warnings = [...rec.warnings];
  const labels = edfAnnotationLabels(rec.annotations, signalMv.length / s.fsHz);
  const label = recordLabel(input, [path.basename(input.base)], ctx, warnings);
  return { lead: s.header.label, fsHz: s.fsHz, signalMv, labels, files: [input.path], label, warnings };
}

function loadCsv(input: ImportInput, ctx: LoadContext): LoadedLead {
  const fileName = path.basename(input.path);
  const text = decodeUtf8(readInputFile(input.path, ctx.maxBytes));
  const csv = readCsvSignals(text, { fileName, fsHz: ctx.csvFsHz });
  const index = leadIndex(
    csv.names.map((n) => csvColumnRole(n).baseName),
    ctx,
    fileName,
  );
  let rhythms;
  try {
    rhythms = csvLabelColumn(text, csv.fsHz, ctx.labelColumn) ?? [];
  } catch (e) {
    throw new IoError((e as Error).message, { file: fileName, field: 'header' });
  }
  const warnings = [...csv.warnings];
  const label = recordLabel(input, [path.basename(input.base)], ctx, warnings);
  return {
    lead: csv.names[index],
    fsHz: csv.fsHz,
    signalMv: csv.signalsMv[index],
    labels: { rhythms, beats: [] },
    files: [input.path],
    label,
    warnings,
  };
}

/** The pipeline source of `input`, named `record` in the dataset. */
export function importSource(input: ImportInput, record: string, ctx: LoadContext): ImportSource {
  return {
    name: input.path,
    load(): ImportRecord {
      const loaded =
        input.kind === 'wfdb'
          ? loadWfdb(input, ctx)
          : input.kind === 'edf'
            ? loadEdf(input, ctx)
            : loadCsv(input, ctx);
      return {
        record,
        patient: ctx.patients?.patientOf(path.resolve(input.base)) ?? record,
        files: loaded.files,
        lead: loaded.lead,
        fsHz: loaded.fsHz,
        signalMv: loaded.signalMv,
        rhythms: loaded.labels.rhythms,
        beats: loaded.labels.beats,
        recordLabel: loaded.label,
        warnings: loaded.warnings,
      };
    },
  };
}
