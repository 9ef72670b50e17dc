/**
 * The import panel's own small zustand store (separate from the studio's): the import's progress, the
 * records read, what was skipped, the dataset summary, the hand labels and the record on the plot.
 * Samples stay in the record views (typed arrays), never copied.
 */
import { createStore } from 'zustand/vanilla';
import type { ClassName } from '../core/units.ts';
import type { SkippedRecord } from '../dataset/build-import.ts';
import type { ImportSummary } from '../dataset/import-summary.ts';
import type { ImportedRecordView } from '../workers/import-protocol.ts';

/** Where the import stands. */
export type ImportPhase = 'idle' | 'reading' | 'running' | 'done' | 'cancelled' | 'error';

/** What a run does: read files and window them, or window the records read again. */
export type ImportTask = 'import' | 'window';

/** What the record plot last drew. */
export interface PlottedRecord {
  record: string;
  /** View start and end, s. */
  startS: number;
  endS: number;
  /** Points of the signal trace (samples, or min/max pairs for a wide view). */
  points: number;
  /** Points of the range slider's overview trace (the whole record, decimated). */
  overviewPoints: number;
  beatMarkers: number;
  rhythmBands: number;
  /** Time from the view's request to the frame after Plotly drew it, ms. */
  paintMs: number;
}

/** The last run, for the test hook and the benchmark. */
export interface ImportRun {
  /** Runs started before this one in the page's life. */
  serial: number;
  task: ImportTask;
  /** Files picked or dropped (0 when windowing again). */
  files: number;
  /** Start (performance.now()), ms. */
  startMs: number;
  /** From the start to the worker's result in the store, ms (null while running or when it did not finish). */
  durationMs: number | null;
  /** When the picked files were read (handed to the worker), ms after the start. */
  readMs?: number;
  /** Every record-progress report of the worker, in order, with its time after the start, ms. */
  progress: { done: number; total: number; atMs: number }[];
}

/** Everything the import store holds. */
export interface ImportState {
  phase: ImportPhase;
  /** What the running (or last) run does. */
  task: ImportTask;
  /** Files handed to the worker. */
  fileCount: number;
  progress: { done: number; total: number; name: string } | null;
  /** Whether the worker holds records read (so settings can be applied to them). */
  loaded: boolean;
  records: ImportedRecordView[];
  /** Windows kept per record. */
  windowsByRecord: Record<string, number>;
  skipped: SkippedRecord[];
  summary: ImportSummary | null;
  /** Classes given by hand, by record name. */
  handLabels: Record<string, ClassName>;
  /** The last error (names the field or file). */
  error: string | null;
  /** The record on the plot. */
  selected: string | null;
  /** A download is being prepared. */
  exporting: boolean;
  plotted: PlottedRecord | null;
  lastRun: ImportRun | null;
}

export const importStore = createStore<ImportState>(() => ({
  phase: 'idle',
  task: 'import',
  fileCount: 0,
  progress: null,
  loaded: false,
  records: [],
  windowsByRecord: {},
  skipped: [],
  summary: null,
  handLabels: {},
  error: null,
  selected: null,
  exporting: false,
  plotted: null,
  lastRun: null,
}));

/** The record view named `name`, if read. */
export function importedRecord(name: string | null): ImportedRecordView | undefined {
  return name === null ? undefined : importStore.getState().records.find((r) => r.name === name);
}

/** Give record `name` the class `className` by hand (undefined: back to its own labels). */
export function setHandLabel(name: string, className: ClassName | undefined): void {
  const { [name]: _old, ...rest } = importStore.getState().handLabels;
  importStore.setState({ handLabels: className === undefined ? rest : { ...rest, [name]: className } });
}
