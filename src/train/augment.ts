/**
 * Training-time augmentation of one window (EXPERIMENT.md): a random circular shift, then one random
 * run of samples set to zero (the mean of a z-scored window). Draws come from the run's seeded `Rng`.
 */
import type { Rng } from '../core/rng.ts';

/** Augmentation strengths (the fields of `TrainSettings` of the same names). */
export interface AugmentSettings {
  /** Largest zeroed run, as a fraction of the window (0 = no masking). */
  maskFraction: number;
  /** Largest circular shift in samples, either direction (0 = no shift). */
  shiftMaxSamples: number;
}

/** Uniform integer in [lo, hi]. */
function uniformInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.uniform() * (hi - lo + 1));
}

/**
 * Write an augmented copy of `src` into `dst` (same length): dst[i] = src[(i − s) mod L] with s uniform
 * in [−shiftMax, shiftMax], then a run of length uniform in [0, maskFraction·L] at a uniform position
 * set to 0.
 */
export function augmentWindow(src: Float32Array, dst: Float32Array, a: AugmentSettings, rng: Rng): void {
  const L = src.length;
  const maxShift = Math.min(L - 1, Math.floor(a.shiftMaxSamples));
  const s = maxShift > 0 ? ((uniformInt(rng, -maxShift, maxShift) % L) + L) % L : 0;
  if (s === 0) dst.set(src);
  else {
    dst.set(src.subarray(L - s), 0);
    dst.set(src.subarray(0, L - s), s);
  }
  const maxRun = Math.min(L, Math.floor(a.maskFraction * L));
  if (maxRun > 0) {
    const run = uniformInt(rng, 0, maxRun);
    const start = uniformInt(rng, 0, L - run);
    dst.fill(0, start, start + run);
  }
}
