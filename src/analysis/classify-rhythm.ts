/**
 * Rule-based rhythm label of a single-lead (II / MLII) strip from the analysis module's measurements,
 * the criteria a reader applies (Surawicz B et al. AHA/ACCF/HRS recommendations for the standardization
 * and interpretation of the ECG. Circulation 2009;119:e235-40 and e241-50):
 * 1. Fewer than 4 beats: `other`.
 * 2. RR irregular: coefficient of variation > 0.08 and median |ΔRR| > 6 % of the mean RR, over the RR
 *    intervals that do not touch a PVC-like beat (`beatFeatures`), so that ectopy is not taken for AF.
 * 3. Atrial activity (`atrialActivity`): with irregular RR the QRST is cancelled; with regular RR the
 *    QRS is blanked, because flutter waves conducted at a fixed ratio are time-locked to the QRS and an
 *    average beat would contain (and cancel) them.
 * 4. `afl`: dominant atrial frequency 4-5.7 Hz (240-340/min), no isoelectric line (fewer than 25 % of
 *    the RR intervals hold a flat run ≥ 40 ms, `isoelectricLengths`), and either irregular RR (variable
 *    conduction) or a fixed conduction ratio: RR intervals that are multiples of the flutter cycle
 *    (≥ 80 % within ±5 % of RR of k·cycle, the cycle refined within ±3 % of 1 / dominant frequency),
 *    an organised atrial spectrum (organisation index ≥ 0.4) and atrial waves that repeat at that
 *    cycle between beats: the autocorrelation at one cycle of the atrial signal (band-limited as in
 *    `isoelectricLengths`) within the TQ spans (T offset to the next QRS onset) is ≥ 0.5, or not
 *    measurable because the TQ spans hold less than 0.2 s of such pairs (2:1 conduction). A sinus P
 *    wave does not repeat one cycle earlier; a sawtooth does.
 * 5. `af`: irregular RR and no consistent P wave: the median beat has none, or fewer than half of the
 *    beats repeat it (`pWaveConsistency`). "P wave" below means a consistent one.
 * 6. `wpw`: regular RR, a P wave, a delta wave (initial QRS slope < 35 % of the maximal slope and
 *    ≥ 40 ms from QRS onset to the steep deflection, `initialQrsSlope`) and a QRS ≥ 100 ms or a PR
 *    < 120 ms. The delta wave comes first: this module's QRS onset (5 % of the maximal slope) falls
 *    inside a slow delta wave, so PR and QRS change less than the true ones (MIT-BIH 230: PR ≈ 155 ms,
 *    QRS ≈ 105 ms while pre-excited, against 175 and 80 ms).
 * 7. Any PVC-like beat: `other` (sinus rhythm with ventricular ectopy is not a class here).
 * 8. `nsr`: a P wave, PR 120-220 ms, QRS < 120 ms, regular RR (median |ΔRR| < 6 % of RR) and a rate
 *    of 50-110 bpm.
 * 9. Otherwise `other`.
 * Single-lead limits: coarse fibrillation with a dominant frequency below 5.7 Hz and no flat baseline
 * reads as flutter; intermittent pre-excitation is only seen in strips where it dominates the median
 * beat.
 */
import { atrialActivity } from './atrial-activity.ts';
import { beatFeatures } from './beat-features.ts';
import { delineateBeat } from './delineate-beat.ts';
import { denoiseEcg } from './denoise-ecg.ts';
import { detectRPeaks } from './detect-r-peaks.ts';
import { initialQrsSlope } from './initial-qrs-slope.ts';
import { isoelectricLengths } from './isoelectric-lengths.ts';
import { isoelectricSignal } from './isoelectric-signal.ts';
import { medianBeat } from './median-beat.ts';
import { medianOf } from './median-of.ts';
import { pWaveConsistency } from './p-wave-consistency.ts';
import { rrStatistics } from './rr-statistics.ts';

/** The rhythm classes. */
export type RhythmClass = 'nsr' | 'af' | 'afl' | 'wpw' | 'other';

/** The measurements the rules use (NaN where not measurable). */
export interface RhythmFeatures {
  nBeats: number;
  heartRateBpm: number;
  /** RR coefficient of variation and median |ΔRR| / mean RR without the PVC-like beats' intervals. */
  rrCv: number;
  medianSuccessiveDiffRatio: number;
  rrIrregular: boolean;
  /** PVC-like beats (`beatFeatures`). */
  nPvcLike: number;
  /** Fraction of beats with the median beat's P wave (`pWaveConsistency`), and whether it is ≥ 0.5. */
  pConsistency: number;
  pPresent: boolean;
  /** Median beat: PR and QRS (ms). */
  prMs: number;
  qrsMs: number;
  /** Atrial activity: removal method, dominant frequency (Hz), organisation index. */
  atrialMethod: 'cancel' | 'blank';
  atrialDominantHz: number;
  atrialOrganization: number;
  /** Isoelectric line: fraction of RR intervals with a flat run ≥ 40 ms, median length (ms). */
  isoelectricFraction40Ms: number;
  isoelectricMedianMs: number;
  /** Autocorrelation of the atrial signal at one atrial cycle within the TQ spans (−1…1). */
  atrialCycleCorrelation: number;
  /** Flutter cycle fitted to the RR intervals (s) and the fraction of RR that are multiples of it. */
  flutterCycleS: number;
  rrCycleMultipleFraction: number;
  /** Initial QRS slope ratio and time to the steep deflection (ms); delta wave by rule 6. */
  slopeRatio: number;
  timeToSteepMs: number;
  deltaWave: boolean;
}

