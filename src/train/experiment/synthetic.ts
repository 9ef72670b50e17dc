/**
 * The synthetic pre-training windows, generated in-process by the synthesizer from a `SyntheticSource`
 * (synthetic-source.ts): each record cut to the experiment's window (its first windowS seconds) and
 * resampled to the experiment's rate when the synthesis rate differs. Each class is generated once and
 * kept, so tasks sharing a class share its records.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { resample } from '../../core/resample.ts';
import type { ClassName } from '../../core/units.ts';
import { recordSeed, synthesize } from '../../synth/index.ts';
import type { ExampleSet } from '../types.ts';
import { ExperimentError } from './experiment-error.ts';
import type { SyntheticSource } from './synthetic-source.ts';

/** Options of the generating calls. */
export interface SynthesizeWindowsOptions {
  signal?: AbortSignalLike;
  /** Called after each record with records done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** One class's windows: training and validation records, each rows × windowSamples. */
export interface ClassWindows {
  train: Float32Array;
  validation: Float32Array;
}

/** Synthetic windows per class from `source`, at `fsHz` with `windowSamples` samples. */
export class SyntheticWindows {
  private readonly byClass = new Map<ClassName, ClassWindows>();

  constructor(
    readonly source: SyntheticSource,
    readonly fsHz: number,
    readonly windowSamples: number,
  ) {}

  /** The windows of `className`, synthesized on first use. */
  windows(className: ClassName, options: SynthesizeWindowsOptions = {}): ClassWindows {
    const cached = this.byClass.get(className);
    if (cached !== undefined) return cached;
    const L = this.windowSamples;
    const plan = this.source.plan(className);
    const { params } = plan;
    const nRecord = Math.round(params.durationS * params.fsHz);
    if (params.durationS * this.fsHz < L - 0.5) {
      throw new ExperimentError(
        'synthetic',
        `${params.durationS}-s records are shorter than the ${L / this.fsHz}-s window`,
      );
    }
    const buffer = new Float32Array(nRecord);
    const total = plan.train.length + plan.validation.length;
    let done = 0;
    const make = (indices: number[]): Float32Array => {
      const out = new Float32Array(indices.length * L);
      indices.forEach((k, r) => {
        options.signal?.throwIfAborted();
        const seed = recordSeed(plan.seed, className, k);
        const rec = synthesize({ ...params, className, seed }, { out: buffer });
        const signal =
          params.fsHz === this.fsHz ? rec.signalMv : resample(rec.signalMv, params.fsHz, this.fsHz);
        const row = out.subarray(r * L, (r + 1) * L);
        row.set(signal.subarray(0, L));
        if (signal.length < L) row.fill(signal[signal.length - 1] ?? 0, signal.length);
        options.onProgress?.(++done, total);
      });
      return out;
    };
    const windows = { train: make(plan.train), validation: make(plan.validation) };
    this.byClass.set(className, windows);
    return windows;
  }

  /** The pre-training sets of a task with `classes` (label = index in `classes`). */
  examples(
    classes: readonly ClassName[],
    options: SynthesizeWindowsOptions = {},
  ): { train: ExampleSet; validation: ExampleSet } {
    const perClass = classes.map((c) => this.windows(c, options));
    const join = (part: keyof ClassWindows): ExampleSet => {
      const L = this.windowSamples;
      const n = perClass.reduce((sum, w) => sum + w[part].length / L, 0);
      const set: ExampleSet = { x: new Float32Array(n * L), y: new Int32Array(n), n, inputLength: L };
      let row = 0;
      perClass.forEach((w, k) => {
        const rows = w[part].length / L;
        set.x.set(w[part], row * L);
        set.y.fill(k, row, row + rows);
        row += rows;
      });
      return set;
    };
    return { train: join('train'), validation: join('validation') };
  }
}
