/**
 * `synthesize`: one lead II record of any class from a validated parameter set. Pure and deterministic:
 * the same parameters and seed give the identical Float32Array in the browser, a worker and Node.
 */
import type { ClassName } from '../core/units.ts';
import { applyNonakaAugmentations } from './augment-nonaka.ts';
import { generateAf } from './classes/af.ts';
import { generateAfl } from './classes/afl.ts';
import { generateNsr } from './classes/nsr.ts';
import { generatePvc } from './classes/pvc.ts';
import { generateWpw } from './classes/wpw.ts';
import { createContext, type SynthContext } from './context.ts';
import { addNoise, rms } from './noise.ts';
import type { SynthParams } from './params.ts';
import type { SynthRecord } from './record.ts';
import { recordRng } from './seed.ts';

/** The generator of each class. */
const GENERATORS: Record<ClassName, (ctx: SynthContext) => void> = {
  nsr: generateNsr,
  af: generateAf,
  afl: generateAfl,
  pvc: generatePvc,
  wpw: generateWpw,
};

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
  /**
   * Write the samples into this buffer (length = durationS × fsHz) instead of a new one. Allocating a
   * fresh 20 kB Float32Array per record costs more than synthesising it (V8's GC of external buffers),
   * so bulk writers reuse one buffer per record in flight.
   */
  out?: Float32Array;
}

/** Synthesize one record of class `params.className` from validated `params` (see `validateParams`). */
export function synthesize(params: SynthParams, options: SynthesizeOptions = {}): SynthRecord {
  const fsHz = params.fsHz;
  const nSamples = Math.round(params.durationS * fsHz);
  if (options.out && options.out.length !== nSamples) {
    throw new RangeError(`synthesize: out has ${options.out.length} samples, the record needs ${nSamples}`);
  }
  const rng = recordRng(params.seed, params.className);
  const ctx = createContext(params, rng, scratchBuffer(nSamples));
  GENERATORS[params.className](ctx);

  const cleanRmsMv = params.noiseUnit === 'dB' ? rms(ctx.signal) : 0;
  addNoise(ctx.signal, fsHz, params, rng, cleanRmsMv);
  if (params.augmentOn) applyNonakaAugmentations(ctx.signal, fsHz, ctx.log.knotsS, params, rng);

  return {
    signalMv: toFloat32(ctx.signal, options.out ?? new Float32Array(nSamples)),
    fsHz,
    ...ctx.log.finish(),
    rhythm: ctx.rhythm,
    atrialWaves: Int32Array.from(ctx.atrialWaves),
  };
}
