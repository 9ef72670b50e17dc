/**
 * Spectrum of heart-rate variability from beat times (Task Force of the ESC and NASPE. Heart rate
 * variability: standards of measurement, physiological interpretation and clinical use. Circulation
 * 1996;93:1043-65): the RR tachogram, RR_i = t_i − t_(i−1) placed at t_i, is linearly interpolated onto
 * an even grid at `resampleHz` from t_1 to the last beat, its mean removed, and its Welch PSD taken.
 */
import { welchPsd, type Spectrum } from './welch-psd.ts';

/**
 * RR-interval PSD (s²/Hz) of the beats at `rPeakTimesS` (ascending, seconds), resampled at
 * `resampleHz` (default 4 Hz). `segmentLength` defaults to the largest power of two ≤ max(16, m/4)
 * for m resampled points (256 for 5 min at 4 Hz), capped at m. Needs at least 3 beats.
 */
export function rrSpectrum(
  rPeakTimesS: Float64Array | number[],
  resampleHz = 4,
  segmentLength?: number,
): Spectrum {
  const nb = rPeakTimesS.length;
  if (nb < 3) throw new Error(`rrSpectrum: need at least 3 beats, got ${nb}`);
  const t0 = rPeakTimesS[1];
  const t1 = rPeakTimesS[nb - 1];
  const m = Math.floor((t1 - t0) * resampleHz) + 1;
  const grid = new Float64Array(m);
  let k = 1;
  let mean = 0;
  for (let i = 0; i < m; i++) {
    const t = t0 + i / resampleHz;
    while (k < nb - 2 && rPeakTimesS[k + 1] < t) k++;
    const ta = rPeakTimesS[k];
    const tb = rPeakTimesS[k + 1];
    const rrA = ta - rPeakTimesS[k - 1];
    const rrB = tb - ta;
    const f = tb > ta ? Math.min(1, Math.max(0, (t - ta) / (tb - ta))) : 0;
    grid[i] = rrA + f * (rrB - rrA);
    mean += grid[i];
  }
  mean /= m;
  for (let i = 0; i < m; i++) grid[i] -= mean;
  let seg = segmentLength;
  if (seg === undefined) {
    seg = 1;
    while (seg * 2 <= Math.max(16, m / 4)) seg *= 2;
  }
  return welchPsd(grid, resampleHz, Math.min(seg, m));
}
