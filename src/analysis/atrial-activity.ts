/**
 * Atrial activity of a single-lead ECG with the ventricular activity removed, and its spectrum.
 * - Pre-filtering: `denoiseEcg` (40 Hz low-pass, mains notches) and a zero-phase 2nd-order Butterworth
 *   high-pass at 1 Hz (baseline wander).
 * - `cancel` (default), average beat subtraction (Slocum J, Sahakian A, Swiryn S. Diagnosis of atrial
 *   fibrillation from surface electrocardiograms based on computer-detected atrial activity. J
 *   Electrocardiol 1992;25:1-8; Stridh M, Sörnmo L. Spatiotemporal QRST cancellation techniques for
 *   analysis of atrial fibrillation. IEEE Trans Biomed Eng 2001;48:105-11): every beat owns the window
 *   [R − b, R + a] with b = min(0.1 s, 0.3·RR before) and a = min(0.45 s, RR after − b of the next
 *   beat), so windows never overlap. The QRST template at each lag is the sample-wise median over the
 *   beats whose window covers that lag (the median rejects ectopic beats and averages out
 *   uncorrelated atrial waves). For each beat the template is aligned to the beat by the shift within
 *   ±8 ms (sub-sample: parabolic refinement, Catmull-Rom interpolation of the template) that best
 *   fits the QRS (R − 60 ms … R + 80 ms) in least squares, scaled by the least-squares amplitude over
 *   the whole window (kept within 0.5-2), and subtracted. Beats that the template does not fit
 *   (residual energy over the QRS > 30 % of the beat's QRS energy: ectopic or aberrant beats) fall
 *   back to blanking.
 * - `blank`, QRS blanking: every beat's QRS (the median beat's QRS onset − 10 ms to offset + 10 ms, or
 *   R − 60 ms … R + 80 ms when it is not measurable) is replaced by the straight line between its ends;
 *   the T waves stay in.
 * - Blanking of a beat within `cancel` replaces its whole window by the straight line between its ends.
 * - Spectrum: `welchPsd` of the residual with 4-s Hann segments (50 % overlap; the whole signal when
 *   shorter). Dominant frequency: the largest local maximum of the PSD in 3-12 Hz (parabolic
 *   refinement). Organisation index (after Everett TH et al. Assessment of global atrial fibrillation
 *   organization to optimize timing of atrial defibrillation. Circulation 2001;103:2857-61): the power
 *   within ±0.5 Hz of the dominant frequency and of its harmonics (up to 20 Hz) over the power in 3-20
 *   Hz: ≳ 0.5 for a regular flutter wave (QRS blanked), ≈ 0.2-0.35 for the fibrillation of MIT-BIH 201.
 */
import { butterworthSections } from './biquad.ts';
import { delineateBeat } from './delineate-beat.ts';
import { denoiseEcg } from './denoise-ecg.ts';
import { filtfilt } from './filtfilt.ts';
import { medianOf } from './median-of.ts';
import { welchPsd, type Spectrum } from './welch-psd.ts';

/** How ventricular activity is removed. */
export type AtrialActivityMethod = 'cancel' | 'blank';

/** Options of `atrialActivity`. */
export interface AtrialActivityOptions {
  /** `cancel` (QRST template subtraction, default) or `blank` (QRS blanking). */
  method?: AtrialActivityMethod;
  /** Band (Hz) where the dominant atrial frequency is searched; default [3, 12]. */
  bandHz?: [number, number];
  /** Welch segment length (s); default 4. */
  segmentS?: number;
}

/** The atrial activity of a record. */
export interface AtrialActivity {
  /** The filtered ECG with ventricular activity removed (mV), same length as the input. */
  residualMv: Float32Array;
  /** Welch PSD of the residual (mV²/Hz). */
  spectrum: Spectrum;
  /** Dominant atrial frequency (Hz) in the search band; NaN when the PSD has no local maximum there. */
  dominantHz: number;
  /** Organisation index (0-1), see the module comment; NaN without a dominant frequency. */
  organizationIndex: number;
  /** The method used, the number of beats cancelled by the template and blanked. */
  method: AtrialActivityMethod;
  nCancelled: number;
  nBlanked: number;
}

const PRE_S = 0.1;
const POST_S = 0.45;
const PRE_RR_FRACTION = 0.3;
const QRS_FIT_PRE_S = 0.06;
const QRS_FIT_POST_S = 0.08;
const MAX_SHIFT_S = 0.008;
const MAX_QRS_RESIDUAL = 0.3;
const HIGHPASS_HZ = 1;
const HARMONIC_HALF_HZ = 0.5;
const OI_BAND_HZ: [number, number] = [3, 20];

