/**
 * Messages between the studio and the import worker. Files go in as transferred ArrayBuffers; each
 * record's chosen lead comes back as a transferred Float32Array (mV, at the record's own rate) with its
 * beat and rhythm annotations, and the dataset's summary. The dataset's files are made on request.
 */
import type { SkippedRecord } from '../dataset/build-import.ts';
import type { RhythmSpan } from '../dataset/import-types.ts';
import type { ImportSummary } from '../dataset/import-summary.ts';

/** How the dataset is built. */
export interface ImportOptions {
  /** `II`, `MLII` or `auto`. */
  lead: string;
  /** Output rate, Hz. */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** Step between windows, s. */
  strideS: number;
  /** The label rule (label-rule.ts). */
  labelRule: string;
  /** A record → patient table (CSV text), optional. */
  patientsCsv?: string;
}

/** One file handed to the worker; `name` may hold a relative folder path. */
export interface ImportFile {
  name: string;
  bytes: ArrayBuffer;
}

/** Main thread → worker. */
export type ImportRequest =
  | { type: 'import'; id: number; files: ImportFile[]; options: ImportOptions }
  | { type: 'abort'; id: number }
  | { type: 'export'; id: number };

/** One record read, for the plot and the records list. */
export interface ImportedRecordView {
  name: string;
  patient: string;
  lead: string;
  /** The record's own rate, Hz. */
  fsHz: number;
  /** The chosen lead, mV (invalid samples NaN). */
  signalMv: Float32Array;
  /** Beat annotations: sample indices (at `fsHz`) and symbols. */
  beatSamples: Int32Array;
  beatSymbols: string[];
  /** Rhythm episodes, s. */
  rhythms: RhythmSpan[];
  /** Windows kept in the dataset. */
  windows: number;
  warnings: string[];
}

/** Worker → main thread. */
export type ImportReply =
  | { type: 'progress'; id: number; done: number; total: number; name: string }
  | {
      type: 'done';
      id: number;
      records: ImportedRecordView[];
      /** Files and records left out, with the reason (also in the summary). */
      skipped: SkippedRecord[];
      summary: ImportSummary;
    }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'exported'; id: number; npy: ArrayBuffer; labelsCsv: string };
