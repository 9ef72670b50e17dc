/**
 * `synthesize`: one normal-rhythm lead II record from a validated parameter set. Pure and deterministic:
 * the same parameters and seed give the identical Float32Array in the browser, a worker and Node.
 */
import type { ClassName } from '../core/units.ts';
import { applyNonakaAugmentations } from './augment-nonaka.ts';
import {
  BOUNDARY_SIGMAS,
  beatSds,
  createLayout,
  drawRecordWaves,
  jitterBeat,
  placeRrAdaptive,
  placeStretch1s,
  type BeatLayout,
} from './beat-model.ts';
import { addGaussian } from './gaussian.ts';
import { addNoise, rms } from './noise.ts';
import type { SynthParams } from './params.ts';
import { BeatLog, FIDUCIAL_KEYS } from './beat-log.ts';
import type { SynthRecord } from './record.ts';
import { drawRrProcess } from './rr-process.ts';
import { recordRng } from './seed.ts';

const log = new BeatLog();
/** Work arrays reused by every call (synthesis is synchronous). */
const work = {
  record: new Float64Array(15),
  sds: new Float64Array(15),
  beat: new Float64Array(15),
  layout: createLayout(),
};
const timesS = new Float64Array(FIDUCIAL_KEYS.length);

/** Log `beat` (normal: P, QRS and T fiducials at centre ± 2.5σ). */
function logBeat(beat: BeatLayout, fsHz: number, nSamples: number): void {
  const c = beat.centerS;
  const w = beat.widthS;
  const b = BOUNDARY_SIGMAS;
  timesS[0] = c[0] - b * w[0];
  timesS[1] = c[0];
  timesS[2] = c[0] + b * w[0];
  timesS[3] = Math.min(c[1] - b * w[1], c[2] - b * w[2]);
  timesS[4] = Math.max(c[2] + b * w[2], c[3] + b * w[3]);
  timesS[5] = c[4];
  timesS[6] = c[4] + b * w[4];
  log.add(Math.round(beat.rPeakS * fsHz), 'N', timesS, fsHz, nSamples);
}

function addBeat(out: Float64Array, fsHz: number, beat: BeatLayout): void {
  for (let w = 0; w < 5; w++) addGaussian(out, fsHz, beat.ampMv[w], beat.centerS[w], beat.widthS[w]);
}

let scratch = new Float64Array(0);

/** A zeroed float64 work buffer of `n` samples, reused between calls (synthesis is synchronous). */
function scratchBuffer(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  const view = scratch.subarray(0, n);
  view.fill(0);
  return view;
}

/** Copy to float32 by a plain loop (faster in V8 than the Float32Array(Float64Array) constructor). */
function toFloat32(x: Float64Array, out: Float32Array): Float32Array {
  for (let i = 0; i < x.length; i++) out[i] = x[i];
  return out;
}

/** Options of `synthesize`. */
export interface SynthesizeOptions {
  /** The class whose random stream is used (see seed.ts); default `nsr`. */
  className?: ClassName;
  /**
   * Write the samples into this buffer (length = durationS × fsHz) instead of a new one. Allocating a
   * fresh 20 kB Float32Array per record costs more than synthesising it (V8's GC of external buffers),
   * so bulk writers reuse one buffer per record in flight.
   */
  out?: Float32Array;
}

/** Synthesize one record from validated `params` (use `validateParams` on untrusted input). */
export function synthesize(params: SynthParams, options: SynthesizeOptions = {}): SynthRecord {
  const fsHz = params.fsHz;
  const nSamples = Math.round(params.durationS * fsHz);
  const durationS = nSamples / fsHz;
  if (options.out && options.out.length !== nSamples) {
    throw new RangeError(`synthesize: out has ${options.out.length} samples, the record needs ${nSamples}`);
  }
  const rng = recordRng(params.seed, options.className ?? 'nsr');
  const rr = drawRrProcess(params, rng);
  const recordWaves = drawRecordWaves(params, rng, work.record);
  const sds = beatSds(params, work.sds);
  const beatWaves = work.beat;
  const layout = work.layout;
  const signal = scratchBuffer(nSamples);
  log.reset();
  const stretch = params.beatModel === 'stretch-1s';

  // Start one beat before the record so that the first samples hold the tail of a beat.
  let rrS = rr.meanRrS;
  let anchorS = -rng.uniform() * rrS - rrS;
  const marginS = stretch ? 0 : 1;
  while (anchorS - marginS < durationS) {
    jitterBeat(recordWaves, sds, rng, beatWaves);
    if (stretch) {
      rrS = rr.nextRrS(anchorS);
      placeStretch1s(beatWaves, anchorS, rrS, layout);
      log.knotsS.push(anchorS);
      anchorS += rrS;
    } else {
      placeRrAdaptive(beatWaves, anchorS, rrS, params.prRateExponent, params.qtRateExponent, layout);
      log.knotsS.push(anchorS);
      rrS = rr.nextRrS(anchorS);
      anchorS += rrS;
    }
    addBeat(signal, fsHz, layout);
    logBeat(layout, fsHz, nSamples);
  }

  const cleanRmsMv = params.noiseUnit === 'dB' ? rms(signal) : 0;
  addNoise(signal, fsHz, params, rng, cleanRmsMv);
  if (params.augmentOn) applyNonakaAugmentations(signal, fsHz, log.knotsS, params, rng);

  const beats = log.finish();
  return {
    signalMv: toFloat32(signal, options.out ?? new Float32Array(nSamples)),
    fsHz,
    ...beats,
    rhythm: [{ sample: 0, aux: '(N' }],
  };
}
