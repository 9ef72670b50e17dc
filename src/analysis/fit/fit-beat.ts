/**
 * Fit the Gaussian beat model (P, Q, R, S, T; the delta wave for WPW) to one beat template by bounded
 * Levenberg-Marquardt, starting from the template's delineation (`fitStart`). Returns the parameters,
 * the fitted sum, each component, the residual, the RMS error (µV) and the variance explained.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { delineateBeat } from '../delineate-beat.ts';
import {
  ampIndex,
  beatProblem,
  DELTA_AMP,
  DELTA_DUR,
  modelParts,
  OFFSET,
  posIndex,
  widthIndex,
  type BeatData,
} from './beat-model-fit.ts';
import { fitStart, type FitStart } from './fit-start.ts';
import {
  WAVE_NAMES,
  type BeatFit,
  type BeatModelOptions,
  type BeatParams,
  type WaveFit,
} from './fit-types.ts';
import { levenbergMarquardt } from './levenberg-marquardt.ts';

/** Options of `fitBeat`. */
export interface FitBeatOptions extends BeatModelOptions {
  /** The RR interval (s) before the beat, when known: it bounds the fit window's start. */
  rrS?: number;
  /**
   * The RR interval (s) after the beat (default `rrS`): it bounds the T search and the window's end. A
   * premature beat's is its compensatory pause.
   */
  rrNextS?: number;
  /** Most Levenberg-Marquardt steps; default 200. */
  maxIterations?: number;
  signal?: AbortSignalLike;
}

const BOUNDARY_SIGMAS = 2.5;
/** T starts of the same sign closer than this (s) are one start. */
const SAME_T_S = 0.02;

/** The parameter vector `x` as named parameters; waves that are fixed at zero are null. */
export function paramsOf(x: ArrayLike<number>, start: Pick<FitStart, 'free'>, delta: boolean): BeatParams {
  const wave = (w: number): WaveFit | null =>
    start.free[ampIndex(w)]
      ? { ampMv: x[ampIndex(w)], widthS: x[widthIndex(w)], positionS: x[posIndex(w)] }
      : null;
  const params: BeatParams = {
    P: wave(0),
    Q: wave(1),
    R: wave(2) as WaveFit,
    S: wave(3) as WaveFit,
    T: wave(4) as WaveFit,
    baselineMv: x[OFFSET],
  };
  if (delta) {
    const r = params.R;
    params.delta = {
      ampMv: x[DELTA_AMP],
      durationS: x[DELTA_DUR],
      onsetS: r.positionS - BOUNDARY_SIGMAS * r.widthS - x[DELTA_DUR],
    };
  }
  return params;
}

/** Residual, RMS (µV) and variance explained of a model `sum` against data `y`. */
export function fitQuality(
  y: ArrayLike<number>,
  sum: ArrayLike<number>,
): { residualMv: Float64Array; rmsUv: number; varianceExplained: number } {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  const residualMv = new Float64Array(n);
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    residualMv[i] = y[i] - sum[i];
    ssRes += residualMv[i] ** 2;
    ssTot += (y[i] - mean) ** 2;
  }
  return {
    residualMv,
    rmsUv: Math.sqrt(ssRes / n) * 1000,
    varianceExplained: ssTot > 0 ? 1 - ssRes / ssTot : NaN,
  };
}

/**
 * Fit the window `data` from `x0` within `start`'s bounds and free set; returns the full `BeatFit`.
 * `fitBeat` calls it with the delineation's start; per-beat fits call it with a template's solution.
 */
export function fitWindow(
  data: BeatData,
  start: Pick<FitStart, 'x0' | 'lower' | 'upper' | 'free'>,
  maxIterations: number,
  signal?: AbortSignalLike,
): BeatFit {
  const lm = levenbergMarquardt(beatProblem(data), start.x0, {
    lower: start.lower,
    upper: start.upper,
    free: start.free,
    maxIterations,
    signal,
  });
  const parts = modelParts(lm.x, data);
  const q = fitQuality(data.y, parts.sum);
  const n = data.y.length;
  const timeS = new Float64Array(n);
  for (let i = 0; i < n; i++) timeS[i] = data.t0S + i / data.fsHz;
  const components = {} as BeatFit['components'];
  WAVE_NAMES.forEach((name, w) => (components[name] = parts.waves[w]));
  components.delta = parts.delta;
  return {
    params: paramsOf(lm.x, start, data.delta),
    timeS,
    templateMv: Float64Array.from(data.y),
    fittedMv: parts.sum,
    components,
    residualMv: q.residualMv,
    rmsUv: q.rmsUv,
    varianceExplained: q.varianceExplained,
    iterations: lm.iterations,
    converged: lm.converged,
  };
}

