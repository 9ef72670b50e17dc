/** `window.__pqrst.train`: the Training lab's test hook (see src/ui/train/train-test-api.ts). */
import type { MetricName } from '../train/metrics.ts';

/** One logged epoch. */
export interface TrainEpochFacts {
  /** Which fit, e.g. `pre-train seed 1`, `scratch budget 10 seed 1`. */
  fit: string;
  epoch: number;
  trainLoss: number;
  valLoss: number;
  samplesPerSec: number;
  /** Live tensors in the worker right after the epoch. */
  tensorCount: number;
}

/** One finished run. */
export interface TrainRunFacts {
  task: string;
  arch: string;
  regime: 'scratch' | 'pretrain';
  budget: number;
  seed: number;
  metrics: Record<MetricName, number>;
  nTrain: number;
  nTest: number;
  epochs: number;
  paramCount: number;
  recipeSha256: string | null;
  trainSha256: string;
}

/** The lab's state. */
export interface TrainFacts {
  phase: 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';
  backend: string | null;
  /** Overall fraction done, 0-1. */
  fraction: number;
  runsDone: number;
  runsTotal: number;
  /** `train`, `pretrain` or `synthesize` (null before the first report). */
  runPhase: string | null;
  paramCount: number | null;
  formError: string | null;
  error: string | null;
  epochs: TrainEpochFacts[];
  results: TrainRunFacts[];
  /** The results files of a finished experiment. */
  resultsCsv: string | null;
  resultsJson: string | null;
  /** Held models' labels. */
  models: string[];
  /** The last evaluation of a held model on a taken dataset. */
  evaluation: { nWindows: number; accuracy: number; confusion: number[][] } | null;
  /** The models section's last message. */
  modelMessage: string | null;
}

/** The lab's hook. */
export interface PqrstTrainTestApi {
  getState(): TrainFacts;
  /** Resolves with the phase once the experiment is no longer running (done, cancelled, paused, error). */
  whenSettled(): Promise<TrainFacts['phase']>;
  /** The worker's live tensor count now (null before it started). */
  tensorCount(): Promise<number | null>;
}

declare module './pqrst-test-api.d.ts' {
  interface PqrstTestApi {
    /** The Training lab's hook (installed when the lab is opened). */
    train?: PqrstTrainTestApi;
  }
}
