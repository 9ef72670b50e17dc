/**
 * The import panel's own small zustand store (separate from the studio's): the import's progress, the
 * records read, what was skipped, the dataset summary and the record on the plot. Samples stay in the
 * record views (typed arrays), never copied.
 */
import { createStore } from 'zustand/vanilla';
import type { SkippedRecord } from '../dataset/build-import.ts';
import type { ImportSummary } from '../dataset/import-summary.ts';
import type { ImportedRecordView } from '../workers/import-protocol.ts';

/** Where the import stands. */
export type ImportPhase = 'idle' | 'reading' | 'running' | 'done' | 'cancelled' | 'error';

/** What the record plot last drew. */
export interface PlottedRecord {
  record: string;
  /** Window start, s. */
  startS: number;
  points: number;
  beatMarkers: number;
  rhythmBands: number;
}

/** Everything the import store holds. */
export interface ImportState {
  phase: ImportPhase;
  /** Files handed to the worker. */
  fileCount: number;
  progress: { done: number; total: number; name: string } | null;
  records: ImportedRecordView[];
  skipped: SkippedRecord[];
  summary: ImportSummary | null;
  /** The last error (names the field or file). */
  error: string | null;
  /** The record on the plot. */
  selected: string | null;
  /** A download is being prepared. */
  exporting: boolean;
  plotted: PlottedRecord | null;
}

export const importStore = createStore<ImportState>(() => ({
  phase: 'idle',
  fileCount: 0,
  progress: null,
  records: [],
  skipped: [],
  summary: null,
  error: null,
  selected: null,
  exporting: false,
  plotted: null,
}));

/** The record view named `name`, if read. */
export function importedRecord(name: string | null): ImportedRecordView | undefined {
  return name === null ? undefined : importStore.getState().records.find((r) => r.name === name);
}
