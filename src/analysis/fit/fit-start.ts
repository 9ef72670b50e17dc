/**
 * Where a template fit starts and what it may reach, from the template's delineation (`delineateBeat`)
 * and the template samples at its fiducials, never from known answers:
 * - window: from 50 ms before the P onset (or QRS onset − 0.2 s without a P wave), not before the
 *   previous beat's T offset (T offset − RR before), to 20 ms before the next beat's P onset (R + RR
 *   after + P onset; R + RR after − 0.12 s without a P wave; R + 0.6 s without an RR) but at least 40 ms
 *   past the T offset, within the template;
 * - offset: the isoelectric level;
 * - R: the template maximum within ±20 ms of R, σ from its half-amplitude width (FWHM / 2.355);
 * - Q and S: the deepest point of the QRS before and after R (σ from its distance to QRS onset /
 *   offset over 2.5, the model's boundary), or a small wave mid-way when the QRS has no such dip;
 * - P and T: their delineated peak and amplitude, σ from onset/offset (the delineation's 5 % bounds are
 *   at ±2.45σ of a Gaussian); T is also tried from the largest rise and the deepest dip after the QRS
 *   (`tCandidates`), since the delineation may take an ST depression for the T wave;
 * - delta (WPW): from QRS onset to the start of R's upstroke (μR − 2.5σR), its height the template there.
 * Bounds keep each wave in its part of the beat: P before QRS onset, Q in the first and S in the last
 * part of the QRS (both ≤ 0 mV), R positive within ±40 ms of the R sample, T after the QRS. Ventricular
 * beats (`ventricular`) have their R at the dominant deflection within ±60 ms, of either sign, and Q
 * and S of either sign: a PVC's main deflection may point down.
 */
import type { BeatDelineation } from '../delineate-beat.ts';
import { ampIndex, DELTA_AMP, DELTA_DUR, N_PARAMS, OFFSET, posIndex, widthIndex } from './beat-model-fit.ts';
import type { BeatModelOptions } from './fit-types.ts';

/** A fit's start point, bounds, free parameters and sample window [loIndex, hiIndex] of the template. */
export interface FitStart {
  x0: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  free: boolean[];
  loIndex: number;
  hiIndex: number;
  /** Whether a P wave is fitted. */
  hasP: boolean;
  /** Start values [amp mV, position s, σ s] of T to try (the delineated T first). */
  tCandidates: [number, number, number][];
}

/**
 * The fit window ends 20 ms before the next beat's P onset (R + RR + P onset; P onset taken as −0.2 s
 * when the delineation has none), or 120 ms before the next R without a P wave, or at R + 0.6 s.
 */
const NEXT_P_S = 0.2;
const NEXT_GAP_S = 0.02;
const NO_P_GAP_S = 0.12;
const DEFAULT_END_S = 0.6;
/**
 * Widest P and T waves (σ, s): ±2.5σ spans 200 ms and 750 ms, beyond any real P or T; wider, a Gaussian
 * would model the template's baseline instead of the wave.
 */
const P_MAX_SIGMA_S = 0.04;
const T_MAX_SIGMA_S = 0.15;
const QS_MAX_SIGMA_SHARE = 0.6;
const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));
const WAVE_BOUND_SIGMAS = 2.45;
const MODEL_BOUND_SIGMAS = 2.5;

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function finiteOr(v: number | null, fallback: number): number {
  return v !== null && Number.isFinite(v) ? v : fallback;
}

/** Index of the smallest (`sign` −1) or largest (+1) template value in [lo, hi]. */
function argExtreme(y: ArrayLike<number>, lo: number, hi: number, sign: number): number {
  let best = lo;
  for (let i = lo; i <= hi; i++) if (sign * y[i] > sign * y[best]) best = i;
  return best;
}

/** Sign (1 or −1) of the largest deviation from `iso` within ±`span` samples of `at`. */
function dominantSign(y: ArrayLike<number>, at: number, span: number, iso: number): number {
  let best = 0;
  for (let i = Math.max(0, at - span); i <= Math.min(y.length - 1, at + span); i++) {
    if (Math.abs(y[i] - iso) > Math.abs(best)) best = y[i] - iso;
  }
  return best < 0 ? -1 : 1;
}

/**
 * Start point and bounds of the fit of template `y` (mV at `fsHz`, R at sample `rIndex`) delineated as
 * `d`; `rrS` and `rrNextS` are the RR intervals before and after the beat when known (the one before
 * bounds the window's start, the one after its end). Rules in the module comment.
 */
