/**
 * `createTrainer(backend)`: the TensorFlow.js implementation of the `Trainer` contract (types.ts).
 * It activates the first working backend from the choice (see backend.ts), adds the training kernels
 * of kernels/ when that is wasm or cpu, and trains the model zoo with the loop of trainer-fit.ts.
 */
import { getBackend, memory, setBackend } from '@tensorflow/tfjs-core';
import type { AbortSignalLike } from '../core/abort.ts';
import { activateBackend } from './backend.ts';
import { registerCpuTrainingKernels, registerWasmTrainingKernels } from './kernels/register-wasm.ts';
import { registerTrainingGradients } from './kernels/gradients.ts';
import { buildModel } from './models/index.ts';
import { checkExamples } from './trainer-checks.ts';
import { fitModel } from './trainer-fit.ts';
import { layersModelOf, wrapLayersModel } from './trainer-model.ts';
import { predictProbabilities } from './trainer-predict.ts';
import type {
  BackendName,
  ExampleSet,
  FitOptions,
  FitResult,
  ModelHandle,
  ModelSpec,
  Trainer,
  TrainSettings,
} from './types.ts';
import { zScoreRows } from './zscore.ts';

/** The tfjs trainer; `skipped` says why each backend tried before the active one did not start. */
export class TfjsTrainer implements Trainer {
  constructor(
    readonly backend: BackendName,
    readonly skipped: readonly string[] = [],
  ) {}

  private async useBackend(): Promise<void> {
    if (getBackend() !== this.backend) await setBackend(this.backend);
  }

  createModel(spec: ModelSpec, seed: number): ModelHandle {
    return wrapLayersModel(spec, buildModel(spec, seed));
  }

  async fit(
    spec: ModelSpec,
    train: ExampleSet,
    validation: ExampleSet,
    settings: TrainSettings,
    options?: FitOptions,
  ): Promise<FitResult> {
    await this.useBackend();
    return fitModel(spec, train, validation, settings, options);
  }

  async predict(model: ModelHandle, examples: ExampleSet, signal?: AbortSignalLike): Promise<Float32Array> {
    await this.useBackend();
    checkExamples('predict', examples, model.spec);
    const xZ = zScoreRows(examples.x, examples.n, examples.inputLength);
    return predictProbabilities(
      layersModelOf(model),
      xZ,
      examples.n,
      examples.inputLength,
      model.spec.nClasses,
      signal,
    );
  }

  tensorCount(): number {
    return memory().numTensors;
  }
}

/**
 * A trainer on the first backend of `backend` that starts ('auto': WebGPU → WebGL → WASM → CPU; a name:
 * that one, then those after it). The environment must have registered the backends (tf-node.ts,
 * tf-browser.ts).
 */
export async function createTrainer(backend: BackendName | 'auto' = 'auto'): Promise<Trainer> {
  const choice = await activateBackend(backend);
  registerTrainingGradients();
  if (choice.backend === 'wasm') registerWasmTrainingKernels();
  if (choice.backend === 'cpu') registerCpuTrainingKernels();
  return new TfjsTrainer(choice.backend, choice.skipped);
}
