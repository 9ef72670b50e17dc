/**
 * QRS detection after Pan J, Tompkins WJ. A real-time QRS detection algorithm. IEEE Trans Biomed Eng
 * 1985;32(3):230-6, adapted to any sampling rate and run offline:
 * - band-pass 5-15 Hz (2nd-order Butterworth high- and low-pass, zero-phase, so no group delay);
 * - five-point derivative, squaring, and a centred 150 ms moving-window integration (MWI);
 * - MWI peaks (each the largest within ±100 ms) are classified with the adaptive levels
 *   SPKI/NPKI ← 0.125·peak + 0.875·level, threshold I1 = NPKI + 0.25·(SPKI − NPKI), I2 = I1 / 2,
 *   initialised over the first 2 s (SPKI = max/3, NPKI = mean/2);
 * - 200 ms refractory period; a peak within 360 ms of the previous QRS whose maximal slope is below half
 *   of that QRS's is a T wave;
 * - search-back: when no QRS came for 166 % of the mean of the last 8 RR intervals, the largest peak
 *   above I2 in the gap is taken as a QRS (SPKI ← 0.25·peak + 0.75·SPKI).
 * Simplification: only the integrated signal is thresholded (the paper also thresholds the band-passed
 * signal), and a single RR average is kept.
 */
import { butterworthSections } from './biquad.ts';
import { filtfilt } from './filtfilt.ts';

const REFRACTORY_S = 0.2;
const T_WAVE_WINDOW_S = 0.36;
const MWI_WINDOW_S = 0.15;
const PEAK_HALF_SPAN_S = 0.1;
const LEARNING_S = 2;
const SEARCH_BACK_RR = 1.66;
const RR_HISTORY = 8;

/** Work buffers kept between calls (up to 2^21 values) so that detection does not allocate per call. */
let scratch = new Float64Array(0);
const MAX_KEPT = 1 << 21;

function workspace(length: number): Float64Array {
  if (scratch.length >= length) return scratch;
  const buffer = new Float64Array(length);
  if (length <= MAX_KEPT) scratch = buffer;
  return buffer;
}

/**
 * QRS fiducials of `signalMv` (mV at `fsHz`, 100-1000 Hz): for each detected QRS, the sample of
 * maximal |band-passed signal| within ±75 ms of its MWI peak. Ascending sample indices. Use
 * `detectRPeaks` for R-peak positions.
 */
