/** `window.__pqrst.import`: the import panel's test hook (see src/ui/import/import-test-api.ts). */
import type { ImportSummary } from '../dataset/import-summary.ts';

/** One record read by the import. */
export interface ImportedRecordFacts {
  name: string;
  fsHz: number;
  nSamples: number;
  nBeats: number;
}

/** What the record plot last drew. */
export interface PlottedRecordFacts {
  record: string;
  startS: number;
  points: number;
  beatMarkers: number;
  rhythmBands: number;
}

/** The import's test hook. */
export interface PqrstImportTestApi {
  /** The summary of the last import (null before one finished). */
  getSummary(): ImportSummary | null;
  /** The records read by the last import. */
  getRecords(): ImportedRecordFacts[];
  /** What the record plot last drew (null before a paint). */
  getPlotted(): PlottedRecordFacts | null;
  /** Resolves when no import or download is running and the selected record is painted. */
  whenIdle(): Promise<void>;
}