/** A label with the rule that gave it and the features. */
export interface RhythmClassification {
  rhythm: RhythmClass;
  reason: string;
  features: RhythmFeatures;
}

const CV_IRREGULAR = 0.08;
const P_CONSISTENT = 0.5;
const MSDR_IRREGULAR = 0.06;
const FLUTTER_HZ: [number, number] = [4, 5.7];
const ISO_FRACTION_MAX = 0.25;
const MULTIPLE_TOLERANCE = 0.05;
const MULTIPLE_FRACTION = 0.8;
const CYCLE_REFINE = 0.03;
const FLUTTER_OI = 0.4;
const DELTA_SLOPE_RATIO = 0.35;
const DELTA_TIME_MS = 40;
const CYCLE_CORRELATION = 0.5;
const MIN_PAIRS_S = 0.2;

/**
 * Normalised autocorrelation at lag `lagS` of `y` over the samples i where i and i − lag both lie in
 * the same TQ span [R_k + startS, R_(k+1) + endS] (each span's mean removed); NaN when such pairs
 * cover less than 0.2 s in all.
 */
function tqAutocorrelation(
  y: Float64Array,
  fsHz: number,
  r: ArrayLike<number>,
  startS: number,
  endS: number,
  lagS: number,
): number {
  const lag = Math.round(lagS * fsHz);
  if (!(lag > 0)) return NaN;
  let xy = 0;
  let xx = 0;
  let yy = 0;
  let pairs = 0;
  for (let k = 0; k + 1 < r.length; k++) {
    const lo = Math.max(0, Math.ceil(r[k] + startS * fsHz));
    const hi = Math.min(y.length - 1, Math.floor(r[k + 1] + endS * fsHz));
    if (hi - lo < lag + 2) continue;
    let mean = 0;
    for (let i = lo; i <= hi; i++) mean += y[i];
    mean /= hi - lo + 1;
    for (let i = lo + lag; i <= hi; i++) {
      const a = y[i] - mean;
      const b = y[i - lag] - mean;
      xy += a * b;
      xx += a * a;
      yy += b * b;
      pairs++;
    }
  }
  return pairs >= MIN_PAIRS_S * fsHz && xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : NaN;
}

/** Coefficient of variation and median |ΔRR| / mean of the finite RR intervals (NaN marks a gap). */
function irregularity(rrS: number[]): { cv: number; msdr: number } {
  const finite = rrS.filter(Number.isFinite);
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  const sd = Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / (finite.length - 1));
  const diffs: number[] = [];
  for (let k = 1; k < rrS.length; k++) {
    if (Number.isFinite(rrS[k]) && Number.isFinite(rrS[k - 1])) diffs.push(Math.abs(rrS[k] - rrS[k - 1]));
  }
  return { cv: sd / mean, msdr: diffs.length > 0 ? medianOf(Float64Array.from(diffs)) / mean : NaN };
}

/** Best fraction of RR intervals within ±5 % of RR of a multiple k ≥ 1 of a cycle near `cycleS`. */
function cycleMultiples(rrS: number[], cycleS: number): { cycleS: number; fraction: number } {
  let best = { cycleS: NaN, fraction: NaN };
  if (!(cycleS > 0) || rrS.length === 0) return best;
  for (let step = -30; step <= 30; step++) {
    const c = cycleS * (1 + (CYCLE_REFINE * step) / 30);
    let hits = 0;
    for (const rr of rrS) {
      const k = Math.max(1, Math.round(rr / c));
      if (Math.abs(rr - k * c) <= MULTIPLE_TOLERANCE * rr) hits++;
    }
    const fraction = hits / rrS.length;
    if (!(fraction <= best.fraction)) best = { cycleS: c, fraction };
  }
  return best;
}

/**
 * Rhythm of `signalMv` (lead II, mV at `fsHz`; R peaks by `detectRPeaks` unless `rPeaks` is given)
 * by the rules of the module comment, with the features they used.
 */
