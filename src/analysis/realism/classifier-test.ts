/**
 * The classifier two-sample test (Lopez-Paz D, Oquab M. Revisiting classifier two-sample tests. ICLR
 * 2017): a small model is trained to tell real windows from synthetic ones, and its AUROC on held-out
 * windows measures how distinguishable the sets are: 0.5 when they are not, 1 when they are fully.
 * - Windows are resampled to `fsHz` (default 100 Hz) and the middle `windowS` seconds (default 2.5 s)
 *   of each is used; at most `maxPerSide` windows per set (default 1000, taken evenly).
 * - Split by group (record), seeded: groups are shuffled and assigned to training (50 %), validation
 *   (10 %) and test (40 %) by their windows' running share, so no record is on two sides. A side with
 *   fewer than 10 records (MIT-BIH holds 3 AF records) is split in time instead: the first half of each
 *   record's windows trains, the next 10 % validates, the last 40 % tests (`split` says which).
 * - Model: the engine's 1-D CNN (depth 2, width 8), `epochs` epochs (default 3) of Adam (learning rate
 *   1e-2, batch 16: enough steps for a few hundred windows), no augmentation, the epoch with the best
 *   validation loss kept; the trainer z-scores every window, so amplitude alone cannot tell the sets
 *   apart.
 * - AUROC of the real class's probability on the test windows (rank formula, src/train/metrics-ranking).
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { resample } from '../../core/resample.ts';
import { createRng } from '../../core/rng.ts';
import { descendingOrder, rankingMetrics } from '../../train/metrics-ranking.ts';
import type { EpochLog, ExampleSet, ModelSpec, Trainer, TrainSettings } from '../../train/types.ts';
import { windowCount, windowOf, type EcgSet } from './ecg-set.ts';

/** Options of `classifierTwoSample`. */
export interface TwoSampleOptions {
  seed?: number;
  fsHz?: number;
  windowS?: number;
  epochs?: number;
  maxPerSide?: number;
  /** Adam learning rate (default 1e-2) and batch size (default 16). */
  learningRate?: number;
  batchSize?: number;
  signal?: AbortSignalLike;
  /** Training progress, 0 … 1. */
  onProgress?: (fraction: number) => void;
}

/** The test's outcome. */
export interface TwoSampleResult {
  /** Held-out AUROC of "real" (0.5 = indistinguishable). */
  auroc: number;
  nTrain: number;
  nValidation: number;
  nTest: number;
  /** Windows per side used, the model and the training history. */
  nReal: number;
  nSynthetic: number;
  /** How windows were split: by record, or (a side with < 10 records) by time within each record. */
  split: 'by-record' | 'by-time-within-record';
  model: ModelSpec;
  history: EpochLog[];
}

const TRAIN_SHARE = 0.5;
const VALIDATION_SHARE = 0.1;
/** Fewest records per side for a split by record; with fewer, each record is split in time. */
const MIN_GROUPS = 10;

/** The middle `length` samples of every used window of `set`, at `fsHz`, with its group. */
function prepare(
  set: EcgSet,
  fsHz: number,
  length: number,
  maxPerSide: number,
  signal?: AbortSignalLike,
): { rows: Float32Array[]; groups: string[] } {
  const n = windowCount(set);
  const step = Math.max(1, n / maxPerSide);
  const rows: Float32Array[] = [];
  const groups: string[] = [];
  for (let p = 0; Math.floor(p) < n; p += step) {
    signal?.throwIfAborted();
    const i = Math.floor(p);
    const x = set.fsHz === fsHz ? windowOf(set, i) : resample(windowOf(set, i), set.fsHz, fsHz);
    if (x.length < length) {
      throw new RangeError(
        `windows of ${(x.length / fsHz).toFixed(2)} s are shorter than the test's ${length / fsHz} s`,
      );
    }
    const start = (x.length - length) >> 1;
    rows.push(Float32Array.from(x.subarray(start, start + length)));
    groups.push(set.groups?.[i] ?? `#${i}`);
  }
  return { rows, groups };
}

/** The split of the share `share` (0 … 1) of a side: 0 train, 1 validation, 2 test. */
function splitOf(share: number): number {
  return share < TRAIN_SHARE ? 0 : share < TRAIN_SHARE + VALIDATION_SHARE ? 1 : 2;
}

