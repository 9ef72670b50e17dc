/** `window.__pqrst.import`: the import panel's test hook (see src/ui/import/import-test-api.ts). */
import type { ImportSummary } from '../dataset/import-summary.ts';

/** One record read by the import. */
export interface ImportedRecordFacts {
  name: string;
  fsHz: number;
  nSamples: number;
  nBeats: number;
  /** Windows kept in the dataset. */
  windows: number;
}

/** What the record plot last drew. */
export interface PlottedRecordFacts {
  record: string;
  /** View start and end, s. */
  startS: number;
  endS: number;
  points: number;
  overviewPoints: number;
  beatMarkers: number;
  rhythmBands: number;
  /** View request to painted frame, ms. */
  paintMs: number;
}

/** The last run (an import, or windowing again after a settings change). */
export interface ImportRunFacts {
  /** Runs started before this one in the page's life. */
  serial: number;
  task: 'import' | 'window';
  files: number;
  /** Start to result, ms (null while running or when it did not finish). */
  durationMs: number | null;
  /** When the picked files were read (handed to the worker), ms after the start. */
  readMs?: number;
  /** The worker's record-progress reports, in order, with their time after the start, ms. */
  progress: { done: number; total: number; atMs: number }[];
}

/** The import's test hook. */
export interface PqrstImportTestApi {
  /** The summary of the last import (null before one finished). */
  getSummary(): ImportSummary | null;
  /** The records read by the last import. */
  getRecords(): ImportedRecordFacts[];
  /** What the record plot last drew (null before a paint). */
  getPlotted(): PlottedRecordFacts | null;
  /** The last run (null before one). */
  getLastRun(): ImportRunFacts | null;
  /** Resolves when no import or download is running and the selected record is painted. */
  whenIdle(): Promise<void>;
}
