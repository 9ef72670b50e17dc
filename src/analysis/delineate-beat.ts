/**
 * Wave delineation of one (median) lead II beat by threshold rules on a lightly smoothed template
 * (centred moving average of ≈10 ms: round(0.01·fs) samples, rounded down to an odd count):
 * - QRS onset/offset (slope criterion, cf. Laguna P et al. Comput Biomed Res 1994;27:45-60): the slope is
 *   the central difference over ±round(0.004·fs) samples; from the steepest point before (after) the R peak
 *   within 80 ms, walk outwards to the first sample where |slope| < 5 % of the largest |slope| within
 *   ±80 ms of R and stays below it for 10 ms. That sample (interpolated between samples) is the onset
 *   (offset); a Q or S wave is thus included in the QRS.
 * - Isoelectric level: the mean of the flattest (smallest range) 20 ms window in the 60 ms before QRS
 *   onset, i.e. in the PR segment. Amplitudes are relative to it.
 * - P wave: the largest deviation from the isoelectric level from 300 ms before QRS onset (or from the end
 *   of the previous beat's T wave, T offset − RR, if later) to 20 ms before QRS onset.
 *   It is a P wave when |deviation| ≥ 0.03 mV and ≥ 5 × the template noise (robust sd of template minus
 *   smoothed template in that window), the peak is inside the window, the deviation falls below half of
 *   the peak on both sides with a half-amplitude width of 20-160 ms, and the onset (below) lies inside
 *   the template.
 * - P onset/offset and T offset: walking outwards from the wave's peak, where its deviation from the
 *   baseline on that side first falls to 5 % of the peak's deviation from it (or changes sign),
 *   interpolated between samples. 5 % puts a Gaussian wave's bounds at ±2.45 σ. The baseline is the
 *   isoelectric level for the P offset (which is at most QRS onset); for the P onset it is the flattest
 *   20 ms before the P wave (within 250 ms, after the previous T) and for the T offset the flattest 20 ms
 *   after the T wave (up to R + RR − 0.2 s), each only where such a window is flat (range < 10 % of the
 *   wave) and nearer the isoelectric level than half the wave; otherwise the isoelectric level. This
 *   tolerates a TP level that differs from the PR level (atrial repolarisation, ST-T shifts).
 * - T wave: the largest deviation from the isoelectric level from 40 ms after QRS offset to
 *   R + min(0.5 s, 0.6·RR) (R + 0.5 s without an RR); its offset must come before R + RR − 0.1 s (or the
 *   template end) and the T amplitude must be ≥ 0.02 mV, else T peak/offset are NaN.
 */
import { argMaxDeviation, flattestWindow, outerLevel, walkToFraction, walkToQuiet } from './wave-bounds.ts';

/** Fiducials of a beat in seconds relative to the R peak (negative before it) and amplitudes in mV. */
export interface BeatDelineation {
  /** P onset, peak and offset (s); null when no P wave is found. */
  pOnS: number | null;
  pPeakS: number | null;
  pOffS: number | null;
  /** QRS onset and offset (s); NaN when not measurable. */
  qrsOnS: number;
  qrsOffS: number;
  /** T peak and offset (s); NaN when not measurable. */
  tPeakS: number;
  tOffS: number;
  /** P peak amplitude (mV, signed, smoothed template minus isoelectric level); null without a P wave. */
  pAmpMv: number | null;
  /** T peak amplitude (smoothed template) and R amplitude (template at R), mV minus the isoelectric level. */
  tAmpMv: number;
  rAmpMv: number;
  /** The isoelectric level (mV, in template units). */
  isoMv: number;
}

