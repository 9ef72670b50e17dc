/**
 * The experiment's configuration (`exp.json`), resolved: every field present. `parseExperimentConfig`
 * (config-parse.ts) fills the defaults below and validates each field; docs/experiment.schema.json
 * describes the same fields for editors.
 */
import type { PresetName } from '../../synth/index.ts';
import type { ArchName } from '../types.ts';
import type { BudgetMode } from './budget.ts';
import type { TaskName } from './tasks.ts';

/** Training regimes: from scratch on real data, or synthetic pre-training then fine-tuning of all layers. */
export const REGIME_NAMES = ['scratch', 'pretrain'] as const;
/** One regime. */
export type Regime = (typeof REGIME_NAMES)[number];

/** One model of the zoo. */
export interface ModelChoice {
  arch: ArchName;
  /** Blocks / layers, ≥ 1. */
  depth: number;
  /** Channels / hidden units of the first block, ≥ 4. */
  width: number;
}

/**
 * The synthetic pre-training set of each task: `countPerClass` training and `validationPerClass`
 * validation records of every class of the task. Record r of class c is exactly record r of
 * `pqrst generate --class c --seed SEED --count N --seconds S --fs FS --preset P --noise N` (the
 * validation records follow the training ones, r = countPerClass ...). `params` overrides preset
 * parameters (validated by the synthesizer's schema).
 */
export interface SyntheticSpec {
  countPerClass: number;
  validationPerClass: number;
  seed: number;
  preset: PresetName;
  noise: 'default' | 'none';
  /** Rate the records are synthesized at, Hz (resampled to the experiment's `fsHz` when different). */
  fsHz: number;
  /** Record length, s (≥ windowS; the window is the record's first windowS seconds). */
  seconds: number;
  params: Record<string, number | string | boolean>;
}

/** Augmentation while training (EXPERIMENT.md: random masking and random shift). */
export interface AugmentationSpec {
  /** Fraction of each window zeroed in one random run (0 = off). */
  maskFraction: number;
  /** Largest random circular shift as a fraction of the window (0 = off). */
  shiftFraction: number;
}

/** The resolved experiment configuration. */
export interface ExperimentConfig {
  tasks: TaskName[];
  models: ModelChoice[];
  regimes: Regime[];
  /** Real training windows per class, ascending. */
  budgets: number[];
  budgetMode: BudgetMode;
  /** Training seeds (weight initialisation, shuffling, augmentation, budget draws). */
  seeds: number[];
  /** Maximum epochs of a real-data run (scratch or fine-tuning). */
  epochs: number;
  /** Maximum epochs of synthetic pre-training. */
  pretrainEpochs: number;
  batchSize: number;
  learningRate: number;
  /** Early stopping on validation loss: epochs without improvement before stopping (0 = never). */
  patience: number;
  /** Fraction of each budget kept for validation (early stopping). */
  validationFraction: number;
  augmentation: AugmentationSpec;
  synthetic: SyntheticSpec;
  /** Rate the models see, Hz; real and synthetic windows are resampled to it. */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** The test split when no separate test set is given: fraction of patients and seed. */
  test: { fraction: number; seed: number };
  /** Patient bootstrap of the confidence intervals (0 resamples = none). */
  bootstrap: { resamples: number; seed: number; level: number };
}

/** Samples per window: windowS · fsHz. */
export function windowSamples(config: Pick<ExperimentConfig, 'fsHz' | 'windowS'>): number {
  return Math.round(config.windowS * config.fsHz);
}

/** The defaults of every field. */
export const DEFAULT_CONFIG: Readonly<ExperimentConfig> = Object.freeze({
  tasks: ['af-vs-nsr'],
  models: [{ arch: 'cnn', depth: 2, width: 16 }],
  regimes: ['scratch', 'pretrain'],
  budgets: [5, 10, 25, 50, 100],
  budgetMode: 'per-class',
  seeds: [1, 2, 3],
  epochs: 30,
  pretrainEpochs: 10,
  batchSize: 32,
  learningRate: 1e-3,
  patience: 5,
  validationFraction: 0.2,
  augmentation: { maskFraction: 0.5, shiftFraction: 0.75 },
  synthetic: {
    countPerClass: 500,
    validationPerClass: 100,
    seed: 1,
    preset: 'default',
    noise: 'default',
    fsHz: 100,
    seconds: 10,
    params: {},
  },
  fsHz: 100,
  windowS: 10,
  test: { fraction: 0.2, seed: 1 },
  bootstrap: { resamples: 1000, seed: 1, level: 0.95 },
} satisfies ExperimentConfig);
