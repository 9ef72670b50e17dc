/** Class probabilities of a model for z-scored windows, in batches. */
import { softmax, tensor3d, tidy, type Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { AbortSignalLike } from '../core/abort.ts';
import { yieldToEventLoop } from './trainer-yield.ts';

/** Windows per inference batch. */
export const PREDICT_BATCH = 128;

/** Softmax probabilities (n × classes, row-major) of `model` for `n` z-scored windows of `length`. */
export async function predictProbabilities(
  model: LayersModel,
  xZ: Float32Array,
  n: number,
  length: number,
  classes: number,
  signal?: AbortSignalLike,
): Promise<Float32Array> {
  const out = new Float32Array(n * classes);
  for (let b0 = 0; b0 < n; b0 += PREDICT_BATCH) {
    signal?.throwIfAborted();
    const count = Math.min(PREDICT_BATCH, n - b0);
    const probs = tidy(() => {
      const x = tensor3d(xZ.subarray(b0 * length, (b0 + count) * length), [count, length, 1]);
      return softmax(model.apply(x, { training: false }) as Tensor);
    });
    try {
      out.set((await probs.data()) as Float32Array, b0 * classes);
    } finally {
      probs.dispose();
    }
    if (b0 + count < n) await yieldToEventLoop();
  }
  return out;
}