/** A beat fit together with the vector form of its solution and bounds (for warm-started beat fits). */
export interface TemplateFit extends BeatFit {
  /** The solution vector and the bounds / free set it was fitted with. */
  solution: { x: Float64Array; lower: Float64Array; upper: Float64Array; free: boolean[] };
  /** The fitted sample window of the template, [loIndex, hiIndex]. */
  loIndex: number;
  hiIndex: number;
}

/**
 * Fit the beat model to `templateMv` (a median beat, mV at `fsHz`, R peak at sample `rIndex`), starting
 * from `delineateBeat` of the template (see `fitStart`). WPW (`delta`) adds the delta wave and drops Q;
 * `pWave: 'none'` (AF, flutter, ectopic beats) drops P. Throws when the template has non-finite samples.
 */
export function fitBeat(
  templateMv: Float32Array | Float64Array,
  fsHz: number,
  rIndex: number,
  options: FitBeatOptions = {},
): TemplateFit {
  for (let i = 0; i < templateMv.length; i++) {
    if (!Number.isFinite(templateMv[i])) throw new RangeError(`fitBeat: template sample ${i} is not finite`);
  }
  if (!(rIndex >= 1 && rIndex < templateMv.length - 1)) {
    throw new RangeError(`fitBeat: R index ${rIndex} is outside the template (${templateMv.length} samples)`);
  }
  const d = delineateBeat(templateMv, fsHz, rIndex, options.rrNextS ?? options.rrS);
  const start = fitStart(templateMv, fsHz, rIndex, d, options.rrS, options.rrNextS, options);
  const data: BeatData = {
    y: Float64Array.from(templateMv.subarray(start.loIndex, start.hiIndex + 1)),
    t0S: (start.loIndex - rIndex) / fsHz,
    fsHz,
    delta: options.delta === true,
  };
  // One fit per T start (the delineated T, the largest rise, the deepest dip); the lowest residual wins.
  let fit: BeatFit | undefined;
  const tried: [number, number, number][] = [];
  for (const c of start.tCandidates.length > 0 ? start.tCandidates : [undefined]) {
    const x0 = Float64Array.from(start.x0);
    if (c !== undefined) {
      if (tried.some((t) => Math.sign(t[0]) === Math.sign(c[0]) && Math.abs(t[1] - c[1]) < SAME_T_S))
        continue;
      tried.push(c);
      [x0[ampIndex(4)], x0[posIndex(4)], x0[widthIndex(4)]] = c;
    }
    const trial = fitWindow(data, { ...start, x0 }, options.maxIterations ?? 200, options.signal);
    if (fit === undefined || trial.rmsUv < fit.rmsUv) fit = trial;
  }
  if (fit === undefined) throw new Error('fitBeat: no fit was run');
  const x = vectorOf(fit.params);
  return {
    ...fit,
    solution: { x, lower: start.lower, upper: start.upper, free: start.free },
    loIndex: start.loIndex,
    hiIndex: start.hiIndex,
  };
}

/** The parameter vector of named parameters (fixed waves as zero amplitude). */
export function vectorOf(p: BeatParams): Float64Array {
  const x = new Float64Array(18);
  x[OFFSET] = p.baselineMv;
  WAVE_NAMES.forEach((name, w) => {
    const wave = p[name];
    x[ampIndex(w)] = wave?.ampMv ?? 0;
    x[posIndex(w)] = wave?.positionS ?? 0;
    x[widthIndex(w)] = wave?.widthS ?? 0.01;
  });
  x[DELTA_AMP] = p.delta?.ampMv ?? 0;
  x[DELTA_DUR] = p.delta?.durationS ?? 0.04;
  return x;
}
