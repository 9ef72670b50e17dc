/**
 * Predicted classes and the confusion matrix. A binary task (2 classes) predicts the positive class
 * (index 1) when its probability is ≥ 0.5; a multi-class task predicts the class of highest probability
 * (the lowest index on a tie).
 */

/** The predicted class of example `i` from `probs` (n × nClasses, row-major), by the rule above. */
export function predictedClass(probs: ArrayLike<number>, nClasses: number, i: number): number {
  if (nClasses === 2) return probs[i * 2 + 1] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < nClasses; k++) if (probs[i * nClasses + k] > probs[i * nClasses + best]) best = k;
  return best;
}

/**
 * The confusion matrix `m[trueClass][predictedClass]` (weighted counts: example i counts `weights[i]`,
 * 1 when omitted).
 */
export function confusionMatrix(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  nClasses: number,
  weights?: ArrayLike<number>,
): number[][] {
  const m = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < labels.length; i++) {
    m[labels[i]][predictedClass(probs, nClasses, i)] += weights === undefined ? 1 : weights[i];
  }
  return m;
}

/**
 * F1 of class `k` from a confusion matrix: 2·TP / (2·TP + FP + FN); NaN when the class has no true
 * examples (TP + FN = 0), where F1 says nothing about finding it.
 */
export function classF1(m: readonly (readonly number[])[], k: number): number {
  let fp = 0;
  let fn = 0;
  for (let j = 0; j < m.length; j++) {
    if (j === k) continue;
    fp += m[j][k];
    fn += m[k][j];
  }
  const tp = m[k][k];
  return tp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : NaN;
}

/** Accuracy from a confusion matrix: the diagonal over the total; NaN for an empty matrix. */
export function confusionAccuracy(m: readonly (readonly number[])[]): number {
  let right = 0;
  let total = 0;
  for (let t = 0; t < m.length; t++) {
    for (let p = 0; p < m.length; p++) total += m[t][p];
    right += m[t][t];
  }
  return total > 0 ? right / total : NaN;
}
