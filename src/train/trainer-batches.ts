/**
 * Mini-batches from in-memory examples without tf.data: rows are gathered (shuffled, augmented) into a
 * reused Float32Array, with one-hot targets and per-example loss weights beside them.
 */
import type { Rng } from '../core/rng.ts';
import { augmentWindow, type AugmentSettings } from './augment.ts';

/** Reusable buffers for batches of up to `capacity` windows of `length` samples, `classes` classes. */
export class BatchBuffers {
  readonly x: Float32Array;
  readonly oneHot: Float32Array;
  readonly weights: Float32Array;

  constructor(
    readonly capacity: number,
    readonly length: number,
    readonly classes: number,
  ) {
    this.x = new Float32Array(capacity * length);
    this.oneHot = new Float32Array(capacity * classes);
    this.weights = new Float32Array(capacity);
  }

  /**
   * Fill rows 0 … count−1 with examples order[from …], from the z-scored `data`, augmented when `augment`
   * is given (then `rng` draws the augmentation).
   */
  fill(
    data: Float32Array,
    labels: Int32Array,
    order: Int32Array,
    from: number,
    count: number,
    classWeights: Float32Array,
    augment: AugmentSettings | null,
    rng: Rng,
  ): void {
    const L = this.length;
    this.oneHot.fill(0, 0, count * this.classes);
    for (let r = 0; r < count; r++) {
      const i = order[from + r];
      const src = data.subarray(i * L, (i + 1) * L);
      const dst = this.x.subarray(r * L, (r + 1) * L);
      if (augment) augmentWindow(src, dst, augment, rng);
      else dst.set(src);
      this.oneHot[r * this.classes + labels[i]] = 1;
      this.weights[r] = classWeights[labels[i]];
    }
  }
}

/** Shuffle `order` in place (Fisher-Yates) with `rng`. */
export function shuffleInPlace(order: Int32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}