export function fitStart(
  y: ArrayLike<number>,
  fsHz: number,
  rIndex: number,
  d: BeatDelineation,
  rrS: number | undefined,
  rrNextS: number | undefined,
  model: BeatModelOptions,
): FitStart {
  const n = y.length;
  const toS = (i: number): number => (i - rIndex) / fsHz;
  const toI = (s: number): number => rIndex + Math.round(s * fsHz);
  const iso = Number.isFinite(d.isoMv) ? d.isoMv : y[0];
  const rr = rrS !== undefined && rrS > 0 ? rrS : NaN;
  const rrNext = rrNextS !== undefined && rrNextS > 0 ? rrNextS : rr;
  const qrsOn = Number.isFinite(d.qrsOnS) ? d.qrsOnS : -0.05;
  const qrsOff = Number.isFinite(d.qrsOffS) ? Math.max(d.qrsOffS, 0.02) : 0.05;
  const hasP = model.pWave !== 'none' && d.pPeakS !== null && d.pAmpMv !== null;
  const tOff = Number.isFinite(d.tOffS) ? d.tOffS : NaN;

  // Window.
  let fromS = (hasP ? finiteOr(d.pOnS, qrsOn - 0.2) : qrsOn - 0.2) - 0.05;
  if (Number.isFinite(tOff) && Number.isFinite(rr)) fromS = Math.max(fromS, tOff - rr);
  const nextStartS = hasP ? finiteOr(d.pOnS, -NEXT_P_S) - NEXT_GAP_S : -NO_P_GAP_S;
  let endS = Number.isFinite(rrNext) ? rrNext + nextStartS : DEFAULT_END_S;
  endS = Math.max(endS, Number.isFinite(tOff) ? tOff + 0.04 : 0.3);
  const loIndex = clamp(toI(fromS), 0, rIndex - 1);
  const hiIndex = clamp(toI(endS), rIndex + 1, n - 1);
  const winFrom = toS(loIndex);
  const winTo = toS(hiIndex);

  const x0 = new Float64Array(N_PARAMS);
  const lower = new Float64Array(N_PARAMS).fill(-Infinity);
  const upper = new Float64Array(N_PARAMS).fill(Infinity);
  const free = new Array<boolean>(N_PARAMS).fill(true);
  const set = (k: number, v: number, lo: number, hi: number): void => {
    lower[k] = lo;
    upper[k] = hi;
    x0[k] = clamp(v, lo, hi);
  };
  const wave = (w: number, amp: number[], pos: number[], width: number[]): void => {
    set(ampIndex(w), amp[0], amp[1], amp[2]);
    set(posIndex(w), pos[0], pos[1], pos[2]);
    set(widthIndex(w), width[0], width[1], width[2]);
  };
  const fix = (w: number): void => {
    for (const k of [ampIndex(w), posIndex(w), widthIndex(w)]) free[k] = false;
    x0[ampIndex(w)] = 0;
    lower[ampIndex(w)] = upper[ampIndex(w)] = 0;
    x0[widthIndex(w)] = 0.01; // any valid width: the wave has no amplitude
  };
  set(OFFSET, iso, iso - 2, iso + 2);

  // R: maximum near the R sample (ventricular beats: the dominant deflection, either sign), σ from the
  // half-amplitude width.
  const sign = model.ventricular === true ? dominantSign(y, rIndex, Math.round(0.06 * fsHz), iso) : 1;
  const rSpan = Math.round((model.ventricular === true ? 0.06 : 0.02) * fsHz);
  const rI = argExtreme(y, Math.max(0, rIndex - rSpan), Math.min(n - 1, rIndex + rSpan), sign);
  const rMag = Math.max(0.05, sign * (y[rI] - iso));
  let left = rI;
  while (left > 0 && sign * (y[left] - iso) > rMag / 2) left--;
  let right = rI;
  while (right < n - 1 && sign * (y[right] - iso) > rMag / 2) right++;
  const rSigma = clamp((right - left) / fsHz / FWHM_PER_SIGMA, 0.003, 0.04);
  const muR = toS(rI);
  const rMax = 1.5 * rMag + 0.1;
  const rPos = [muR, Math.min(-0.04, muR - 0.02), Math.max(0.04, muR + 0.02)];
  wave(2, [sign * rMag, model.ventricular === true ? -rMax : 0, rMax], rPos, [rSigma, 0.002, 0.06]);
  const apart = 0.3 * rSigma;

  // Q and S: the largest deflection opposite to R before / after it inside the QRS (of either sign for
  // ventricular beats, else ≤ 0).
  const opp = -sign;
  // Q and S of ventricular beats, of either sign, could take a T wave's place: their σ is at most 40 %
  // of the QRS duration (15-50 ms).
  const vMaxSigma = clamp(QS_MAX_SIGMA_SHARE * (qrsOff - qrsOn), 0.015, 0.06);
  const bothSigns = model.ventricular === true;
  const qLo = clamp(toI(qrsOn), 0, rI);
  const qI = argExtreme(y, qLo, Math.max(qLo, rI - 1), opp);
  const qDip = y[qI] - iso;
  const qFound = opp * qDip > 0 && qI < rI - 1;
  const qPos = qFound ? toS(qI) : (qrsOn + muR) / 2;
  const qAmp = qFound ? qDip : opp * 0.02;
  const qSigma = clamp((qPos - qrsOn) / MODEL_BOUND_SIGMAS, 0.003, 0.03);
  const qMax = 2 * Math.abs(qAmp) + 0.1 * rMag + 0.05;
  const qPosRange = [qPos, Math.min(qrsOn, qPos) - 0.03, muR - apart];
  wave(1, [qAmp, -qMax, bothSigns ? qMax : 0], qPosRange, [qSigma, 0.002, bothSigns ? vMaxSigma : 0.05]);
  const sHi = clamp(toI(qrsOff), rI, n - 1);
  const sI = argExtreme(y, Math.min(sHi, rI + 1), sHi, opp);
  const sDip = y[sI] - iso;
  const sFound = opp * sDip > 0 && sI > rI + 1;
  const sPos = sFound ? toS(sI) : (qrsOff + muR) / 2;
  const sAmp = sFound ? sDip : opp * 0.02;
  const sSigma = clamp((qrsOff - sPos) / MODEL_BOUND_SIGMAS, 0.003, 0.04);
  const sMax = 2 * Math.abs(sAmp) + 0.1 * rMag + 0.05;
  const sPosRange = [sPos, muR + apart, Math.max(qrsOff, sPos) + 0.04];
  wave(3, [sAmp, -sMax, bothSigns ? sMax : 0], sPosRange, [sSigma, 0.002, bothSigns ? vMaxSigma : 0.08]);

  // P.
  if (hasP) {
    const pPeak = d.pPeakS as number;
    const pWidth = finiteOr(d.pOffS, pPeak + 0.04) - finiteOr(d.pOnS, pPeak - 0.04);
    const pSigma = clamp(pWidth / (2 * WAVE_BOUND_SIGMAS), 0.006, 0.05);
    wave(
      0,
      [d.pAmpMv as number, -0.6, 0.6],
      [pPeak, Math.max(winFrom, pPeak - 0.06), Math.min(qrsOn, pPeak + 0.06)],
      [pSigma, 0.004, P_MAX_SIGMA_S],
    );
  } else fix(0);

  // T: the delineated wave first, then the largest rise and the deepest dip after the QRS.
  const tCandidates: [number, number, number][] = [];
  const tLo = clamp(toI(qrsOff + 0.04), 0, n - 1);
  const tHi = clamp(toI(winTo - 0.02), tLo, n - 1);
  for (const sign of [1, -1]) {
    const k = argExtreme(y, tLo, tHi, sign);
    const amp = y[k] - iso;
    if (sign * amp > 0.02) tCandidates.push([amp, toS(k), clamp((winTo - toS(k)) / 4, 0.02, 0.06)]);
  }
  if (Number.isFinite(d.tPeakS)) {
    const tSigma = clamp((finiteOr(tOff, d.tPeakS + 0.1) - d.tPeakS) / WAVE_BOUND_SIGMAS, 0.015, 0.12);
    tCandidates.unshift([d.tAmpMv, d.tPeakS, tSigma]);
    wave(
      4,
      [d.tAmpMv, -2.5, 2.5],
      [d.tPeakS, qrsOff + 0.02, Math.max(winTo, qrsOff + 0.03)],
      [tSigma, 0.008, T_MAX_SIGMA_S],
    );
  } else {
    const tPos = Math.min(winTo - 0.05, qrsOff + 0.2);
    wave(
      4,
      [0, -2.5, 2.5],
      [tPos, qrsOff + 0.02, Math.max(winTo, qrsOff + 0.03)],
      [0.05, 0.008, T_MAX_SIGMA_S],
    );
  }

  // Delta wave (WPW): replaces Q.
  if (model.delta === true) {
    fix(1);
    const upstroke = muR - MODEL_BOUND_SIGMAS * rSigma;
    const dur = clamp(upstroke - qrsOn, 0.015, 0.09);
    const h = clamp(y[clamp(toI(upstroke), 0, n - 1)] - iso, 0.02, 2);
    set(DELTA_AMP, h, 0, 3);
    set(DELTA_DUR, dur, 0.008, 0.12);
  } else {
    free[DELTA_AMP] = free[DELTA_DUR] = false;
    x0[DELTA_DUR] = 0.04;
  }
  return { x0, lower, upper, free, loIndex, hiIndex, hasP, tCandidates };
}
