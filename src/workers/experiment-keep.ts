/**
 * A `Trainer` wrapper for the experiment worker that keeps the last trained model of each regime
 * instead of letting the runner free it, so the studio can save or download it afterwards. The runner
 * frees each real-data model right after testing it; the wrapper turns that `dispose` into "keep this
 * one, free the one kept before", so at most one model per regime is alive (the tensor count stays flat).
 * Real-data fits are told apart from synthetic pre-training by their class weights (the runner sets
 * them only for real data); a fit from pre-trained weights is the `pretrain` regime.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import type { Regime } from '../train/experiment/config.ts';
import type {
  ExampleSet,
  FitOptions,
  FitResult,
  ModelHandle,
  ModelSpec,
  Trainer,
  TrainSettings,
} from '../train/types.ts';

/** A kept model and the regime it was trained in. */
export interface KeptModel {
  regime: Regime;
  handle: ModelHandle;
}

/** The wrapper (see the module comment). */
export class KeepingTrainer implements Trainer {
  private readonly real = new WeakMap<ModelHandle, ModelHandle>();
  private readonly slots = new Map<Regime, ModelHandle>();

  constructor(private readonly inner: Trainer) {}

  get backend() {
    return this.inner.backend;
  }

  createModel(spec: ModelSpec, seed: number): ModelHandle {
    return this.inner.createModel(spec, seed);
  }

  async fit(
    spec: ModelSpec,
    train: ExampleSet,
    validation: ExampleSet,
    settings: TrainSettings,
    options?: FitOptions,
  ): Promise<FitResult> {
    const res = await this.inner.fit(spec, train, validation, settings, options);
    if (settings.classWeights === undefined) return res;
    const regime: Regime = options?.initFrom ? 'pretrain' : 'scratch';
    const handle = res.model;
    const proxy: ModelHandle = {
      spec: handle.spec,
      paramCount: handle.paramCount,
      dispose: () => this.keep(regime, handle),
    };
    this.real.set(proxy, handle);
    return { ...res, model: proxy };
  }

  predict(model: ModelHandle, examples: ExampleSet, signal?: AbortSignalLike): Promise<Float32Array> {
    return this.inner.predict(this.real.get(model) ?? model, examples, signal);
  }

  tensorCount(): number {
    return this.inner.tensorCount();
  }

  private keep(regime: Regime, handle: ModelHandle): void {
    const old = this.slots.get(regime);
    if (old !== undefined && old !== handle) old.dispose();
    this.slots.set(regime, handle);
  }

  /** The model kept for `regime` (the most recent real-data model of it), if any. */
  kept(regime: Regime): ModelHandle | undefined {
    return this.slots.get(regime);
  }

  /** Hand the kept models over (the caller frees them from now on). */
  takeAll(): KeptModel[] {
    const out = [...this.slots].map(([regime, handle]) => ({ regime, handle }));
    this.slots.clear();
    return out;
  }
}
