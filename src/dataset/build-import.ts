/**
 * The import pipeline, pure: load each source (a callback, so the CLI reads files and the studio reads
 * dropped ones), resample its lead to the output rate, optionally band-pass it, cut it into labelled
 * windows and collect the windows in row order. A source that fails to load, a rate that cannot be
 * resampled or a record shorter than a window is listed as skipped with its reason; the rest go on.
 * The kept windows stay in memory (one array per record) until the writer streams them out, since the
 * `.npy` header needs the final row count first.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import type { ClassName } from '../core/units.ts';
import type { BandpassSpec } from './band-pass.ts';
import type { ImportRecord, RecordLabel } from './import-types.ts';
import type { LabelRule } from './label-rule.ts';
import { prepareLead, type PreparedLead, type PrepareLeadOptions } from './prepare-lead.ts';
import { planWindows, secondsToSamples } from './windowing.ts';

/** One input of the pipeline: a name for messages and a loader. */
export interface ImportSource {
  /** The file or record path, as the skipped list names it. */
  name: string;
  /** Reads the record (throws, e.g. an `IoError`, when it cannot). */
  load(): ImportRecord | Promise<ImportRecord>;
}

/** How the dataset is built. */
export interface BuildImportOptions {
  /** Output rate, Hz (integer). */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** Step between windows, s. */
  strideS: number;
  rule: LabelRule;
  rhythmClasses: Readonly<Record<string, ClassName>>;
  /** Optional zero-phase band-pass applied after resampling. */
  bandpass?: BandpassSpec;
  /**
   * Classes given by hand, by record name (as loaded): every window of such a record takes that class
   * (the label rule is not asked), unless the window has invalid samples.
   */
  handLabels?: Readonly<Record<string, ClassName>>;
  /** Resamples (and band-passes) a record's lead; default `prepareLead` (a cache can stand in). */
  prepare?: LeadPreparer;
  signal?: AbortSignalLike;
  /** Called after each source with sources done, the total and the source's name. */
  onProgress?: (done: number, total: number, name: string) => void;
}

/** What turns a record's lead into the dataset's signal at `fsOutHz` (see prepare-lead.ts). */
export type LeadPreparer = (rec: ImportRecord, fsOutHz: number, options: PrepareLeadOptions) => PreparedLead;

/** The rule of a record labelled by hand. */
const HAND_RULE: LabelRule = [{ kind: 'record' }];

/** One row of labels.csv (one window). */
export interface ImportedRow {
  /** Row in signals.npy. */
  row: number;
  record: string;
  patient: string;
  className: ClassName;
  /** Window start in the source record, s. */
  startS: number;
}

/** A record that gave a signal (possibly no windows). */
export interface ImportedRecordInfo {
  record: string;
  patient: string;
  files: string[];
  lead: string;
  /** The record's own rate, Hz. */
  fsInHz: number;
  /** Samples of the lead at `fsInHz`. */
  nSamplesIn: number;
  /** Windows kept. */
  windows: number;
  /** Windows skipped. */
  skippedWindows: number;
  warnings: string[];
}

/** A source or record left out, and why. */
export interface SkippedRecord {
  /** The source name, or the record name once loaded. */
  file: string;
  reason: string;
}

/** A window left out, and why. */
export interface SkippedImportWindow {
  record: string;
  /** Window start in the source record, s. */
  startS: number;
  reason: string;
}

/** Everything the writer needs. */
export interface ImportedDataset {
  /** Output rate, Hz. */
  fsHz: number;
  /** Samples per window. */
  windowSamples: number;
  rows: ImportedRow[];
  /** The windows' samples (mV) in row order, one array per record that has windows. */
  chunks: Float32Array[];
  records: ImportedRecordInfo[];
  skippedRecords: SkippedRecord[];
  skippedWindows: SkippedImportWindow[];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let k = 2; used.has(out); k++) out = `${name}-${k}`;
  used.add(out);
  return out;
}

