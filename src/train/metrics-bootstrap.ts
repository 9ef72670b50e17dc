/**
 * Confidence intervals of the test metrics by bootstrap resampling of PATIENTS: every window of a drawn
 * patient counts once per draw. Windows of one person are correlated, so resampling windows would
 * understate the uncertainty. The resampling is stratified: patients are grouped by the set of classes
 * their windows have (e.g. {af}, {nsr}, {af, nsr}), and each group is redrawn uniformly with
 * replacement at its own size, so every resample keeps the test set's mix of patients (an unstratified
 * resample of a test set with 4 AF patients among 19 has no AF patient about 1 time in 90, where F1
 * and AUROC mean nothing). The interval is the percentile interval of the resampled metric (linear
 * interpolation between order statistics, numpy's default), over the resamples where the metric is
 * defined; `n` says how many those were.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { createRng } from '../core/rng.ts';
import { createEvaluator, METRIC_NAMES, type MetricName } from './metrics.ts';

/** A percentile confidence interval. */
export interface Interval {
  lo: number;
  hi: number;
  /** Resamples in which the metric was defined (NaN bounds when 0). */
  n: number;
}

/** Intervals of every headline metric. */
export type MetricIntervals = Record<MetricName, Interval>;

/** Options of `patientBootstrap`. */
export interface BootstrapOptions {
  /** Number of resamples (e.g. 1000). */
  resamples: number;
  /** Seed of the resampling stream. */
  seed: number;
  /** Coverage of the interval; default 0.95. */
  level?: number;
  signal?: AbortSignalLike;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` by linear interpolation at position q·(n − 1). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = q * (n - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Patient indices grouped by the set of classes of their windows (groups in order of first patient). */
function patientStrata(nPatients: number, patientOf: Int32Array, labels: ArrayLike<number>): number[][] {
  const classSets = Array.from({ length: nPatients }, () => new Set<number>());
  for (let i = 0; i < labels.length; i++) classSets[patientOf[i]].add(labels[i]);
  const byKey = new Map<string, number[]>();
  classSets.forEach((set, p) => {
    const key = [...set].sort((a, b) => a - b).join(',');
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [p]);
    else group.push(p);
  });
  return [...byKey.values()];
}

/**
 * Percentile bootstrap intervals of the metrics of `probs` (n × nClasses) against `labels`, resampling
 * the patients `patients[i]` of the windows within their strata (see the module comment). Deterministic
 * for a seed: the patients are taken in sorted order, and every draw comes from one SFC32 stream.
 */
export function patientBootstrap(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  nClasses: number,
  patients: readonly string[],
  options: BootstrapOptions,
): MetricIntervals {
  if (patients.length !== labels.length) {
    throw new RangeError(`patients has ${patients.length} entries, labels ${labels.length}`);
  }
  const { resamples } = options;
  if (!Number.isInteger(resamples) || resamples < 0) {
    throw new RangeError(`resamples must be a whole number ≥ 0, got ${resamples}`);
  }
  const level = options.level ?? 0.95;
  const evaluator = createEvaluator(probs, labels, nClasses);
  const ids = [...new Set(patients)].sort();
  const indexOf = new Map(ids.map((p, k) => [p, k]));
  const patientOf = Int32Array.from(patients, (p) => indexOf.get(p) ?? 0);
  const strata = patientStrata(ids.length, patientOf, labels);
  const draws = new Int32Array(ids.length);
  const weights = new Float64Array(labels.length);
  const values: Record<MetricName, number[]> = { f1: [], auroc: [], auprc: [], accuracy: [] };
  const rng = createRng(options.seed, 0x62737470); // stream id: "bstp"
  for (let r = 0; r < resamples; r++) {
    if (r % 50 === 0) options.signal?.throwIfAborted();
    draws.fill(0);
    for (const stratum of strata) {
      for (let j = 0; j < stratum.length; j++) draws[stratum[Math.floor(rng.uniform() * stratum.length)]]++;
    }
    for (let i = 0; i < weights.length; i++) weights[i] = draws[patientOf[i]];
    const m = evaluator.evaluate(weights);
    for (const name of METRIC_NAMES) if (Number.isFinite(m[name])) values[name].push(m[name]);
  }
  const alpha = (1 - level) / 2;
  const out = {} as MetricIntervals;
  for (const name of METRIC_NAMES) {
    const sorted = values[name].sort((a, b) => a - b);
    out[name] = {
      lo: quantileSorted(sorted, alpha),
      hi: quantileSorted(sorted, 1 - alpha),
      n: sorted.length,
    };
  }
  return out;
}
