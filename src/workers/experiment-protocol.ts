/**
 * Messages between the studio's Training lab and `experiment.worker.ts`. Pure types, imported by both
 * sides. The worker holds one browser trainer (backend chosen by `init`, WebGPU → WebGL → WASM → CPU),
 * runs whole experiments (`runExperiment`) and keeps the last trained model of each regime, which the
 * studio can save (IndexedDB), download (tfjs `downloads://` layout) or evaluate. Every request gets
 * exactly one final reply; `run` also streams `progress` and `result`.
 */
import type { ClassName } from '../core/units.ts';
import type { MetricSet } from '../train/metrics.ts';
import type { ExperimentConfig, Regime } from '../train/experiment/config.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import type { ExperimentProgress, ExperimentReport, Provenance } from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/runs.ts';
import type { TaskName } from '../train/experiment/tasks.ts';
import type { BackendName, ModelSpec } from '../train/types.ts';

/** Where the synthetic pre-training records come from. */
export type SyntheticChoice =
  | { kind: 'config' }
  /** A recipe.json (the dataset builder's, or a file), as text, named `name` in messages. */
  | { kind: 'recipe'; name: string; text: string };

/** What a saved or downloaded model carries besides its weights (also in model.json's userDefinedMetadata). */
export interface ModelProvenance {
  format: 'pqrst-model';
  version: 1;
  spec: ModelSpec;
  task: TaskName;
  /** Class of each output, in order. */
  classes: ClassName[];
  regime: Regime;
  budget: number;
  seed: number;
  /** Rate and window length the model takes. */
  fsHz: number;
  windowS: number;
  paramCount: number;
  recipeSha256: string | null;
  trainSha256: string;
  testSha256: string;
  /** Test metrics of the run that trained it. */
  metrics: Record<string, number | null>;
  backend: string;
  generatorVersion: string;
  savedAt: string;
}

/** A model the worker holds: one of the experiment's, or one loaded. */
export interface HeldModel {
  /** Worker-side id. */
  id: number;
  /** e.g. `pretrain af-vs-nsr cnn budget 10 seed 1`. */
  label: string;
  provenance: ModelProvenance;
  /** Trained by the last experiment (replaced by the next one), else loaded. */
  fromRun: boolean;
}

/** Studio → worker. */
export type ExperimentRequest =
  | { type: 'init'; id: number; backend: BackendName | 'auto' }
  /** Parameter count of a model (built and freed at once). */
  | { type: 'count'; id: number; spec: ModelSpec }
  | {
      type: 'run';
      id: number;
      config: ExperimentConfig;
      train: RealDataset;
      /** Name of the real dataset, for results.json's sources. */
      trainName: string;
      synthetic: SyntheticChoice;
      /** Finished runs of an earlier (paused) run of the same config and data: not run again. */
      done: RunResult[];
    }
  | { type: 'cancel'; id: number }
  /** Hold the run `id` before its next batch (its model and place are kept), and let it go on. */
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'save'; id: number; modelId: number; name: string }
  | { type: 'download'; id: number; modelId: number; name: string }
  /** A model from IndexedDB (`name` without the scheme) or from files (model.json + weights). */
  | { type: 'load'; id: number; from: { kind: 'indexeddb'; name: string } | { kind: 'files'; files: File[] } }
  | { type: 'list'; id: number }
  | { type: 'evaluate'; id: number; modelId: number; dataset: RealDataset }
  | { type: 'state'; id: number };

/** One saved model in IndexedDB. */
export interface StoredModel {
  /** Name without `indexeddb://`. */
  name: string;
  /** When it was saved (ISO). */
  savedAt: string;
}

/** Evaluation of a held model on a dataset. */
export interface Evaluation {
  modelId: number;
  classes: ClassName[];
  nWindows: number;
  nPatients: number;
  metrics: Pick<MetricSet, 'f1' | 'auroc' | 'auprc' | 'accuracy' | 'confusion'>;
}

/** Worker → studio. */
export type ExperimentReply =
  | { type: 'ready'; id: number; backend: BackendName; skipped: string[] }
  | { type: 'counted'; id: number; paramCount: number }
  | {
      type: 'progress';
      id: number;
      progress: ExperimentProgress;
      /** Live tensors (flat across epochs when nothing leaks). */
      tensorCount: number;
    }
  | { type: 'result'; id: number; result: RunResult; tensorCount: number }
  | {
      type: 'finished';
      id: number;
      report: ExperimentReport;
      provenance: Provenance;
      resultsCsv: string;
      resultsJson: string;
      /** The last trained model of each regime, kept for saving. */
      models: HeldModel[];
    }
  | { type: 'saved'; id: number; name: string }
  | { type: 'downloaded'; id: number; modelJson: string; weights: ArrayBuffer; provenanceJson: string }
  | { type: 'loaded'; id: number; model: HeldModel }
  | { type: 'listed'; id: number; models: StoredModel[] }
  | { type: 'evaluated'; id: number; evaluation: Evaluation }
  | { type: 'state'; id: number; backend: BackendName | null; tensorCount: number }
  | {
      type: 'failed';
      id: number;
      message: string;
      cancelled: boolean;
      /** For a cancelled run: the results finished before it stopped. */
      partial?: RunResult[];
    };
