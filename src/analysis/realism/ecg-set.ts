/** A set of equal-length ECG windows in memory, the input of the realism statistics. */

/** `n` windows of `windowSamples` samples (mV, row-major) at `fsHz`. */
export interface EcgSet {
  fsHz: number;
  windowSamples: number;
  /** n × windowSamples samples. */
  x: Float32Array;
  /** The record (or patient) of each window: windows of one group stay on one side of a split. */
  groups?: readonly string[];
}

/** Number of windows of `set`. */
export function windowCount(set: EcgSet): number {
  return set.windowSamples > 0 ? Math.floor(set.x.length / set.windowSamples) : 0;
}

/** Window `i` of `set` (a view, not a copy). */
export function windowOf(set: EcgSet, i: number): Float32Array {
  return set.x.subarray(i * set.windowSamples, (i + 1) * set.windowSamples);
}
