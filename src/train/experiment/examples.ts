/** Training and test inputs in the trainer's `ExampleSet` form. */
import type { ExampleSet } from '../types.ts';
import type { RealDataset } from './real-dataset.ts';

/** The windows `indices` of `dataset` (copied, in that order) with the class indices `labels`. */
export function gatherExamples(
  dataset: RealDataset,
  indices: readonly number[],
  labels: readonly number[],
): ExampleSet {
  const L = dataset.windowSamples;
  const x = new Float32Array(indices.length * L);
  indices.forEach((w, i) => x.set(dataset.x.subarray(w * L, (w + 1) * L), i * L));
  return { x, y: Int32Array.from(labels), n: indices.length, inputLength: L };
}

/**
 * Per-class loss weights n / (nClasses · n_k) from the training labels, so every class weighs the same
 * in the loss; for a binary task the positive weight over the negative one is negatives / positives
 * (EXPERIMENT.md). A class without examples gets weight 0.
 */
export function balancedClassWeights(labels: ArrayLike<number>, nClasses: number): Float32Array {
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return Float32Array.from(counts, (c) => (c > 0 ? labels.length / (nClasses * c) : 0));
}
