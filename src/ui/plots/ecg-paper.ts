/**
 * ECG paper geometry at 25 mm/s and 10 mm/mV: 1 mm minor boxes (0.04 s × 0.1 mV) and 5 mm major
 * boxes (0.2 s × 0.5 mV), so one second spans 2.5× the screen length of one millivolt.
 */

/** Paper speed, mm/s. */
export const PAPER_SPEED_MM_PER_S = 25;
/** Gain, mm/mV. */
export const GAIN_MM_PER_MV = 10;
/** Screen length of 1 mV relative to 1 s (Plotly `scaleratio` of the mV axis against the s axis). */
export const MV_TO_S_SCREEN_RATIO = GAIN_MM_PER_MV / PAPER_SPEED_MM_PER_S;
/** Minor box width, s (1 mm). */
export const MINOR_S = 1 / PAPER_SPEED_MM_PER_S;
/** Major box width, s (5 mm). */
export const MAJOR_S = 5 / PAPER_SPEED_MM_PER_S;
/** Minor box height, mV (1 mm). */
export const MINOR_MV = 1 / GAIN_MM_PER_MV;
/** Major box height, mV (5 mm). */
export const MAJOR_MV = 5 / GAIN_MM_PER_MV;

/** Paper colours: background, minor and major grid lines, trace. */
export const PAPER_COLORS = {
  background: '#fff7f8',
  minorGrid: '#f9d3db',
  majorGrid: '#ec9aac',
  trace: '#1b1b1f',
  rPeak: '#1f6fd1',
} as const;

/**
 * The amplitude range shown for a signal between `minMv` and `maxMv`: whole major boxes with at least
 * a minor box of margin, and at least −1…+2 mV so a flat record still shows a strip of paper.
 */
export function paperRangeMv(minMv: number, maxMv: number): [number, number] {
  const lo = Math.min(-2 * MAJOR_MV, Math.floor((minMv - MINOR_MV) / MAJOR_MV) * MAJOR_MV);
  const hi = Math.max(4 * MAJOR_MV, Math.ceil((maxMv + MINOR_MV) / MAJOR_MV) * MAJOR_MV);
  return [round6(lo), round6(hi)];
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** The smallest of `steps` × `unitPx` that is at least `minPx` (the last step if none is). */
export function labelStep(unitPx: number, minPx: number, steps: readonly number[]): number {
  return steps.find((s) => s * unitPx >= minPx) ?? steps[steps.length - 1];
}
