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
import type { Fiducials, SynthRecord } from './record.ts';
import { drawRrProcess } from './rr-process.ts';
import { recordRng } from './seed.ts';

/** Fiducial names in `Fiducials` order. */
const FIDUCIAL_KEYS = ['pOn', 'pPeak', 'pOff', 'qrsOn', 'qrsOff', 'tPeak', 'tOff'] as const;

/** Growable per-beat bookkeeping. */
class BeatLog {
  count = 0;
  rPeak: number[] = [];
  fid: number[][] = FIDUCIAL_KEYS.map(() => []);
  knotsS: number[] = [];
}

function logBeat(log: BeatLog, beat: BeatLayout, fsHz: number, nSamples: number): void {
  const r = Math.round(beat.rPeakS * fsHz);
  if (r < 0 || r >= nSamples) return;
  const c = beat.centerS;
  const w = beat.widthS;
  const b = BOUNDARY_SIGMAS;
  const timesS = [
    c[0] - b * w[0],
    c[0],
    c[0] + b * w[0],
    Math.min(c[1] - b * w[1], c[2] - b * w[2]),
    Math.max(c[2] + b * w[2], c[3] + b * w[3]),
    c[4],
    c[4] + b * w[4],
  ];
  log.rPeak.push(r);
  for (let k = 0; k < timesS.length; k++) {
    const s = Math.round(timesS[k] * fsHz);
    log.fid[k].push(s >= 0 && s < nSamples ? s : -1);
  }
  log.count++;
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
  const recordWaves = drawRecordWaves(params, rng);
  const sds = beatSds(params);
  const beatWaves = new Float64Array(15);
  const layout = createLayout();
  const signal = scratchBuffer(nSamples);
  const log = new BeatLog();
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
    logBeat(log, layout, fsHz, nSamples);
  }

  const cleanRmsMv = params.noiseUnit === 'dB' ? rms(signal) : 0;
  addNoise(signal, fsHz, params, rng, cleanRmsMv);
  if (params.augmentOn) applyNonakaAugmentations(signal, fsHz, log.knotsS, params, rng);

  // In the stretch-1s model a beat's R position inside its template varies, so with large jitter R
  // peaks can come out of order: annotations must be in time order.
  const order = Array.from(log.rPeak.keys()).sort((a, b) => log.rPeak[a] - log.rPeak[b]);
  const fiducials = {} as Fiducials;
  FIDUCIAL_KEYS.forEach((key, k) => (fiducials[key] = Int32Array.from(order, (i) => log.fid[k][i])));
  return {
    signalMv: toFloat32(signal, options.out ?? new Float32Array(nSamples)),
    fsHz,
    rPeak: Int32Array.from(order, (i) => log.rPeak[i]),
    beatSymbol: new Array<string>(log.count).fill('N'),
    rhythm: [{ sample: 0, aux: '(N' }],
    fiducials,
  };
}
