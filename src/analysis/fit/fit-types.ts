/** The shapes of fitted beats: per-wave Gaussian parameters, the delta wave, f-waves and a fit's traces. */

/** The Gaussian waves of a beat, in model order. */
export const WAVE_NAMES = ['P', 'Q', 'R', 'S', 'T'] as const;
/** One of the five waves. */
export type WaveName = (typeof WAVE_NAMES)[number];

/** One fitted Gaussian: amplitude (mV, signed), width σ (s) and centre (s relative to the R peak). */
export interface WaveFit {
  ampMv: number;
  widthS: number;
  positionS: number;
}

/** The fitted WPW delta wave (the synthesizer's shape): height (mV), ramp duration (s) and onset (s from R). */
export interface DeltaFit {
  ampMv: number;
  durationS: number;
  onsetS: number;
}

/** Fibrillatory (or flutter) waves of a segment: fundamental amplitude (mV) and dominant frequency (Hz). */
export interface FWaveFit {
  ampMv: number;
  freqHz: number;
}

/**
 * Fitted parameters of one beat; a wave that is not part of the model (no P in AF, no Q in WPW) is null.
 * R is the main QRS wave (for ventricular beats, the dominant deflection, which may be negative).
 */
export interface BeatParams {
  P: WaveFit | null;
  Q: WaveFit | null;
  R: WaveFit;
  S: WaveFit;
  T: WaveFit;
  /** The delta wave, for pre-excited (WPW) beats. */
  delta?: DeltaFit;
  /** The fitted baseline offset of the template (mV). */
  baselineMv: number;
}

/** Which model is fitted to a beat. */
export interface BeatModelOptions {
  /** Fit a P wave: `auto` (default) when the delineation finds one, `none` (AF, flutter, ectopic beats). */
  pWave?: 'auto' | 'none';
  /** Add the WPW delta wave and drop the Q wave (as the synthesizer's wpw class does). */
  delta?: boolean;
  /** A ventricular beat: R is the dominant QRS deflection, of either sign; Q and S of either sign. */
  ventricular?: boolean;
}

/** A template fit with everything a plot needs; times relative to the R peak. */
export interface BeatFit {
  params: BeatParams;
  /** Time of each fitted sample (s from R). */
  timeS: Float64Array;
  /** The template samples that were fitted (mV). */
  templateMv: Float64Array;
  /** The fitted model: offset plus every component (mV). */
  fittedMv: Float64Array;
  /** Each component alone (mV), without the offset; `delta` is all zeros without a delta wave. */
  components: Record<WaveName | 'delta', Float64Array>;
  /** Template minus fit (mV). */
  residualMv: Float64Array;
  /** Root-mean-square residual (µV). */
  rmsUv: number;
  /** 1 − Σ residual² / Σ (template − its mean)². */
  varianceExplained: number;
  /** Accepted Levenberg-Marquardt steps and whether a convergence test ended the fit. */
  iterations: number;
  converged: boolean;
}
