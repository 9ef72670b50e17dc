/**
 * Whether a P wave precedes the QRS consistently, beat after beat: sinus and ectopic atrial rhythms
 * have one P wave of constant shape at a constant PR; in atrial fibrillation the median beat may show
 * a chance bump where the f waves happened to line up, but single beats do not repeat it.
 * - The median beat (`medianBeat` of the `denoiseEcg` signal) is delineated (`delineateBeat`); without
 *   a P wave there, the consistency is 0.
 * - For each beat whose P window (R + P onset … R + P offset of the median beat) lies in the record,
 *   the beat's samples in that window and the median beat's are each detrended by the straight line
 *   through their end samples. A beat "has" the P wave when their Pearson correlation is ≥ 0.5 and the
 *   least-squares scale of the median P onto the beat's window is 0.5-2 (same shape and size: in AF a
 *   chance bump in the median beat is small beside the f waves of single beats).
 * - The consistency is the fraction (0-1) of such beats. Sinus rhythm with P waves of ≥ 0.1 mV in
 *   ≤ 20 µV of noise gives ≈ 1; fibrillation ≈ 0.1-0.4.
 */
import { delineateBeat, type BeatDelineation } from './delineate-beat.ts';
import { denoiseEcg } from './denoise-ecg.ts';
import { medianBeat, type MedianBeat } from './median-beat.ts';

/** P-wave consistency of a record. */
export interface PWaveConsistency {
  /** Whether the median beat has a P wave. */
  medianHasP: boolean;
  /** Fraction (0-1) of beats whose P window matches the median beat's P wave (module comment). */
  fraction: number;
  /** Number of beats compared. */
  nBeats: number;
}

const MIN_CORRELATION = 0.5;
const MIN_SCALE = 0.5;
const MAX_SCALE = 2;

/** x[lo..hi] minus the straight line through x[lo] and x[hi]. */
function detrended(x: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const out = new Float64Array(hi - lo + 1);
  const a = x[lo];
  const b = x[hi];
  for (let i = lo; i <= hi; i++) out[i - lo] = x[i] - a - ((b - a) * (i - lo)) / (hi - lo);
  return out;
}

/** Pearson correlation of a and b, and the least-squares scale of b onto a (a ≈ scale·b). */
function similarity(a: Float64Array, b: Float64Array): { r: number; scale: number } {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= a.length;
  mb /= b.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return { r: aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0, scale: bb > 0 ? ab / bb : 0 };
}

/**
 * P-wave consistency of `signalMv` (lead II, mV at `fsHz`) with R peaks `rPeaks` (ascending samples),
 * by the rule of the module comment. `beat` and `delineation` (a `medianBeat` of the `denoiseEcg`
 * signal and its `delineateBeat`) are computed here when omitted.
 */
export function pWaveConsistency(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks: ArrayLike<number>,
  beat?: MedianBeat,
  delineation?: BeatDelineation,
): PWaveConsistency {
  const denoised = denoiseEcg(signalMv, fsHz);
  const mb = beat ?? medianBeat(denoised, fsHz, rPeaks);
  const nb = rPeaks.length;
  const rrS = nb >= 2 ? (rPeaks[nb - 1] - rPeaks[0]) / (nb - 1) / fsHz : undefined;
  const d = delineation ?? delineateBeat(mb.templateMv, fsHz, mb.rIndex, rrS);
  if (d.pOnS === null || d.pOffS === null || mb.nBeats === 0)
    return { medianHasP: false, fraction: 0, nBeats: 0 };
  const on = Math.round(d.pOnS * fsHz);
  const off = Math.round(d.pOffS * fsHz);
  if (off - on < 3) return { medianHasP: true, fraction: 0, nBeats: 0 };
  const ref = detrended(mb.templateMv, mb.rIndex + on, mb.rIndex + off);
  let compared = 0;
  let withP = 0;
  for (let k = 0; k < nb; k++) {
    const lo = rPeaks[k] + on;
    const hi = rPeaks[k] + off;
    if (lo < 0 || hi >= denoised.length) continue;
    compared++;
    const { r, scale } = similarity(detrended(denoised, lo, hi), ref);
    if (r >= MIN_CORRELATION && scale >= MIN_SCALE && scale <= MAX_SCALE) withP++;
  }
  return { medianHasP: true, fraction: compared > 0 ? withP / compared : 0, nBeats: compared };
}
