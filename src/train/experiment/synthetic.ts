/**
 * The synthetic pre-training windows, generated in-process by the synthesizer: for each class, the
 * records `pqrst generate` would write with the config's synthetic block (see `SyntheticSpec`), cut to
 * the experiment's window and resampled to its rate when the synthesis rate differs.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { resample } from '../../core/resample.ts';
import type { ClassName } from '../../core/units.ts';
import {
  GENERATOR_VERSION,
  PRESETS,
  recordSeed,
  synthesize,
  validateParams,
  withoutNoise,
  type SynthParams,
} from '../../synth/index.ts';
import type { ExampleSet } from '../types.ts';
import type { SyntheticSpec } from './config.ts';

/** The synthesizer parameters of class `className` under `spec` (seed = the run's seed). */
export function syntheticParams(spec: SyntheticSpec, className: ClassName): SynthParams {
  const base = validateParams(
    { ...spec.params, className, fsHz: spec.fsHz, durationS: spec.seconds, seed: spec.seed },
    PRESETS[spec.preset],
  );
  return spec.noise === 'none' ? withoutNoise(base) : base;
}

/**
 * The recipe of the synthetic pre-training data, complete enough to regenerate it: hashed into every
 * pretrain result's provenance.
 */
export function syntheticRecipe(
  spec: SyntheticSpec,
  classes: readonly ClassName[],
  fsHz: number,
  windowSamples: number,
): Record<string, unknown> {
  return {
    format: 'pqrst-experiment-synthetic',
    generatorVersion: GENERATOR_VERSION,
    countPerClass: spec.countPerClass,
    validationPerClass: spec.validationPerClass,
    seed: spec.seed,
    preset: spec.preset,
    noise: spec.noise,
    windowFsHz: fsHz,
    windowSamples,
    params: Object.fromEntries(classes.map((c) => [c, syntheticParams(spec, c)])),
  };
}

/** Options of `SyntheticWindows.windows`. */
export interface SynthesizeWindowsOptions {
  signal?: AbortSignalLike;
  /** Called after each record with records done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Synthetic windows per class, each class generated once and kept (tasks share their classes). */
export class SyntheticWindows {
  private readonly byClass = new Map<ClassName, Float32Array>();

  constructor(
    readonly spec: SyntheticSpec,
    /** The experiment's rate, Hz. */
    readonly fsHz: number,
    /** Samples per window at `fsHz`. */
    readonly windowSamples: number,
  ) {}

  /** Records per class: training then validation. */
  get perClass(): number {
    return this.spec.countPerClass + this.spec.validationPerClass;
  }

  /** All windows of `className` (perClass × windowSamples), synthesized on first use. */
  windows(className: ClassName, options: SynthesizeWindowsOptions = {}): Float32Array {
    const cached = this.byClass.get(className);
    if (cached !== undefined) return cached;
    const L = this.windowSamples;
    const params = syntheticParams(this.spec, className);
    const nRecord = Math.round(params.durationS * params.fsHz);
    const out = new Float32Array(this.perClass * L);
    const buffer = new Float32Array(nRecord);
    for (let r = 0; r < this.perClass; r++) {
      options.signal?.throwIfAborted();
      const seed = recordSeed(this.spec.seed, className, r);
      const rec = synthesize({ ...params, className, seed }, { out: buffer });
      const signal =
        params.fsHz === this.fsHz ? rec.signalMv : resample(rec.signalMv, params.fsHz, this.fsHz);
      if (signal.length < L) {
        throw new RangeError(
          `synthetic ${className} record ${r}: ${signal.length} samples, a window needs ${L}`,
        );
      }
      out.set(signal.subarray(0, L), r * L);
      options.onProgress?.(r + 1, this.perClass);
    }
    this.byClass.set(className, out);
    return out;
  }

  /** The pre-training sets of a task with `classes` (label = index in `classes`). */
  examples(
    classes: readonly ClassName[],
    options: SynthesizeWindowsOptions = {},
  ): { train: ExampleSet; validation: ExampleSet } {
    const L = this.windowSamples;
    const { countPerClass: nTrain, validationPerClass: nVal } = this.spec;
    const make = (n: number): ExampleSet => ({
      x: new Float32Array(n * classes.length * L),
      y: new Int32Array(n * classes.length),
      n: n * classes.length,
      inputLength: L,
    });
    const train = make(nTrain);
    const validation = make(nVal);
    classes.forEach((c, k) => {
      const w = this.windows(c, options);
      train.x.set(w.subarray(0, nTrain * L), k * nTrain * L);
      train.y.fill(k, k * nTrain, (k + 1) * nTrain);
      validation.x.set(w.subarray(nTrain * L), k * nVal * L);
      validation.y.fill(k, k * nVal, (k + 1) * nVal);
    });
    return { train, validation };
  }
}