const SMOOTH_S = 0.01;
const SLOPE_HALF_S = 0.004;
const QRS_SEARCH_S = 0.08;
const QRS_MAX_HALF_S = 0.15;
const QRS_SLOPE_FRACTION = 0.05;
const QUIET_S = 0.01;
const ISO_SEARCH_S = 0.06;
const ISO_WINDOW_S = 0.02;
const P_SEARCH_S = 0.3;
const P_GAP_S = 0.02;
const P_MIN_MV = 0.03;
const P_NOISE_FACTOR = 5;
const P_MIN_WIDTH_S = 0.02;
const P_MAX_WIDTH_S = 0.16;
const T_START_AFTER_QRS_S = 0.04;
const T_MIN_MV = 0.02;
const WAVE_FRACTION = 0.05;
const OUTER_GAP_S = 0.2;
const P_OUTER_SPAN_S = 0.25;

function empty(isoMv = NaN): BeatDelineation {
  return {
    pOnS: null,
    pPeakS: null,
    pOffS: null,
    qrsOnS: NaN,
    qrsOffS: NaN,
    tPeakS: NaN,
    tOffS: NaN,
    pAmpMv: null,
    tAmpMv: NaN,
    rAmpMv: NaN,
    isoMv,
  };
}

/**
 * Delineate the beat `templateMv` (mV at `fsHz`, e.g. a `medianBeat`) whose R peak is sample `rIndex`;
 * `rrS`, the beat's RR interval in seconds when known, bounds the T-wave search. Rules and thresholds
 * are listed in the module comment.
 */