/** Replace x[lo..hi] by the straight line from x[lo] to x[hi]. */
function bridge(x: Float64Array, lo: number, hi: number): void {
  if (hi - lo < 2) return;
  const a = x[lo];
  const b = x[hi];
  for (let i = lo + 1; i < hi; i++) x[i] = a + ((b - a) * (i - lo)) / (hi - lo);
}

/** Template value at fractional lag index p (cubic Catmull-Rom interpolation, NaN outside). */
function templateAt(t: Float64Array, p: number): number {
  const k = Math.floor(p);
  const f = p - k;
  if (k < 0 || k >= t.length || (f > 0 && k + 1 >= t.length)) return NaN;
  if (f === 0) return t[k];
  const a = t[Math.max(0, k - 1)];
  const b = t[k];
  const c = t[k + 1];
  const d = t[Math.min(t.length - 1, k + 2)];
  return b + 0.5 * f * (c - a + f * (2 * a - 5 * b + 4 * c - d + f * (3 * (b - c) + d - a)));
}

/** Largest local maximum of psd in [lo, hi] Hz, parabolically refined; NaN when there is none. */
function localPeakHz(s: Spectrum, lo: number, hi: number): number {
  const { freqHz, psd } = s;
  let best = -1;
  for (let k = 1; k < psd.length - 1; k++) {
    if (freqHz[k] < lo || freqHz[k] > hi) continue;
    if (psd[k] >= psd[k - 1] && psd[k] >= psd[k + 1] && (best < 0 || psd[k] > psd[best])) best = k;
  }
  if (best < 0 || !(psd[best] > 0)) return NaN;
  const [a, b, c] = [psd[best - 1], psd[best], psd[best + 1]];
  const denom = a - 2 * b + c;
  const delta = denom < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  return freqHz[best] + delta * (freqHz[1] - freqHz[0]);
}

/** Sum of psd·Δf over the bins in [lo, hi] Hz. */
function power(s: Spectrum, lo: number, hi: number): number {
  let sum = 0;
  for (let k = 0; k < s.freqHz.length; k++) if (s.freqHz[k] >= lo && s.freqHz[k] <= hi) sum += s.psd[k];
  return sum * (s.freqHz.length > 1 ? s.freqHz[1] - s.freqHz[0] : 0);
}

/**
 * Atrial activity of `signalMv` (one lead, mV at `fsHz`) whose R peaks are `rPeaks` (ascending samples,
 * e.g. from `detectRPeaks`): the residual after QRST cancellation or QRS blanking (mV), its Welch PSD
 * (mV²/Hz), the dominant atrial frequency (Hz) and an organisation index. Methods and constants are in
 * the module comment (Slocum 1992; Stridh & Sörnmo 2001; Everett 2001).
 */