/** Build the dataset of `sources` (see the module comment); rethrows only when `options.signal` aborts. */
export async function buildImportedDataset(
  sources: readonly ImportSource[],
  options: BuildImportOptions,
): Promise<ImportedDataset> {
  const { fsHz } = options;
  const windowSamples = secondsToSamples(options.windowS, fsHz, 'a window');
  secondsToSamples(options.strideS, fsHz, 'a stride');
  const out: ImportedDataset = {
    fsHz,
    windowSamples,
    rows: [],
    chunks: [],
    records: [],
    skippedRecords: [],
    skippedWindows: [],
  };
  const used = new Set<string>();
  for (let i = 0; i < sources.length; i++) {
    options.signal?.throwIfAborted();
    const source = sources[i];
    try {
      addRecord(out, await source.load(), used, options);
    } catch (e) {
      if (options.signal?.aborted) throw e;
      out.skippedRecords.push({ file: source.name, reason: errorText(e) });
    }
    options.onProgress?.(i + 1, sources.length, source.name);
  }
  return out;
}

function addRecord(
  out: ImportedDataset,
  rec: ImportRecord,
  used: Set<string>,
  options: BuildImportOptions,
): void {
  const { fsHz } = options;
  if (!Number.isInteger(rec.fsHz) || rec.fsHz <= 0) {
    throw new Error(`${rec.record}: sampling rate ${rec.fsHz} Hz is not a whole number of Hz`);
  }
  const record = uniqueName(rec.record, used);
  const durationS = rec.signalMv.length / rec.fsHz;
  if (durationS < options.windowS) {
    const seconds = Math.round(durationS * 1000) / 1000;
    out.skippedRecords.push({
      file: record,
      reason: `shorter than one window (${seconds} s < ${options.windowS} s)`,
    });
    return;
  }
  const leadOptions = { bandpass: options.bandpass, signal: options.signal };
  const lead = options.prepare
    ? options.prepare(rec, fsHz, leadOptions)
    : prepareLead(rec.signalMv, rec.fsHz, fsHz, leadOptions);
  const hand = options.handLabels;
  const handClass = hand !== undefined && Object.hasOwn(hand, rec.record) ? hand[rec.record] : undefined;
  const recordLabel: RecordLabel | undefined =
    handClass === undefined ? rec.recordLabel : { className: handClass, source: 'given by hand' };
  const plan = planWindows(
    {
      nSamples: lead.signalMv.length,
      rhythms: rec.rhythms,
      beats: rec.beats,
      recordLabel,
      invalidSpans: lead.invalidSpans,
    },
    {
      fsHz,
      windowS: options.windowS,
      strideS: options.strideS,
      rule: handClass === undefined ? options.rule : HAND_RULE,
      rhythmClasses: options.rhythmClasses,
    },
  );
  if (plan.tooShort !== undefined) {
    out.skippedRecords.push({ file: record, reason: plan.tooShort });
    return;
  }
  const w = plan.windowSamples;
  if (plan.windows.length > 0) {
    const chunk = new Float32Array(plan.windows.length * w);
    plan.windows.forEach((win, k) => {
      chunk.set(lead.signalMv.subarray(win.startSample, win.startSample + w), k * w);
      out.rows.push({
        row: out.rows.length,
        record,
        patient: rec.patient,
        className: win.className,
        startS: win.startS,
      });
    });
    out.chunks.push(chunk);
  }
  for (const s of plan.skipped) out.skippedWindows.push({ record, startS: s.startS, reason: s.reason });
  out.records.push({
    record,
    patient: rec.patient,
    files: rec.files,
    lead: rec.lead,
    fsInHz: rec.fsHz,
    nSamplesIn: rec.signalMv.length,
    windows: plan.windows.length,
    skippedWindows: plan.skipped.length,
    warnings: rec.warnings,
  });
}
