/**
 * The training engine's contract. `trainer.ts` (tfjs models, backends, the training loop) implements
 * `Trainer`; `experiment/*` (splits, budgets, metrics, the experiment runner) only uses this file, so
 * the two halves can be read, tested and changed apart.
 */
import type { AbortSignalLike } from '../core/abort.ts';

/** Model architectures of the zoo. */
export const ARCH_NAMES = ['cnn', 'resnet', 'gru', 'transformer'] as const;
/** One architecture: small 1-D CNN, 1-D ResNet, GRU over patch embeddings, small Transformer over patches. */
export type ArchName = (typeof ARCH_NAMES)[number];

/** TensorFlow.js backends, in the order they are tried. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** One TensorFlow.js backend. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The shape of a model: which architecture, how deep and how wide. */
export interface ModelSpec {
  arch: ArchName;
  /** Number of blocks (conv blocks, residual blocks, recurrent layers or Transformer layers); ≥ 1. */
  depth: number;
  /** Channels / hidden units of the first block; ≥ 4. */
  width: number;
  /** Samples per input window. */
  inputLength: number;
  /** Number of output classes (2 for binary tasks). */
  nClasses: number;
}

/** A set of examples in memory: `n` windows of `inputLength` samples, row-major, with class indices. */
export interface ExampleSet {
  /** n × inputLength samples (mV, or z-scored when `zScored`). */
  x: Float32Array;
  /** n class indices in [0, nClasses). */
  y: Int32Array;
  n: number;
  inputLength: number;
}

/** Settings of one training run (EXPERIMENT.md's recipe). */
export interface TrainSettings {
  /** Maximum epochs. */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Early stopping: stop after this many epochs without a better validation loss; 0 = never. */
  patience: number;
  /** Seed of weight initialisation, shuffling and augmentation. */
  seed: number;
  /** Per-class loss weights (length nClasses); omitted = all 1. */
  classWeights?: Float32Array;
  /** Augmentation: fraction of each window zeroed in one random run (0 = off). */
  maskFraction: number;
  /** Augmentation: largest random circular shift in samples (0 = off). */
  shiftMaxSamples: number;
}

/** What one finished epoch reports. */
export interface EpochLog {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** Validation accuracy in [0, 1]. */
  valAccuracy: number;
  samplesPerSec: number;
  /** Milliseconds the epoch took. */
  epochMs: number;
}

/** A trained model, opaque outside the trainer. */
export interface ModelHandle {
  readonly spec: ModelSpec;
  /** Number of trainable parameters. */
  readonly paramCount: number;
  /** Free the model's tensors. */
  dispose(): void;
}

/** Options of `Trainer.fit`. */
export interface FitOptions {
  /** Continue from this model's weights (fine-tuning of all layers) instead of a fresh initialisation. */
  initFrom?: ModelHandle;
  signal?: AbortSignalLike;
  onEpoch?: (log: EpochLog) => void;
  /** Called between batches with the fraction of the run done, for progress bars. */
  onProgress?: (fraction: number) => void;
  /** Waited on before every batch: a closed gate pauses the fit where it is (see `PauseGate`). */
  pauseGate?: { wait(signal?: AbortSignalLike): Promise<number> };
}

/** The result of `Trainer.fit`: the model with the best validation loss and the per-epoch history. */
export interface FitResult {
  model: ModelHandle;
  history: EpochLog[];
  /** The epoch (1-based) whose weights were kept. */
  bestEpoch: number;
}

/** A training engine on one TensorFlow.js backend. Inputs are z-scored per sample by the trainer. */
export interface Trainer {
  readonly backend: BackendName;
  /** Build a fresh model (parameter counts for the UI come from here). */
  createModel(spec: ModelSpec, seed: number): ModelHandle;
  /** Train on `train`, early-stopping on `validation`. */
  fit(
    spec: ModelSpec,
    train: ExampleSet,
    validation: ExampleSet,
    settings: TrainSettings,
    options?: FitOptions,
  ): Promise<FitResult>;
  /** Class probabilities, n × nClasses row-major. */
  predict(model: ModelHandle, examples: ExampleSet, signal?: AbortSignalLike): Promise<Float32Array>;
  /** Number of live tensors (for the memory test). */
  tensorCount(): number;
}