export function pantompkins1985(signalMv: Float32Array | Float64Array, fsHz: number): Int32Array {
  const n = signalMv.length;
  if (n < 5) return new Int32Array(0);
  const ws = workspace(3 * n);
  const bp = ws.subarray(0, n);
  const slope = ws.subarray(n, 2 * n);
  const mwi = ws.subarray(2 * n, 3 * n);
  const lowHz = Math.min(15, 0.45 * fsHz);
  filtfilt(
    signalMv,
    [...butterworthSections('highpass', 2, 5, fsHz), ...butterworthSections('lowpass', 2, lowHz, fsHz)],
    bp,
  );

  // Five-point derivative (mV/s): (−x[i−2] − 2x[i−1] + 2x[i+1] + x[i+2]) · fs / 8.
  const k8 = fsHz / 8;
  slope[0] = slope[1] = slope[n - 2] = slope[n - 1] = 0;
  for (let i = 2; i < n - 2; i++) slope[i] = (2 * (bp[i + 1] - bp[i - 1]) + bp[i + 2] - bp[i - 2]) * k8;

  // Squared derivative, integrated over a centred window (via a running sum).
  const win = Math.max(1, Math.round(MWI_WINDOW_S * fsHz));
  const before = win >> 1;
  const after = win - 1 - before;
  let sum = 0;
  for (let i = 0; i < Math.min(after, n); i++) sum += slope[i] * slope[i];
  for (let i = 0; i < n; i++) {
    const add = i + after;
    if (add < n) sum += slope[add] * slope[add];
    const drop = i - before - 1;
    if (drop >= 0) sum -= slope[drop] * slope[drop];
    mwi[i] = sum > 0 ? sum / win : 0;
  }

  // Candidate peaks: local maxima that are the largest MWI value within ±100 ms.
  const span = Math.max(1, Math.round(PEAK_HALF_SPAN_S * fsHz));
  const candidates = new Int32Array(Math.ceil(n / (span + 1)) + 1);
  let nc = 0;
  for (let i = 1; i < n - 1; i++) {
    const v = mwi[i];
    if (!(v > mwi[i - 1] && v >= mwi[i + 1])) continue;
    let dominant = true;
    for (let j = Math.max(0, i - span); j < i && dominant; j++) if (mwi[j] >= v) dominant = false;
    for (let j = i + 1, e = Math.min(n - 1, i + span); j <= e && dominant; j++)
      if (mwi[j] > v) dominant = false;
    if (dominant) candidates[nc++] = i;
  }

  const learn = Math.min(n, Math.round(LEARNING_S * fsHz));
  let maxL = 0;
  let sumL = 0;
  for (let i = 0; i < learn; i++) {
    if (mwi[i] > maxL) maxL = mwi[i];
    sumL += mwi[i];
  }
  let spki = maxL / 3;
  let npki = sumL / learn / 2;

  const refractory = Math.round(REFRACTORY_S * fsHz);
  const tWindow = Math.round(T_WAVE_WINDOW_S * fsHz);
  const halfWin = before;
  const maxSlopeAt = (p: number): number => {
    let m = 0;
    for (let j = Math.max(0, p - halfWin), e = Math.min(n - 1, p + halfWin); j <= e; j++) {
      const a = Math.abs(slope[j]);
      if (a > m) m = a;
    }
    return m;
  };

  const qrs = new Int32Array(nc);
  let nq = 0;
  let lastQrs = -1;
  let lastSlope = 0;
  let lastCand = -1;
  const rr = new Float64Array(RR_HISTORY);
  let nRr = 0;
  let rrSum = 0;

  const accept = (c: number, s: number): void => {
    const p = candidates[c];
    if (lastQrs >= 0) {
      const interval = p - lastQrs;
      const slot = nRr % RR_HISTORY;
      if (nRr >= RR_HISTORY) rrSum -= rr[slot];
      rr[slot] = interval;
      rrSum += interval;
      nRr++;
    }
    qrs[nq++] = p;
    lastQrs = p;
    lastSlope = s;
    lastCand = c;
  };
  const isTWave = (p: number, s: number): boolean =>
    lastQrs >= 0 && p - lastQrs < tWindow && s < 0.5 * lastSlope;

  /** Search back over candidates after the last QRS and before index `endCand` while the gap is long. */
  const searchBack = (endCand: number, endPos: number): void => {
    while (nRr > 0 && endPos - lastQrs > SEARCH_BACK_RR * (rrSum / Math.min(nRr, RR_HISTORY))) {
      const thr2 = 0.5 * (npki + 0.25 * (spki - npki));
      let best = -1;
      let bestSlope = 0;
      for (let c = lastCand + 1; c < endCand; c++) {
        const p = candidates[c];
        if (p - lastQrs < refractory || endPos - p < refractory) continue;
        const v = mwi[p];
        if (v <= thr2 || (best >= 0 && v <= mwi[candidates[best]])) continue;
        const s = maxSlopeAt(p);
        if (isTWave(p, s)) continue;
        best = c;
        bestSlope = s;
      }
      if (best < 0) return;
      spki = 0.25 * mwi[candidates[best]] + 0.75 * spki;
      accept(best, bestSlope);
    }
  };

  for (let c = 0; c < nc; c++) {
    const p = candidates[c];
    if (lastQrs >= 0) searchBack(c, p);
    if (lastQrs >= 0 && p - lastQrs < refractory) continue;
    const v = mwi[p];
    const thr1 = npki + 0.25 * (spki - npki);
    if (v > thr1) {
      const s = maxSlopeAt(p);
      if (isTWave(p, s)) {
        npki = 0.125 * v + 0.875 * npki;
        continue;
      }
      spki = 0.125 * v + 0.875 * spki;
      accept(c, s);
    } else {
      npki = 0.125 * v + 0.875 * npki;
    }
  }
  if (lastQrs >= 0) searchBack(nc, n - 1 + refractory);

  // Fiducial: largest |band-passed| sample within ±75 ms of each MWI peak.
  const out = new Int32Array(nq);
  for (let k = 0; k < nq; k++) {
    const p = qrs[k];
    let best = p;
    let bestAbs = -1;
    for (let j = Math.max(0, p - halfWin), e = Math.min(n - 1, p + halfWin); j <= e; j++) {
      const a = Math.abs(bp[j]);
      if (a > bestAbs) {
        bestAbs = a;
        best = j;
      }
    }
    out[k] = best;
  }
  return out;
}