export function delineateBeat(
  templateMv: Float32Array | Float64Array,
  fsHz: number,
  rIndex: number,
  rrS?: number,
): BeatDelineation {
  const n = templateMv.length;
  if (!(rIndex >= 1 && rIndex < n - 1)) return empty();
  for (let i = 0; i < n; i++) if (!Number.isFinite(templateMv[i])) return empty();
  const toS = (i: number): number => (i - rIndex) / fsHz;
  const samples = (s: number): number => Math.round(s * fsHz);

  // Light smoothing and slope.
  const h = (Math.max(1, samples(SMOOTH_S)) - 1) >> 1;
  const s = new Float64Array(n);
  let acc = 0;
  for (let i = -h; i < n; i++) {
    if (i + h < n) acc += templateMv[i + h];
    if (i - h - 1 >= 0) acc -= templateMv[i - h - 1];
    if (i >= 0) s[i] = acc / (Math.min(n - 1, i + h) - Math.max(0, i - h) + 1);
  }
  const g = Math.max(1, samples(SLOPE_HALF_S));
  const slope = new Float64Array(n);
  for (let i = g; i < n - g; i++) slope[i] = ((s[i + g] - s[i - g]) * fsHz) / (2 * g);

  // QRS onset and offset.
  const qLo = Math.max(g, rIndex - samples(QRS_SEARCH_S));
  const qHi = Math.min(n - 1 - g, rIndex + samples(QRS_SEARCH_S));
  let maxSlope = 0;
  let steepBefore = rIndex;
  let steepAfter = rIndex;
  let maxBefore = -1;
  let maxAfter = -1;
  for (let i = qLo; i <= qHi; i++) {
    const a = Math.abs(slope[i]);
    if (a > maxSlope) maxSlope = a;
    if (i <= rIndex && a > maxBefore) {
      maxBefore = a;
      steepBefore = i;
    }
    if (i >= rIndex && a > maxAfter) {
      maxAfter = a;
      steepAfter = i;
    }
  }
  if (!(maxSlope > 0)) return empty();
  const thr = QRS_SLOPE_FRACTION * maxSlope;
  const quiet = Math.max(2, samples(QUIET_S));
  const qrsMax = samples(QRS_MAX_HALF_S);
  const qrsOn = walkToQuiet(slope, steepBefore, -1, Math.max(g, rIndex - qrsMax), thr, quiet);
  const qrsOff = walkToQuiet(slope, steepAfter, 1, Math.min(n - 1 - g, rIndex + qrsMax), thr, quiet);
  if (!Number.isFinite(qrsOn)) return empty();
  const qrsOnI = Math.floor(qrsOn);

  // Isoelectric level: flattest 20 ms window in the 60 ms before QRS onset.
  const isoLen = Math.max(2, samples(ISO_WINDOW_S));
  const flat = flattestWindow(s, Math.max(0, qrsOnI - samples(ISO_SEARCH_S)), qrsOnI, isoLen);
  const iso = Number.isFinite(flat.mean) ? flat.mean : s[Math.max(0, qrsOnI)];

  const result = empty(iso);
  result.qrsOnS = toS(qrsOn);
  result.qrsOffS = toS(qrsOff);
  result.rAmpMv = templateMv[rIndex] - iso;

  // T wave (first, so that the P search can stop at the previous beat's T).
  const rr = rrS !== undefined && rrS > 0 ? rrS : NaN;
  let tOff = NaN;
  if (Number.isFinite(qrsOff)) {
    const tLo = Math.ceil(qrsOff) + samples(T_START_AFTER_QRS_S);
    const tHi = Math.min(n - 1, rIndex + samples(Number.isFinite(rr) ? Math.min(0.5, 0.6 * rr) : 0.5));
    if (tHi > tLo) {
      const k = argMaxDeviation(s, iso, tLo, tHi);
      const amp = s[k] - iso;
      result.tAmpMv = amp;
      if (Math.abs(amp) >= T_MIN_MV) {
        const limit = Math.min(n - 1, Number.isFinite(rr) ? rIndex + samples(rr - 0.1) : n - 1);
        const levelHi = Math.min(n - 1, Number.isFinite(rr) ? rIndex + samples(rr - OUTER_GAP_S) : n - 1);
        const after = outerLevel(s, k + 1, levelHi, isoLen, iso, amp);
        result.tPeakS = toS(k);
        tOff = walkToFraction(s, after, k, s[k] - after, 1, limit, WAVE_FRACTION);
        result.tOffS = toS(tOff);
      }
    }
  }
  // P wave. The previous beat's T wave ends at tOff − RR: the P search starts after it.
  const prevTEnd = Number.isFinite(tOff) && Number.isFinite(rr) ? Math.ceil(tOff - rr * fsHz) : 0;
  const pLo = Math.max(1, qrsOnI - samples(P_SEARCH_S), prevTEnd);
  const pHi = qrsOnI - samples(P_GAP_S);
  if (pHi - pLo >= 2) {
    const k = argMaxDeviation(s, iso, pLo, pHi);
    const amp = s[k] - iso;
    const residual = new Float64Array(pHi - pLo + 1);
    for (let i = pLo; i <= pHi; i++) residual[i - pLo] = Math.abs(templateMv[i] - s[i]);
    residual.sort();
    const noiseSd = 1.4826 * residual[residual.length >> 1];
    if (k > pLo && k < pHi && Math.abs(amp) >= P_MIN_MV && Math.abs(amp) >= P_NOISE_FACTOR * noiseSd) {
      const halfL = walkToFraction(s, iso, k, amp, -1, 0, 0.5);
      const halfR = walkToFraction(s, iso, k, amp, 1, qrsOnI, 0.5);
      const width = (halfR - halfL) / fsHz;
      const before = outerLevel(s, Math.max(prevTEnd, k - samples(P_OUTER_SPAN_S)), k - 1, isoLen, iso, amp);
      const on = walkToFraction(s, before, k, s[k] - before, -1, 0, WAVE_FRACTION);
      let off = walkToFraction(s, iso, k, amp, 1, qrsOnI, WAVE_FRACTION);
      if (!Number.isFinite(off)) off = qrsOn;
      if (width >= P_MIN_WIDTH_S && width <= P_MAX_WIDTH_S && Number.isFinite(on)) {
        result.pOnS = toS(on);
        result.pPeakS = toS(k);
        result.pOffS = toS(Math.min(off, qrsOn));
        result.pAmpMv = amp;
      }
    }
  }

  return result;
}
