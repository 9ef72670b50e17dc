/** Class-weighted softmax cross-entropy, the training loss (and its per-example form for validation). */
import { logSoftmax, mean, mul, neg, sum, type Scalar, type Tensor } from '@tensorflow/tfjs-core';

/**
 * mean_i w_i · (−log softmax(logits_i)[y_i]) over a batch, with `oneHot` the [n, classes] targets and
 * `weights` the [n] per-example weights (the class weight of each example's label). With two classes
 * and weights (1, negatives/positives) this is PyTorch's BCEWithLogits with pos_weight.
 */
export function weightedCrossEntropy(logits: Tensor, oneHot: Tensor, weights: Tensor): Scalar {
  return neg(mean(mul(sum(mul(oneHot, logSoftmax(logits)), -1), weights))) as Scalar;
}

/**
 * The same loss from probabilities already computed (row-major n × classes), and the accuracy of the
 * arg-max class; for validation in JavaScript.
 */
export function lossAndAccuracy(
  probs: Float32Array,
  y: Int32Array,
  n: number,
  classes: number,
  classWeights: Float32Array,
): { loss: number; accuracy: number } {
  if (n === 0) return { loss: NaN, accuracy: NaN };
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const row = i * classes;
    loss -= classWeights[y[i]] * Math.log(Math.max(probs[row + y[i]], 1e-7));
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[row + c] > probs[row + best]) best = c;
    if (best === y[i]) correct++;
  }
  return { loss: loss / n, accuracy: correct / n };
}
