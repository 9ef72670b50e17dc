/**
 * Initial QRS slope of a (median) beat, the measure of a pre-excitation delta wave: in the
 * Wolff-Parkinson-White pattern the ventricles are first activated through the accessory pathway, so
 * the QRS starts with a slurred, slow upstroke (the delta wave, 20-60 ms) before the fast deflection
 * (Wolff L, Parkinson J, White PD. Am Heart J 1930;5:685-704; ECG criteria as in Surawicz B et al.
 * AHA/ACCF/HRS recommendations for the standardization and interpretation of the ECG, part III.
 * Circulation 2009;119:e235-40).
 * - Template smoothed by a centred moving average of ≈10 ms; slope = central difference over ±4 ms.
 * - QRS onset and offset from `delineateBeat` (5 % of the maximal slope).
 * - Initial slope: the largest |slope| within the first `windowS` (default 30 ms) after QRS onset;
 *   maximal slope: the largest |slope| within the QRS. A normal QRS reaches its steep upstroke within
 *   ≈ 20-30 ms of onset (ratio ≳ 0.5); a delta wave keeps it slow (ratio ≲ 0.3).
 * - Time to steep: from QRS onset to the first sample where |slope| reaches half the maximal slope.
 */
import { delineateBeat, type BeatDelineation } from './delineate-beat.ts';

/** Initial-slope measures of a beat; NaN where the QRS is not measurable. */
export interface InitialQrsSlope {
  /** Largest |slope| in the first `windowS` after QRS onset (mV/s). */
  initialSlopeMvPerS: number;
  /** Largest |slope| within the QRS (mV/s). */
  maxSlopeMvPerS: number;
  /** initialSlopeMvPerS / maxSlopeMvPerS (0-1). */
  slopeRatio: number;
  /** Time from QRS onset to the first |slope| ≥ 50 % of the maximal slope (ms). */
  timeToSteepMs: number;
  /** Mean slope over the first `windowS` (signed, mV/s): (x(on + windowS) − x(on)) / windowS. */
  meanInitialSlopeMvPerS: number;
}

const SMOOTH_S = 0.01;
const SLOPE_HALF_S = 0.004;

/**
 * Initial QRS slope of the beat `templateMv` (mV at `fsHz`, e.g. a `medianBeat`, R peak at sample
 * `rIndex`), with QRS bounds from `delineation` (measured here when omitted). `windowS`: the initial
 * part of the QRS (s), default 0.03. Definitions in the module comment.
 */
export function initialQrsSlope(
  templateMv: Float32Array | Float64Array,
  fsHz: number,
  rIndex: number,
  delineation?: BeatDelineation,
  windowS = 0.03,
): InitialQrsSlope {
  const nan: InitialQrsSlope = {
    initialSlopeMvPerS: NaN,
    maxSlopeMvPerS: NaN,
    slopeRatio: NaN,
    timeToSteepMs: NaN,
    meanInitialSlopeMvPerS: NaN,
  };
  const d = delineation ?? delineateBeat(templateMv, fsHz, rIndex);
  if (!Number.isFinite(d.qrsOnS) || !Number.isFinite(d.qrsOffS)) return nan;
  const n = templateMv.length;
  const h = (Math.max(1, Math.round(SMOOTH_S * fsHz)) - 1) >> 1;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const lo = Math.max(0, i - h);
    const hi = Math.min(n - 1, i + h);
    for (let j = lo; j <= hi; j++) sum += templateMv[j];
    s[i] = sum / (hi - lo + 1);
  }
  const g = Math.max(1, Math.round(SLOPE_HALF_S * fsHz));
  const slopeAt = (i: number): number =>
    i - g >= 0 && i + g < n ? ((s[i + g] - s[i - g]) * fsHz) / (2 * g) : 0;
  const on = rIndex + d.qrsOnS * fsHz;
  const off = rIndex + d.qrsOffS * fsHz;
  const onI = Math.max(g, Math.ceil(on));
  const offI = Math.min(n - 1 - g, Math.floor(off));
  const winEnd = Math.min(offI, Math.floor(on + windowS * fsHz));
  let maxSlope = 0;
  let initial = 0;
  for (let i = onI; i <= offI; i++) {
    const a = Math.abs(slopeAt(i));
    if (a > maxSlope) maxSlope = a;
    if (i <= winEnd && a > initial) initial = a;
  }
  if (!(maxSlope > 0)) return nan;
  let steep = NaN;
  for (let i = onI; i <= offI; i++) {
    if (Math.abs(slopeAt(i)) >= 0.5 * maxSlope) {
      steep = ((i - on) * 1000) / fsHz;
      break;
    }
  }
  const valueAt = (p: number): number => {
    const k = Math.max(0, Math.min(n - 2, Math.floor(p)));
    return s[k] + (p - k) * (s[k + 1] - s[k]);
  };
  return {
    initialSlopeMvPerS: initial,
    maxSlopeMvPerS: maxSlope,
    slopeRatio: initial / maxSlope,
    timeToSteepMs: steep,
    meanInitialSlopeMvPerS: (valueAt(on + windowS * fsHz) - valueAt(on)) / windowS,
  };
}
