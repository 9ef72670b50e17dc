/** Patch (token) geometry shared by the sequence models (GRU, Transformer). */

/** Tokens a window is cut into, whatever its length (so cost does not grow with the sampling rate). */
export const TARGET_TOKENS = 50;

/** Samples per patch for a window of `inputLength` samples (≥ 1). */
export function patchLength(inputLength: number): number {
  return Math.max(1, Math.round(inputLength / TARGET_TOKENS));
}

/** Number of whole patches in a window (a remainder shorter than one patch is dropped). */
export function tokenCount(inputLength: number): number {
  return Math.floor(inputLength / patchLength(inputLength));
}