export function classifyRhythm(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks?: ArrayLike<number>,
): RhythmClassification {
  const r = rPeaks ?? detectRPeaks(signalMv, fsHz);
  const rr = rrStatistics(r, fsHz);
  const ectopy = r.length >= 4 ? beatFeatures(signalMv, fsHz, r) : undefined;
  const isPvc = (k: number) => ectopy?.beats[k].pvcLike === true;
  const rrSinus: number[] = [];
  for (let k = 1; k < r.length; k++) rrSinus.push(isPvc(k - 1) || isPvc(k) ? NaN : (r[k] - r[k - 1]) / fsHz);
  const sinus = irregularity(rrSinus);
  const rrIrregular = sinus.cv > CV_IRREGULAR && sinus.msdr > MSDR_IRREGULAR;
  const features: RhythmFeatures = {
    nBeats: rr.nBeats,
    heartRateBpm: rr.heartRateBpm,
    rrCv: sinus.cv,
    medianSuccessiveDiffRatio: sinus.msdr,
    rrIrregular,
    nPvcLike: ectopy?.nPvcLike ?? 0,
    pConsistency: NaN,
    pPresent: false,
    prMs: NaN,
    qrsMs: NaN,
    atrialMethod: rrIrregular ? 'cancel' : 'blank',
    atrialDominantHz: NaN,
    atrialOrganization: NaN,
    isoelectricFraction40Ms: NaN,
    isoelectricMedianMs: NaN,
    atrialCycleCorrelation: NaN,
    flutterCycleS: NaN,
    rrCycleMultipleFraction: NaN,
    slopeRatio: NaN,
    timeToSteepMs: NaN,
    deltaWave: false,
  };
  if (rr.nBeats < 4) return { rhythm: 'other', reason: 'fewer than 4 beats', features };

  const beat = medianBeat(denoiseEcg(signalMv, fsHz), fsHz, r);
  const d = delineateBeat(beat.templateMv, fsHz, beat.rIndex, rr.rrMeanS);
  const pc = pWaveConsistency(signalMv, fsHz, r, beat, d);
  features.pConsistency = pc.fraction;
  features.pPresent = pc.medianHasP && pc.fraction >= P_CONSISTENT;
  features.prMs = d.pOnS !== null ? (d.qrsOnS - d.pOnS) * 1000 : NaN;
  features.qrsMs = (d.qrsOffS - d.qrsOnS) * 1000;

  const aa = atrialActivity(signalMv, fsHz, r, { method: features.atrialMethod });
  features.atrialDominantHz = aa.dominantHz;
  features.atrialOrganization = aa.organizationIndex;
  const iso = isoelectricLengths(signalMv, fsHz, r, d);
  features.isoelectricFraction40Ms = iso.fractionAtLeast40Ms;
  features.isoelectricMedianMs = iso.medianMs;
  const { y } = isoelectricSignal(aa.residualMv, fsHz);
  features.atrialCycleCorrelation = tqAutocorrelation(
    y,
    fsHz,
    r,
    iso.spanStartS,
    iso.spanEndS,
    1 / aa.dominantHz,
  );
  const rrS: number[] = [];
  for (let k = 1; k < r.length; k++) rrS.push((r[k] - r[k - 1]) / fsHz);
  const multiples = cycleMultiples(rrS, 1 / aa.dominantHz);
  features.flutterCycleS = multiples.cycleS;
  features.rrCycleMultipleFraction = multiples.fraction;
  const slope = initialQrsSlope(beat.templateMv, fsHz, beat.rIndex, d);
  features.slopeRatio = slope.slopeRatio;
  features.timeToSteepMs = slope.timeToSteepMs;
  features.deltaWave = slope.slopeRatio < DELTA_SLOPE_RATIO && slope.timeToSteepMs >= DELTA_TIME_MS;

  const f = features;
  const flutterBand = f.atrialDominantHz >= FLUTTER_HZ[0] && f.atrialDominantHz <= FLUTTER_HZ[1];
  const noIsoelectric = f.isoelectricFraction40Ms < ISO_FRACTION_MAX;
  const locked =
    f.rrCycleMultipleFraction >= MULTIPLE_FRACTION &&
    f.atrialOrganization >= FLUTTER_OI &&
    !(f.atrialCycleCorrelation < CYCLE_CORRELATION);
  if (flutterBand && noIsoelectric && (rrIrregular || locked)) {
    const how = rrIrregular ? 'variable conduction' : 'RR a multiple of the flutter cycle';
    return {
      rhythm: 'afl',
      reason: `atrial waves at ${f.atrialDominantHz.toFixed(2)} Hz, no isoelectric line, ${how}`,
      features,
    };
  }
  if (rrIrregular && !f.pPresent) {
    return { rhythm: 'af', reason: 'irregular RR without consistent P waves', features };
  }
  if (!rrIrregular && f.pPresent && f.deltaWave && (f.qrsMs >= 100 || f.prMs < 120)) {
    return { rhythm: 'wpw', reason: 'P waves, delta wave, wide QRS or short PR', features };
  }
  const regular = f.medianSuccessiveDiffRatio < MSDR_IRREGULAR;
  if (f.nPvcLike > 0) {
    return {
      rhythm: 'other',
      reason: `${f.nPvcLike} PVC-like beat(s) (premature, wide, T opposite, pause)`,
      features,
    };
  }
  if (
    f.pPresent &&
    f.prMs >= 120 &&
    f.prMs <= 220 &&
    f.qrsMs < 120 &&
    regular &&
    f.heartRateBpm >= 50 &&
    f.heartRateBpm <= 110
  ) {
    return { rhythm: 'nsr', reason: 'P waves, normal PR and QRS, regular RR at 50-110 bpm', features };
  }
  return { rhythm: 'other', reason: 'no rule matched', features };
}
