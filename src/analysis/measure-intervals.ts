/**
 * Global interval measurements of a lead II record from its median beat, the approach of the
 * computerised 12-lead programs (e.g. GE 12SL, Glasgow): R peaks by `detectRPeaks`, the record
 * band-limited by `denoiseEcg`, a `medianBeat` (R − 0.4 s to R + 0.6 s), and `delineateBeat` with the
 * mean RR interval.
 * Definitions: PR = QRS onset − P onset; QRS = QRS offset − QRS onset; QT = T offset − QRS onset;
 * QTc by Bazett (Bazett HC. Heart 1920;7:353-70): QT / √RR with both in seconds, reported in ms.
 */
import { delineateBeat } from './delineate-beat.ts';
import { denoiseEcg } from './denoise-ecg.ts';
import { detectRPeaks } from './detect-r-peaks.ts';
import { medianBeat } from './median-beat.ts';

/** Intervals (ms), rates and amplitudes (mV) of a record; NaN where a value cannot be measured. */
export interface IntervalMeasures {
  /** Number of detected beats (R peaks). */
  nBeats: number;
  /** 60 / mean RR (beats per minute). */
  heartRateBpm: number;
  /** Mean and sample standard deviation of the RR intervals (s). */
  rrMeanS: number;
  rrSdS: number;
  /** PR interval, QRS duration, QT and Bazett-corrected QT (ms). */
  prMs: number;
  qrsMs: number;
  qtMs: number;
  qtcMs: number;
  /** Whether the median beat has a P wave. */
  pPresent: boolean;
  /** P-wave duration (ms). */
  pDurationMs: number;
  /** P, T and R amplitudes relative to the isoelectric level (mV, signed). */
  pAmpMv: number;
  tAmpMv: number;
  rAmpMv: number;
}

/**
 * Measure `signalMv` (lead II, mV, sampled at `fsHz`). Throws when no beat is detected. Needs at least
 * one beat with 0.4 s before and 0.6 s after it inside the record for the wave measurements.
 */
export function measureIntervals(signalMv: Float32Array | Float64Array, fsHz: number): IntervalMeasures {
  const r = detectRPeaks(signalMv, fsHz);
  if (r.length === 0) {
    throw new Error(
      `no beats detected in ${(signalMv.length / fsHz).toFixed(1)} s of signal (${signalMv.length} samples at ${fsHz} Hz)`,
    );
  }
  let rrSum = 0;
  for (let k = 1; k < r.length; k++) rrSum += (r[k] - r[k - 1]) / fsHz;
  const nRr = r.length - 1;
  const rrMeanS = nRr > 0 ? rrSum / nRr : NaN;
  let ss = 0;
  for (let k = 1; k < r.length; k++) ss += ((r[k] - r[k - 1]) / fsHz - rrMeanS) ** 2;
  const rrSdS = nRr > 1 ? Math.sqrt(ss / (nRr - 1)) : NaN;

  const beat = medianBeat(denoiseEcg(signalMv, fsHz), fsHz, r);
  const d = delineateBeat(beat.templateMv, fsHz, beat.rIndex, Number.isFinite(rrMeanS) ? rrMeanS : undefined);
  const pPresent = d.pOnS !== null && d.pOffS !== null;
  const qtMs = (d.tOffS - d.qrsOnS) * 1000;
  return {
    nBeats: r.length,
    heartRateBpm: 60 / rrMeanS,
    rrMeanS,
    rrSdS,
    prMs: d.pOnS !== null ? (d.qrsOnS - d.pOnS) * 1000 : NaN,
    qrsMs: (d.qrsOffS - d.qrsOnS) * 1000,
    qtMs,
    qtcMs: qtMs / Math.sqrt(rrMeanS),
    pPresent,
    pDurationMs: d.pOnS !== null && d.pOffS !== null ? (d.pOffS - d.pOnS) * 1000 : NaN,
    pAmpMv: d.pAmpMv ?? NaN,
    tAmpMv: d.tAmpMv,
    rAmpMv: d.rAmpMv,
  };
}
