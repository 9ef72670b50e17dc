/** `window.__pqrst.dataset`: the Dataset builder's test hook (see src/ui/dataset/dataset-test-api.ts). */
import type { SyntheticRecipe } from '../dataset/recipe.ts';

/** What the last export did. */
export interface DatasetExportFacts {
  phase: 'done' | 'cancelled' | 'error';
  destination: 'file' | 'download';
  fileName: string;
  rows: number;
  /** Archive length, bytes (null unless done). */
  archiveBytes: number | null;
  /** The preview's expected size when the export started, bytes. */
  estimatedBytes: number | null;
  workers: number;
  durationMs: number;
  recordsPerSec: number;
  /**
   * The share of the export's time its workers spent encoding (synthesis, encoding and CRCs: time
   * summed over the workers ÷ workers × durationMs); the rest they waited or were not running.
   */
  workerBusyShare: number;
  /** Progress updates shown. */
  progressReports: number;
  error: string | null;
}

/** What the preview shows. */
export interface DatasetPreviewFacts {
  classes: { className: string; names: string[]; seeds: number[]; samples: number[] }[];
  estimatedBytes: number;
  exact: boolean;
}

/** The builder's hook. */
export interface PqrstDatasetTestApi {
  /** The recipe of the form (null while it has an error). */
  getRecipe(): SyntheticRecipe | null;
  /** The form's error, "control: reason" (null when none). */
  getFormError(): string | null;
  /** The preview shown (null before one). */
  getPreview(): DatasetPreviewFacts | null;
  /** Rows written so far by the running export (null when none runs). */
  getProgress(): { doneRows: number; totalRows: number } | null;
  /** The last export (null before one ended). */
  getLastExport(): DatasetExportFacts | null;
  /** Resolves when no export runs and the preview shown is the current recipe's. */
  whenIdle(): Promise<void>;
}

declare module './pqrst-test-api.d.ts' {
  interface PqrstTestApi {
    /** The Dataset builder's hook (installed when the panel mounts). */
    dataset?: PqrstDatasetTestApi;
  }
}
