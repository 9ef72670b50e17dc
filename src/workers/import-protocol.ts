/**
 * Messages between the studio and the import worker. Files go in as transferred ArrayBuffers; each
 * record's chosen lead comes back as a Float32Array (mV, at the record's own rate; a copy, since the
 * worker keeps its records for re-windowing) with its beat and rhythm annotations, and the dataset's
 * summary. Changing the windowing settings re-windows the records read; changing how they are read (lead,
 * annotator, patients) reads the kept files again. The dataset's files are made on request.
 */
import type { ClassName } from '../core/units.ts';
import type { BandpassSpec } from '../dataset/band-pass.ts';
import type { SkippedRecord } from '../dataset/build-import.ts';
import type { RhythmSpan } from '../dataset/import-types.ts';
import type { ImportSummary } from '../dataset/import-summary.ts';

/** How records are read from the files. */
export interface LoadOptions {
  /** `II`, `MLII` or `auto`. */
  lead: string;
  /** Annotator (file extension) of WFDB annotations, e.g. `atr`. */
  annotator: string;
  /** A record → patient table (CSV text), optional. */
  patientsCsv?: string;
}

/** How the records read are cut into labelled windows. */
export interface WindowOptions {
  /** Output rate, Hz. */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** Step between windows, s. */
  strideS: number;
  /** The label rule (label-rule.ts). */
  labelRule: string;
  /** Rhythm note → class, written `(N=nsr,(AFIB=af` (the whole map). */
  rhythmMap: string;
  /** Optional zero-phase band-pass after resampling. */
  bandpass: BandpassSpec | null;
  /** Classes given by hand, by record name. */
  handLabels: Record<string, ClassName>;
}

/** Everything an import is run with. */
export interface ImportOptions {
  load: LoadOptions;
  window: WindowOptions;
}

/** One file handed to the worker; `name` may hold a relative folder path. */
export interface ImportFile {
  name: string;
  bytes: ArrayBuffer;
}

/** Main thread → worker. */
export type ImportRequest =
  /** Read and window `files` (null: the files of the last import again). */
  | { type: 'import'; id: number; files: ImportFile[] | null; options: ImportOptions }
  /** Window the records of the last import again. */
  | { type: 'window'; id: number; options: WindowOptions }
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
  /** The record's own label (REFERENCE.csv, `#Dx:`), as `source`. */
  recordLabel: string | null;
  warnings: string[];
}

/** Worker → main thread. */
export type ImportReply =
  | { type: 'progress'; id: number; done: number; total: number; name: string }
  | {
      type: 'done';
      id: number;
      /** The records read (absent after re-windowing: they are unchanged). */
      records?: ImportedRecordView[];
      /** Windows kept per record. */
      windowsByRecord: Record<string, number>;
      /** Files and records left out, with the reason (also in the summary). */
      skipped: SkippedRecord[];
      summary: ImportSummary;
    }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'exported'; id: number; npy: ArrayBuffer; labelsCsv: string };
