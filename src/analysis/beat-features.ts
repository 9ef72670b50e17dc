/**
 * Per-beat features for recognising premature ventricular complexes (PVCs) by the classical criteria
 * (e.g. Surawicz B, Knilans TK. Chou's Electrocardiography in Clinical Practice, 6th ed., ch. 17): a
 * PVC comes early, has a wide QRS with a T wave of opposite direction, and is followed by a
 * compensatory pause.
 * - Signal: `denoiseEcg` and a zero-phase 2nd-order Butterworth high-pass at 0.5 Hz.
 * - Each beat is centred on its dominant deflection (the largest |signal| within ±80 ms of its R peak,
 *   since a PVC's detected R may be a small r wave); RR intervals are taken between these centres.
 * - Each beat is delineated on its own by `delineateBeat` on the window centre − 0.4 s … + 0.6 s
 *   (clipped to the record), with its following RR bounding the T search: QRS onset/offset (slope
 *   rule), the isoelectric level and the T-wave amplitude.
 * - QRS polarity: the sign of the larger of the most positive and the most negative deviation from the
 *   isoelectric level within the QRS; T polarity: the sign of the T amplitude when |T| ≥ 0.05 mV, else 0.
 * - Sinus QRS width: the median width of the narrower half of the beats (robust to a PVC burden up to
 *   half, as in bigeminy). "Normal-width" beats: width ≤ 1.2 × the sinus QRS width.
 * - Sinus RR of a beat: the median of the RR intervals between two consecutive normal-width beats
 *   within ±10 beats; else over the record; else the median span between normal-width beats two beats
 *   apart, halved (bigeminy with a full compensatory pause); else the median RR.
 * - Prematurity = RR before / sinus RR; pause ratio = (RR before + RR after) / sinus RR.
 * - `pvcLike`: prematurity < 0.88, width ≥ 1.4 × the sinus QRS width, T polarity opposite to the QRS
 *   polarity, and pause ratio ≥ 1.8.
 */
import { butterworthSections } from './biquad.ts';
import { delineateBeat } from './delineate-beat.ts';
import { denoiseEcg } from './denoise-ecg.ts';
import { filtfilt } from './filtfilt.ts';
import { medianOf } from './median-of.ts';

/** Features of one beat; NaN where not measurable (RR at the record ends, an undelineated QRS). */
export interface BeatFeature {
  /** R-peak sample (as given) and the beat's centre: its dominant deflection within ±80 ms of R. */
  rSample: number;
  centreSample: number;
  /** RR interval before and after the beat (s), between centres. */
  rrPreS: number;
  rrPostS: number;
  /** QRS onset and offset relative to R (s) and the QRS width (ms). */
  qrsOnS: number;
  qrsOffS: number;
  qrsMs: number;
  /** Dominant QRS deflection (mV, signed, from the isoelectric level) and its sign (1, −1; 0 if NaN). */
  qrsAmpMv: number;
  qrsPolarity: number;
  /** T-wave amplitude (mV, signed) and polarity (1, −1, or 0 when |T| < 0.05 mV or not measurable). */
  tAmpMv: number;
  tPolarity: number;
  /** rrPreS / sinus RR, and (rrPreS + rrPostS) / sinus RR (dimensionless). */
  prematurity: number;
  pauseRatio: number;
  /** The local sinus RR (s) the ratios use. */
  sinusRrS: number;
  /** Whether the QRS is of normal width (≤ 1.2 × the sinus QRS width). */
  normalWidth: boolean;
  /** Whether the beat meets all four PVC criteria (module comment). */
  pvcLike: boolean;
}

/** Per-beat features of a record and the sinus references they were compared with. */
export interface BeatFeatures {
  beats: BeatFeature[];
  /** Sinus QRS width (ms) and the record's median sinus RR (s). */
  sinusQrsMs: number;
  sinusRrS: number;
  /** Number of `pvcLike` beats. */
  nPvcLike: number;
}

const HIGHPASS_HZ = 0.5;
const CENTRE_S = 0.08;
const BEFORE_S = 0.4;
const AFTER_S = 0.6;
const T_MIN_MV = 0.05;
const NORMAL_WIDTH = 1.2;
const LOCAL_BEATS = 10;
const PREMATURE = 0.88;
const WIDE = 1.4;
const PAUSE = 1.8;

function median(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? medianOf(Float64Array.from(finite)) : NaN;
}

/**
 * Per-beat features of `signalMv` (lead II, mV at `fsHz`) at the R peaks `rPeaks` (ascending samples):
 * RR before/after (s), QRS width (ms), QRS and T polarity, prematurity and pause ratio relative to
 * the local sinus RR, and the PVC criteria. Rules in the module comment.
 */
