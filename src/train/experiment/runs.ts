/**
 * The runs of an experiment and what each reports. One run is one (task, arch, regime, budget, seed);
 * runs are planned in a fixed order (task → model → seed → budget → regime) so the pre-trained model of
 * a seed serves every budget, and a resumed experiment skips the runs it already has.
 */
import type { ClassName } from '../../core/units.ts';
import type { MetricIntervals } from '../metrics-bootstrap.ts';
import type { MetricName } from '../metrics.ts';
import type { ArchName, EpochLog } from '../types.ts';
import type { ExperimentConfig, Regime } from './config.ts';
import type { TaskName } from './tasks.ts';

/** What identifies one run. */
export interface RunKey {
  task: TaskName;
  arch: ArchName;
  regime: Regime;
  /** Real training windows per class asked for. */
  budget: number;
  seed: number;
}

/** The result of one run: test metrics with patient-bootstrap intervals, sizes, epochs and provenance. */
export interface RunResult extends RunKey {
  /** The task's classes in label order (index 1 is the positive class of a binary task). */
  classes: ClassName[];
  /** Test metrics; NaN (null in JSON) where undefined. */
  metrics: Record<MetricName, number>;
  /** Percentile intervals from resampling test patients; null when bootstrap.resamples is 0. */
  ci: MetricIntervals | null;
  /** Test confusion matrix, confusion[true][predicted]. */
  confusion: number[][];
  nTrain: number;
  nValidation: number;
  nTest: number;
  nTestPatients: number;
  /** Real windows drawn per class (training + validation). */
  drawnPerClass: number[];
  /** A class had fewer windows than the budget, so all were used. */
  budgetCapped: boolean;
  validationByPatient: boolean;
  validationFromTrain: boolean;
  /** Epochs run on real data. */
  epochs: number;
  /** Epoch whose weights were kept (best validation loss). */
  bestEpoch: number;
  /** Epochs of synthetic pre-training (pretrain regime), else null. */
  pretrainEpochs: number | null;
  paramCount: number;
  /** Per-epoch log of the real-data training. */
  history: EpochLog[];
  /** Wall time of the real-data training, ms (not reproducible; not in results.csv). */
  trainMs: number;
  /** SHA-256 of the synthetic recipe (pretrain regime), else null. */
  recipeSha256: string | null;
  /** SHA-256 of the real training dataset. */
  trainSha256: string;
  /** SHA-256 of the real test dataset (the training dataset's when the test split was drawn from it). */
  testSha256: string;
  /** Why a metric is missing, when one is. */
  note?: string;
}

/** A stable id of a run, for resuming. */
export function runId(k: RunKey): string {
  return `${k.task}|${k.arch}|${k.regime}|${k.budget}|${k.seed}`;
}

/** Every run of `config`, in execution order. */
export function planRuns(config: ExperimentConfig): RunKey[] {
  const out: RunKey[] = [];
  for (const task of config.tasks) {
    for (const { arch } of config.models) {
      for (const seed of config.seeds) {
        for (const budget of config.budgets) {
          for (const regime of config.regimes) out.push({ task, arch, regime, budget, seed });
        }
      }
    }
  }
  return out;
}
