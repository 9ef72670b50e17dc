/**
 * Time-domain statistics of the RR intervals between consecutive R peaks, with the usual HRV
 * definitions (Task Force of the ESC and NASPE. Heart rate variability: standards of measurement,
 * physiological interpretation and clinical use. Circulation 1996;93:1043-65) and the irregularity
 * measures used to recognise atrial fibrillation, whose RR intervals are "irregularly irregular":
 * the coefficient of variation and the median absolute successive difference, which, unlike the SD and
 * RMSSD, an isolated ectopic beat hardly moves (cf. Tateno K, Glass L. Automatic detection of atrial
 * fibrillation using the coefficient of variation and density histograms of RR and ΔRR intervals. Med
 * Biol Eng Comput 2001;39:664-71).
 */
import { medianOf } from './median-of.ts';

/** RR statistics; NaN where there are too few intervals (≥ 1 for means and medians, ≥ 2 otherwise). */
export interface RrStatistics {
  /** Number of R peaks, and of RR intervals (nBeats − 1). */
  nBeats: number;
  nIntervals: number;
  /** Mean, median and sample standard deviation of the RR intervals (s). */
  rrMeanS: number;
  rrMedianS: number;
  rrSdS: number;
  /** Coefficient of variation rrSdS / rrMeanS (dimensionless). */
  rrCv: number;
  /** 60 / rrMeanS (beats per minute). */
  heartRateBpm: number;
  /** Root mean square of the successive differences ΔRR_i = RR_i − RR_(i−1) (s). */
  rmssdS: number;
  /** Median of |ΔRR| (s). */
  medianAbsSuccessiveDiffS: number;
  /** Median |ΔRR| divided by the mean RR (dimensionless): ≲ 0.03 in sinus rhythm, ≳ 0.1 in AF. */
  medianSuccessiveDiffRatio: number;
  /** Fraction (0-1) of the |ΔRR| that exceed 50 ms. */
  pnn50: number;
  /** Shortest and longest RR interval (s). */
  rrMinS: number;
  rrMaxS: number;
}

/**
 * RR statistics of the R peaks `rPeaks` (ascending sample indices at `fsHz`); the intervals are taken as
 * they are (no ectopic filtering). Definitions are those of the fields of `RrStatistics`.
 */
export function rrStatistics(rPeaks: ArrayLike<number>, fsHz: number): RrStatistics {
  const nBeats = rPeaks.length;
  const m = Math.max(0, nBeats - 1);
  const rr = new Float64Array(m);
  for (let i = 0; i < m; i++) rr[i] = (rPeaks[i + 1] - rPeaks[i]) / fsHz;
  let sum = 0;
  let rrMinS = m > 0 ? Infinity : NaN;
  let rrMaxS = m > 0 ? -Infinity : NaN;
  for (const v of rr) {
    sum += v;
    if (v < rrMinS) rrMinS = v;
    if (v > rrMaxS) rrMaxS = v;
  }
  const rrMeanS = m > 0 ? sum / m : NaN;
  let ss = 0;
  for (const v of rr) ss += (v - rrMeanS) ** 2;
  const rrSdS = m > 1 ? Math.sqrt(ss / (m - 1)) : NaN;

  const nd = Math.max(0, m - 1);
  const absDiff = new Float64Array(nd);
  let sq = 0;
  let over50 = 0;
  for (let i = 0; i < nd; i++) {
    const d = rr[i + 1] - rr[i];
    absDiff[i] = Math.abs(d);
    sq += d * d;
    if (absDiff[i] > 0.05) over50++;
  }
  const medianAbsSuccessiveDiffS = nd > 0 ? medianOf(absDiff) : NaN;
  return {
    nBeats,
    nIntervals: m,
    rrMeanS,
    rrMedianS: m > 0 ? medianOf(Float64Array.from(rr)) : NaN,
    rrSdS,
    rrCv: rrSdS / rrMeanS,
    heartRateBpm: 60 / rrMeanS,
    rmssdS: nd > 0 ? Math.sqrt(sq / nd) : NaN,
    medianAbsSuccessiveDiffS,
    medianSuccessiveDiffRatio: medianAbsSuccessiveDiffS / rrMeanS,
    pnn50: nd > 0 ? over50 / nd : NaN,
    rrMinS,
    rrMaxS,
  };
}