export function beatFeatures(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks: ArrayLike<number>,
): BeatFeatures {
  const n = signalMv.length;
  const nb = rPeaks.length;
  const y = filtfilt(denoiseEcg(signalMv, fsHz), butterworthSections('highpass', 2, HIGHPASS_HZ, fsHz));
  // Each beat's centre: its dominant deflection (largest |y| within ±80 ms of R; a PVC's R may be a
  // small r). RR intervals are measured between centres.
  const centre = new Int32Array(nb);
  const span = Math.round(CENTRE_S * fsHz);
  for (let k = 0; k < nb; k++) {
    let c = rPeaks[k];
    for (let i = Math.max(0, c - span), e = Math.min(n - 1, c + span); i <= e; i++) {
      if (Math.abs(y[i]) > Math.abs(y[c])) c = i;
    }
    centre[k] = c;
  }
  const beats: BeatFeature[] = [];
  for (let k = 0; k < nb; k++) {
    const r = rPeaks[k];
    const c = centre[k];
    const rrPreS = k > 0 ? (c - centre[k - 1]) / fsHz : NaN;
    const rrPostS = k + 1 < nb ? (centre[k + 1] - c) / fsHz : NaN;
    const lo = Math.max(0, c - Math.round(BEFORE_S * fsHz));
    const hi = Math.min(n - 1, c + Math.round(AFTER_S * fsHz));
    const seg = y.subarray(lo, hi + 1);
    const d0 = delineateBeat(seg, fsHz, c - lo, Number.isFinite(rrPostS) ? rrPostS : undefined);
    const shiftS = (c - r) / fsHz;
    const d = { ...d0, qrsOnS: d0.qrsOnS + shiftS, qrsOffS: d0.qrsOffS + shiftS };
    let qrsAmpMv = NaN;
    if (Number.isFinite(d.qrsOnS) && Number.isFinite(d.qrsOffS)) {
      let maxDev = 0;
      let minDev = 0;
      const a = Math.max(0, Math.ceil(c - lo + d0.qrsOnS * fsHz));
      const b = Math.min(seg.length - 1, Math.floor(c - lo + d0.qrsOffS * fsHz));
      for (let i = a; i <= b; i++) {
        const dev = seg[i] - d.isoMv;
        if (dev > maxDev) maxDev = dev;
        if (dev < minDev) minDev = dev;
      }
      qrsAmpMv = maxDev >= -minDev ? maxDev : minDev;
    }
    const tAmpMv = d.tAmpMv;
    beats.push({
      rSample: r,
      centreSample: c,
      rrPreS,
      rrPostS,
      qrsOnS: d.qrsOnS,
      qrsOffS: d.qrsOffS,
      qrsMs: (d.qrsOffS - d.qrsOnS) * 1000,
      qrsAmpMv,
      qrsPolarity: Number.isFinite(qrsAmpMv) ? Math.sign(qrsAmpMv) : 0,
      tAmpMv,
      tPolarity: Number.isFinite(tAmpMv) && Math.abs(tAmpMv) >= T_MIN_MV ? Math.sign(tAmpMv) : 0,
      prematurity: NaN,
      pauseRatio: NaN,
      sinusRrS: NaN,
      normalWidth: false,
      pvcLike: false,
    });
  }

  // Sinus QRS width: median of the narrower half.
  const widths = beats
    .map((b) => b.qrsMs)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const sinusQrsMs = median(widths.slice(0, Math.max(1, Math.ceil(widths.length / 2))));
  for (const b of beats) b.normalWidth = Number.isFinite(b.qrsMs) && b.qrsMs <= NORMAL_WIDTH * sinusQrsMs;

  // Sinus RR: intervals between consecutive normal-width beats.
  const nn: number[] = new Array<number>(nb).fill(NaN); // nn[k]: RR from beat k−1 to k when both normal
  for (let k = 1; k < nb; k++) if (beats[k - 1].normalWidth && beats[k].normalWidth) nn[k] = beats[k].rrPreS;
  const globalNn = median(nn);
  const spans: number[] = [];
  for (let k = 2; k < nb; k++) {
    if (beats[k - 2].normalWidth && beats[k].normalWidth && !beats[k - 1].normalWidth) {
      spans.push((centre[k] - centre[k - 2]) / fsHz / 2);
    }
  }
  const fallback = Number.isFinite(globalNn)
    ? globalNn
    : spans.length > 0
      ? median(spans)
      : median(beats.map((b) => b.rrPreS));
  let nPvcLike = 0;
  for (let k = 0; k < nb; k++) {
    const b = beats[k];
    const local = median(nn.slice(Math.max(0, k - LOCAL_BEATS), Math.min(nb, k + LOCAL_BEATS + 1)));
    b.sinusRrS = Number.isFinite(local) ? local : fallback;
    b.prematurity = b.rrPreS / b.sinusRrS;
    b.pauseRatio = (b.rrPreS + b.rrPostS) / b.sinusRrS;
    b.pvcLike =
      b.prematurity < PREMATURE &&
      b.qrsMs >= WIDE * sinusQrsMs &&
      b.qrsPolarity !== 0 &&
      b.tPolarity === -b.qrsPolarity &&
      b.pauseRatio >= PAUSE;
    if (b.pvcLike) nPvcLike++;
  }
  return { beats, sinusQrsMs, sinusRrS: fallback, nPvcLike };
}
