/**
 * Test metrics of a classifier's probabilities (EXPERIMENT.md): F1 at the 0.5 threshold, AUROC, AUPRC
 * (step-wise average precision, see metrics-ranking.ts), accuracy and the confusion matrix.
 *
 * - Binary tasks (2 classes, index 1 = the abnormal class): F1, AUROC and AUPRC of the positive class,
 *   scored by its probability; predicted positive when that probability is ≥ 0.5.
 * - Multi-class tasks: one-vs-rest per class (class k's probability as its score, argmax as the
 *   prediction), then the unweighted mean over classes (macro average; NaN when any class's figure is
 *   undefined, e.g. a class without test examples); accuracy from the argmax.
 */
import { classF1, confusionAccuracy, confusionMatrix } from './metrics-confusion.ts';
import { descendingOrder, rankingMetrics } from './metrics-ranking.ts';

/** The headline metrics, in report order. */
export const METRIC_NAMES = ['f1', 'auroc', 'auprc', 'accuracy'] as const;
/** One headline metric. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** One class's one-vs-rest figures. */
export interface ClassMetrics {
  f1: number;
  auroc: number;
  auprc: number;
}

/** Metrics of one set of predictions; a metric that is undefined on the data (e.g. AUROC without negatives) is NaN. */
export interface MetricSet extends Record<MetricName, number> {
  /** `confusion[trueClass][predictedClass]`, (weighted) counts. */
  confusion: number[][];
  /** One-vs-rest figures per class (binary tasks: both classes; the headline is class 1's). */
  perClass: ClassMetrics[];
}

/** Evaluates one fixed set of predictions under example weights (computed once, used by the bootstrap). */
export interface Evaluator {
  readonly nExamples: number;
  /** The metrics with example i counted `weights[i]` times (1 when omitted). */
  evaluate(weights?: ArrayLike<number>): MetricSet;
}

function checkInputs(probs: ArrayLike<number>, labels: ArrayLike<number>, nClasses: number): void {
  if (!Number.isInteger(nClasses) || nClasses < 2)
    throw new RangeError(`nClasses must be ≥ 2, got ${nClasses}`);
  if (probs.length !== labels.length * nClasses) {
    throw new RangeError(`probs holds ${probs.length} values, expected ${labels.length} × ${nClasses}`);
  }
  for (let i = 0; i < probs.length; i++) {
    if (!Number.isFinite(probs[i])) throw new RangeError(`probability ${i} is not finite (${probs[i]})`);
  }
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= nClasses) {
      throw new RangeError(`label ${i} is ${y}, expected a class index from 0 to ${nClasses - 1}`);
    }
  }
}

/**
 * An evaluator of `probs` (n × nClasses, row-major, finite) against `labels` (class indices). Throws
 * RangeError on mismatched lengths, non-finite probabilities or labels out of range.
 */
export function createEvaluator(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  nClasses: number,
): Evaluator {
  checkInputs(probs, labels, nClasses);
  const n = labels.length;
  const scores: Float64Array[] = [];
  const positives: Uint8Array[] = [];
  const orders: Int32Array[] = [];
  for (let k = 0; k < nClasses; k++) {
    const s = new Float64Array(n);
    const pos = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = probs[i * nClasses + k];
      pos[i] = labels[i] === k ? 1 : 0;
    }
    scores.push(s);
    positives.push(pos);
    orders.push(descendingOrder(s));
  }
  return {
    nExamples: n,
    evaluate(weights?: ArrayLike<number>): MetricSet {
      const confusion = confusionMatrix(probs, labels, nClasses, weights);
      const perClass = scores.map((s, k) => ({
        f1: classF1(confusion, k),
        ...rankingMetrics(s, positives[k], orders[k], weights),
      }));
      const accuracy = confusionAccuracy(confusion);
      if (nClasses === 2) return { ...perClass[1], accuracy, confusion, perClass };
      const mean = (key: keyof ClassMetrics) => perClass.reduce((sum, c) => sum + c[key], 0) / nClasses;
      return { f1: mean('f1'), auroc: mean('auroc'), auprc: mean('auprc'), accuracy, confusion, perClass };
    },
  };
}

/** The metrics of `probs` (n × nClasses) against `labels`, every example counted once. */
export function evaluatePredictions(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  nClasses: number,
): MetricSet {
  return createEvaluator(probs, labels, nClasses).evaluate();
}
