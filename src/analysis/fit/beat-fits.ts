/**
 * Per-beat fits: every beat of a template's group is fitted on its own, in the template's window
 * (relative to the beat's R peak), starting from the template's solution and within its bounds (a
 * warm start: a few Levenberg-Marquardt steps per beat). The results are kept as columns of typed
 * arrays (cheap to transfer from a worker); `beatParamsAt` reads one beat as named parameters.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { beatProblem, N_PARAMS, type BeatData } from './beat-model-fit.ts';
import { paramsOf, type TemplateFit } from './fit-beat.ts';
import type { BeatParams } from './fit-types.ts';
import { levenbergMarquardt } from './levenberg-marquardt.ts';

/** Per-beat stopping rules: a relative cost decrease or step below these ends a beat's fit. */
const BEAT_COST_TOL = 1e-4;
const BEAT_STEP_TOL = 1e-4;

/** Per-beat fits of one template's beats, column-wise (one entry per fitted beat). */
export interface PerBeatFits {
  n: number;
  /** R peak of each beat (s from the record start) and the RR intervals before and after it (s; NaN at the ends). */
  timeS: Float64Array;
  rrS: Float64Array;
  rrNextS: Float64Array;
  /** 1 where the beat before is a normal (N-type) beat, so that `rrS` is an N-N interval. */
  prevNormal: Uint8Array;
  /** Fit quality of each beat: RMS residual (µV) and variance explained. */
  rmsUv: Float64Array;
  varianceExplained: Float64Array;
  /** Parameter vectors, n × 18 (the layout of beat-model-fit.ts). */
  x: Float64Array;
  /** Which parameters were fitted (a wave fixed at zero is absent), and whether the delta wave is. */
  free: boolean[];
  delta: boolean;
}

/** Beat `k` of `fits` as named parameters. */
export function beatParamsAt(fits: PerBeatFits, k: number): BeatParams {
  return paramsOf(fits.x.subarray(k * N_PARAMS, (k + 1) * N_PARAMS), fits, fits.delta);
}

/** Options of `fitBeats`. */
export interface FitBeatsOptions {
  /** Most Levenberg-Marquardt steps per beat; default 40. */
  maxIterations?: number;
  signal?: AbortSignalLike;
  /** Called after each beat with the number of beats done. */
  onBeat?: (done: number) => void;
  /** The AAMI type of every beat of `rSamples` (fills `prevNormal`). */
  types?: readonly string[];
}

/**
 * Fit each beat `rSamples[beats[k]]` of `signalMv` (mV at `fsHz`, baseline-corrected) from `template`'s
 * solution (see the module comment). Beats whose window does not fit inside the signal are skipped.
 */
export function fitBeats(
  signalMv: Float32Array,
  fsHz: number,
  rSamples: Int32Array,
  beats: ArrayLike<number>,
  template: Pick<TemplateFit, 'solution' | 'loIndex' | 'hiIndex'>,
  rIndex: number,
  delta: boolean,
  options: FitBeatsOptions = {},
): PerBeatFits {
  const loOff = template.loIndex - rIndex;
  const hiOff = template.hiIndex - rIndex;
  const len = hiOff - loOff + 1;
  const data: BeatData = { y: new Float64Array(len), t0S: loOff / fsHz, fsHz, delta };
  const problem = beatProblem(data);
  const { x: x0, lower, upper, free } = template.solution;
  const keep: number[] = [];
  for (let k = 0; k < beats.length; k++) {
    const r = rSamples[beats[k]];
    if (r + loOff >= 0 && r + hiOff < signalMv.length) keep.push(beats[k]);
  }
  const n = keep.length;
  const out: PerBeatFits = {
    n,
    timeS: new Float64Array(n),
    rrS: new Float64Array(n),
    rrNextS: new Float64Array(n),
    prevNormal: new Uint8Array(n),
    rmsUv: new Float64Array(n),
    varianceExplained: new Float64Array(n),
    x: new Float64Array(n * N_PARAMS),
    free: [...free],
    delta,
  };
  for (let j = 0; j < n; j++) {
    options.signal?.throwIfAborted();
    const b = keep[j];
    const r = rSamples[b];
    let mean = 0;
    for (let i = 0; i < len; i++) {
      data.y[i] = signalMv[r + loOff + i];
      mean += data.y[i];
    }
    mean /= len;
    let ssTot = 0;
    for (let i = 0; i < len; i++) ssTot += (data.y[i] - mean) ** 2;
    const lm = levenbergMarquardt(problem, x0, {
      lower,
      upper,
      free,
      maxIterations: options.maxIterations ?? 40,
      costTol: BEAT_COST_TOL,
      stepTol: BEAT_STEP_TOL,
    });
    out.timeS[j] = r / fsHz;
    out.rrS[j] = b > 0 ? (r - rSamples[b - 1]) / fsHz : NaN;
    out.rrNextS[j] = b + 1 < rSamples.length ? (rSamples[b + 1] - r) / fsHz : NaN;
    out.prevNormal[j] = b > 0 && options.types?.[b - 1] === 'N' ? 1 : 0;
    out.rmsUv[j] = Math.sqrt(lm.cost / len) * 1000;
    out.varianceExplained[j] = ssTot > 0 ? 1 - lm.cost / ssTot : NaN;
    out.x.set(lm.x, j * N_PARAMS);
    options.onBeat?.(j + 1);
  }
  return out;
}
