/**
 * Length of the isoelectric line between beats: in sinus rhythm the TP segment (T offset to the next P)
 * and the PR segment are flat; in atrial flutter the F waves leave no isoelectric baseline between
 * them, and in fibrillation the f waves leave little.
 * - Signal: `denoiseEcg`, then a zero-phase 2nd-order Butterworth high-pass at 0.5 Hz and 4th-order
 *   low-pass at 15 Hz (removes EMG noise and mains, keeps the 4-9 Hz atrial waves).
 * - Slope: central difference over ±10 ms (mV/s).
 * - A run of samples is flat (isoelectric) when every sample's |slope| ≤ 0.4 mV/s and the run's range
 *   (max − min) ≤ 0.05 mV, i.e. the signal stays within ±0.025 mV of the run's mid-level. A sinus TP
 *   segment meets this for many tens of ms; the slow limb of a 5 Hz sawtooth of 0.1 mV peak to peak
 *   falls at ≈ 0.6 mV/s, and a smooth wave of that size is slower than 0.4 mV/s only for ≈ 10 ms at its
 *   turns.
 * - Search span of RR interval k: from R_k + T offset (or R_k + QRS offset + 0.25 s when the T offset
 *   is not measurable) to R_(k+1) + QRS onset, the offsets from the median beat's delineation
 *   (`medianBeat` + `delineateBeat` with the mean RR) unless one is given. The longest flat run in that
 *   span is the interval's isoelectric length.
 */
import type { BeatDelineation } from './delineate-beat.ts';
import { delineateBeat } from './delineate-beat.ts';
import { denoiseEcg } from './denoise-ecg.ts';
import { isoelectricSignal } from './isoelectric-signal.ts';
import { medianBeat } from './median-beat.ts';
import { longestFlatRun } from './longest-flat-run.ts';
import { medianOf } from './median-of.ts';

/** Options of `isoelectricLengths` (the flatness rule of the module comment). */
export interface IsoelectricOptions {
  /** Largest |slope| of a flat sample (mV/s); default 0.4. */
  maxSlopeMvPerS?: number;
  /** Largest range (max − min) of a flat run (mV); default 0.05. */
  maxRangeMv?: number;
  /** Low-pass corner of the band-limited signal (Hz); default 15. */
  lowpassHz?: number;
}

/** Isoelectric lengths between consecutive beats. */
export interface IsoelectricLengths {
  /** Longest flat run in each RR interval (ms); one per interval, 0 where the span is empty. */
  perIntervalMs: Float64Array;
  /** Median of `perIntervalMs` (ms); NaN without intervals. */
  medianMs: number;
  /** Fraction (0-1) of intervals with a flat run of at least 40 ms. */
  fractionAtLeast40Ms: number;
  /** The search span used, relative to the R peaks: start after R_k and end before R_(k+1) (s). */
  spanStartS: number;
  spanEndS: number;
}

const LOWPASS_HZ = 15;
const DEFAULT_MAX_SLOPE = 0.4;
const DEFAULT_MAX_RANGE = 0.05;
const T_FALLBACK_S = 0.25;
const QRS_ON_FALLBACK_S = -0.05;

/**
 * Isoelectric length per RR interval of `signalMv` (mV at `fsHz`) with R peaks `rPeaks` (ascending
 * samples): the longest flat run between the end of one beat's QRST and the next QRS onset, in ms,
 * by the rule of the module comment. `delineation` (a `delineateBeat` result for a median beat of this
 * signal) supplies the T offset and QRS onset; it is measured here when omitted.
 */
export function isoelectricLengths(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks: ArrayLike<number>,
  delineation?: BeatDelineation,
  options: IsoelectricOptions = {},
): IsoelectricLengths {
  const n = signalMv.length;
  const nb = rPeaks.length;
  const maxSlope = options.maxSlopeMvPerS ?? DEFAULT_MAX_SLOPE;
  const maxRange = options.maxRangeMv ?? DEFAULT_MAX_RANGE;
  const denoised = denoiseEcg(signalMv, fsHz);
  let d = delineation;
  if (d === undefined && nb >= 2) {
    const rrMeanS = (rPeaks[nb - 1] - rPeaks[0]) / (nb - 1) / fsHz;
    const beat = medianBeat(denoised, fsHz, rPeaks);
    if (beat.nBeats > 0) d = delineateBeat(beat.templateMv, fsHz, beat.rIndex, rrMeanS);
  }
  const qrsOffS = d !== undefined && Number.isFinite(d.qrsOffS) ? d.qrsOffS : 0.05;
  const spanStartS = d !== undefined && Number.isFinite(d.tOffS) ? d.tOffS : qrsOffS + T_FALLBACK_S;
  const spanEndS = d !== undefined && Number.isFinite(d.qrsOnS) ? d.qrsOnS : QRS_ON_FALLBACK_S;

  const { y, slope } = isoelectricSignal(denoised, fsHz, options.lowpassHz ?? LOWPASS_HZ);

  const m = Math.max(0, nb - 1);
  const perIntervalMs = new Float64Array(m);
  let atLeast40 = 0;
  for (let k = 0; k < m; k++) {
    const lo = Math.max(0, Math.ceil(rPeaks[k] + spanStartS * fsHz));
    const hi = Math.min(n - 1, Math.floor(rPeaks[k + 1] + spanEndS * fsHz));
    const run = hi >= lo ? longestFlatRun(y, slope, lo, hi, maxSlope, maxRange) : 0;
    perIntervalMs[k] = (1000 * run) / fsHz;
    if (perIntervalMs[k] >= 40) atLeast40++;
  }
  return {
    perIntervalMs,
    medianMs: m > 0 ? medianOf(Float64Array.from(perIntervalMs)) : NaN,
    fractionAtLeast40Ms: m > 0 ? atLeast40 / m : NaN,
    spanStartS,
    spanEndS,
  };
}