export function atrialActivity(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks: ArrayLike<number>,
  options: AtrialActivityOptions = {},
): AtrialActivity {
  const method = options.method ?? 'cancel';
  const [bandLo, bandHi] = options.bandHz ?? [3, 12];
  const n = signalMv.length;
  const x = filtfilt(denoiseEcg(signalMv, fsHz), butterworthSections('highpass', 2, HIGHPASS_HZ, fsHz));
  const res = Float64Array.from(x);
  const nb = rPeaks.length;
  const S = (s: number): number => Math.round(s * fsHz);
  // Per-beat windows [r − pre[k], r + post[k]] that never overlap.
  const pre = new Int32Array(nb);
  const post = new Int32Array(nb);
  for (let k = 0; k < nb; k++) {
    const r = rPeaks[k];
    pre[k] = Math.min(S(PRE_S), r, k > 0 ? Math.floor(PRE_RR_FRACTION * (r - rPeaks[k - 1])) : Infinity);
  }
  for (let k = 0; k < nb; k++) {
    const r = rPeaks[k];
    const limit = k + 1 < nb ? rPeaks[k + 1] - pre[k + 1] - 1 - r : n - 1 - r;
    post[k] = Math.max(0, Math.min(S(POST_S), limit));
  }
  const nPre = S(PRE_S);
  const len = nPre + S(POST_S) + 1;

  // Median template per lag over the beats whose window covers it.
  const template = new Float64Array(len);
  const scratch = new Float64Array(Math.max(1, nb));
  for (let j = 0; j < len; j++) {
    const lag = j - nPre;
    let c = 0;
    for (let k = 0; k < nb; k++) if (lag >= -pre[k] && lag <= post[k]) scratch[c++] = x[rPeaks[k] + lag];
    template[j] = c > 0 ? medianOf(scratch, c) : 0;
  }

  // QRS span for blanking, from the template's delineation.
  let blankLo = S(QRS_FIT_PRE_S);
  let blankHi = S(QRS_FIT_POST_S);
  if (nb > 0) {
    const d = delineateBeat(template, fsHz, nPre);
    if (Number.isFinite(d.qrsOnS) && Number.isFinite(d.qrsOffS)) {
      blankLo = Math.max(1, S(-d.qrsOnS + 0.01));
      blankHi = Math.max(1, S(d.qrsOffS + 0.01));
    }
  }

  let nCancelled = 0;
  let nBlanked = 0;
  const fitLo = S(QRS_FIT_PRE_S);
  const fitHi = S(QRS_FIT_POST_S);
  const maxShift = Math.max(1, S(MAX_SHIFT_S));
  for (let k = 0; k < nb; k++) {
    const r = rPeaks[k];
    if (method === 'blank') {
      bridge(
        res,
        Math.max(0, r - Math.min(blankLo, pre[k])),
        Math.min(n - 1, r + Math.min(blankHi, post[k])),
      );
      nBlanked++;
      continue;
    }
    const qLo = -Math.min(fitLo, pre[k]);
    const qHi = Math.min(fitHi, post[k]);
    // Fit quality of each integer shift: energy explained by the best-scaled template over the QRS.
    let ex = 0;
    for (let lag = qLo; lag <= qHi; lag++) ex += x[r + lag] ** 2;
    const explained = (shift: number): number => {
      let xy = 0;
      let yy = 0;
      for (let lag = qLo; lag <= qHi; lag++) {
        const t = templateAt(template, lag + nPre - shift);
        if (Number.isNaN(t)) continue;
        xy += x[r + lag] * t;
        yy += t * t;
      }
      return yy > 0 && xy > 0 ? (xy * xy) / yy : 0;
    };
    let bestShift = 0;
    let bestE = -1;
    const eAt = new Float64Array(2 * maxShift + 1);
    for (let s = -maxShift; s <= maxShift; s++) {
      eAt[s + maxShift] = explained(s);
      if (eAt[s + maxShift] > bestE) {
        bestE = eAt[s + maxShift];
        bestShift = s;
      }
    }
    let shift = bestShift;
    if (bestShift > -maxShift && bestShift < maxShift) {
      const [a, b, c] = [eAt[bestShift + maxShift - 1], bestE, eAt[bestShift + maxShift + 1]];
      const denom = a - 2 * b + c;
      if (denom < 0) shift += Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom));
    }
    if (!(ex > 0) || (ex - explained(shift)) / ex > MAX_QRS_RESIDUAL) {
      bridge(res, r - pre[k], r + post[k]);
      nBlanked++;
      continue;
    }
    // Amplitude over the whole window, then subtraction.
    let xy = 0;
    let yy = 0;
    for (let lag = -pre[k]; lag <= post[k]; lag++) {
      const t = templateAt(template, lag + nPre - shift);
      if (Number.isNaN(t)) continue;
      xy += x[r + lag] * t;
      yy += t * t;
    }
    const amp = yy > 0 ? Math.max(0.5, Math.min(2, xy / yy)) : 1;
    for (let lag = -pre[k]; lag <= post[k]; lag++) {
      const t = templateAt(template, lag + nPre - shift);
      if (!Number.isNaN(t)) res[r + lag] -= amp * t;
    }
    nCancelled++;
  }

  const residualMv = Float32Array.from(res);
  const spectrum = welchPsd(residualMv, fsHz, Math.min(n, S(options.segmentS ?? 4)));
  const dominantHz = localPeakHz(spectrum, bandLo, bandHi);
  let organizationIndex = NaN;
  if (Number.isFinite(dominantHz)) {
    let peak = 0;
    for (let h = 1; h * dominantHz <= OI_BAND_HZ[1]; h++) {
      peak += power(spectrum, h * dominantHz - HARMONIC_HALF_HZ, h * dominantHz + HARMONIC_HALF_HZ);
    }
    const total = power(spectrum, OI_BAND_HZ[0], OI_BAND_HZ[1]);
    organizationIndex = total > 0 ? Math.min(1, peak / total) : NaN;
  }
  return { residualMv, spectrum, dominantHz, organizationIndex, method, nCancelled, nBlanked };
}
