/**
 * The trainer's `ModelHandle`: a tfjs-layers model with its spec. `layersModelOf` gives the underlying
 * model to code that saves or inspects it; `wrapLayersModel` turns a loaded model back into a handle.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { trainableParamCount } from './models/index.ts';
import type { ModelHandle, ModelSpec } from './types.ts';

class LayersModelHandle implements ModelHandle {
  readonly paramCount: number;
  private disposed = false;

  constructor(
    readonly spec: ModelSpec,
    readonly model: LayersModel,
  ) {
    this.paramCount = trainableParamCount(model);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}

/** A handle for a tfjs-layers model built (or loaded) for `spec`. */
export function wrapLayersModel(spec: ModelSpec, model: LayersModel): ModelHandle {
  return new LayersModelHandle({ ...spec }, model);
}

/** The tfjs-layers model behind a handle made by this trainer (throws for foreign or disposed handles). */
export function layersModelOf(handle: ModelHandle): LayersModel {
  if (!(handle instanceof LayersModelHandle)) throw new Error('model handle was not made by this trainer');
  if (handle.isDisposed) throw new Error('model handle has been disposed');
  return handle.model;
}
