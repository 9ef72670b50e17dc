/**
 * Messages between the studio and the realism worker. The real side goes in as the import worker's
 * dataset files (signals.npy, transferred, and labels.csv: what `pqrst realism --real` reads), the
 * synthetic side as what to draw (class, count, seed, the studio's parameters or a preset); the worker
 * makes the synthetic windows at the real windows' rate and length, runs `realismRun` (the CLI's code)
 * and sends back the report, its files (report.json and the SVG figures, as the CLI writes them) and the
 * synthetic set's recipe.json. Cancelling ends the worker (the statistics are synchronous loops).
 */
import type { RealismReport, SyntheticSideChoice } from '../analysis/realism/index.ts';

/** How the classifier test is run. */
export interface RealismClassifierOptions {
  /** false: the report says it was not run. */
  run: boolean;
  backend: 'wasm' | 'cpu';
  seed: number;
  epochs: number;
}

/** Main thread → worker. */
export interface RealismRequest {
  type: 'run';
  id: number;
  /** The import's signals.npy bytes and labels.csv text. */
  real: { npy: ArrayBuffer; labelsCsv: string };
  synthetic: SyntheticSideChoice;
  classifier: RealismClassifierOptions;
  /** Windows per side kept (thinned evenly), as the CLI's --max-windows. */
  maxWindows: number;
}

/** The stages the worker reports, in order. */
export type RealismWorkerStage = 'synthesis' | 'statistics' | 'classifier';

/** Worker → main thread. */
export type RealismReply =
  | { type: 'progress'; id: number; stage: RealismWorkerStage; fraction: number }
  | {
      type: 'done';
      id: number;
      report: RealismReport;
      /** report.json and the SVG figures (name → text). */
      files: Record<string, string>;
      /** The synthetic set's recipe.json. */
      recipeJson: string;
      /** The backend the classifier ran on (null when not run). */
      backend: string | null;
      /** Worker time, ms. */
      elapsedMs: number;
    }
  | { type: 'error'; id: number; message: string };