/**
 * Split index of every row (0 train, 1 validation, 2 test): by shuffled groups when there are at least
 * `MIN_GROUPS`, else within each group by time (its first half trains, the last 40 % tests).
 */
function splitRows(groups: readonly string[], seed: number): { split: Uint8Array; byGroup: boolean } {
  const unique = [...new Set(groups)];
  if (unique.length < MIN_GROUPS) {
    const seen = new Map<string, number>();
    const count = new Map<string, number>();
    for (const g of groups) count.set(g, (count.get(g) ?? 0) + 1);
    const split = Uint8Array.from(groups, (g) => {
      const k = seen.get(g) ?? 0;
      seen.set(g, k + 1);
      return splitOf(k / count.get(g)!);
    });
    return { split, byGroup: false };
  }
  const rng = createRng(seed, 7);
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [unique[i], unique[j]] = [unique[j], unique[i]];
  }
  const count = new Map<string, number>();
  for (const g of groups) count.set(g, (count.get(g) ?? 0) + 1);
  const side = new Map<string, number>();
  let done = 0;
  for (const g of unique) {
    side.set(g, splitOf(done / groups.length));
    done += count.get(g)!;
  }
  return { split: Uint8Array.from(groups, (g) => side.get(g)!), byGroup: true };
}

function examples(rows: Float32Array[], labels: number[], length: number): ExampleSet {
  const x = new Float32Array(rows.length * length);
  rows.forEach((r, i) => x.set(r, i * length));
  return { x, y: Int32Array.from(labels), n: rows.length, inputLength: length };
}

/**
 * Train `trainer`'s small CNN to tell `real` (label 1) from `synthetic` (label 0) and return its held-out
 * AUROC (see the module comment). Throws when a side has too few windows for the three splits.
 */
export async function classifierTwoSample(
  trainer: Trainer,
  real: EcgSet,
  synthetic: EcgSet,
  options: TwoSampleOptions = {},
): Promise<TwoSampleResult> {
  const fsHz = options.fsHz ?? 100;
  const length = Math.round((options.windowS ?? 2.5) * fsHz);
  const seed = options.seed ?? 1;
  const maxPerSide = options.maxPerSide ?? 1000;
  const sides = [synthetic, real].map((set) => prepare(set, fsHz, length, maxPerSide, options.signal));
  const parts = [0, 1, 2].map(() => ({ rows: [] as Float32Array[], labels: [] as number[] }));
  const byGroup: boolean[] = [];
  sides.forEach((side, label) => {
    const { split, byGroup: grouped } = splitRows(side.groups, seed + label);
    byGroup.push(grouped);
    side.rows.forEach((row, i) => {
      parts[split[i]].rows.push(row);
      parts[split[i]].labels.push(label);
    });
  });
  for (const [name, p] of [
    ['training', parts[0]],
    ['validation', parts[1]],
    ['test', parts[2]],
  ] as const) {
    if (!p.labels.includes(0) || !p.labels.includes(1)) {
      throw new RangeError(
        `too few windows or records for a ${name} split with both real and synthetic windows`,
      );
    }
  }
  const [train, validation, test] = parts.map((p) => examples(p.rows, p.labels, length));
  const spec: ModelSpec = { arch: 'cnn', depth: 2, width: 8, inputLength: length, nClasses: 2 };
  const settings: TrainSettings = {
    epochs: options.epochs ?? 3,
    batchSize: options.batchSize ?? 16,
    learningRate: options.learningRate ?? 1e-2,
    patience: 0,
    seed,
    maskFraction: 0,
    shiftMaxSamples: 0,
  };
  const fit = await trainer.fit(spec, train, validation, settings, {
    signal: options.signal,
    onProgress: options.onProgress,
  });
  try {
    const probs = await trainer.predict(fit.model, test, options.signal);
    const scores = Float64Array.from({ length: test.n }, (_, i) => probs[2 * i + 1]);
    const positive = Uint8Array.from(test.y);
    const { auroc } = rankingMetrics(scores, positive, descendingOrder(scores));
    return {
      auroc,
      nTrain: train.n,
      nValidation: validation.n,
      nTest: test.n,
      nReal: sides[1].rows.length,
      nSynthetic: sides[0].rows.length,
      split: byGroup[0] && byGroup[1] ? 'by-record' : 'by-time-within-record',
      model: spec,
      history: fit.history,
    };
  } finally {
    fit.model.dispose();
  }
}
