/**
 * Messages between the studio and `train.worker.ts`. Pure types, imported by both sides. The worker holds
 * one trainer (backend chosen by `init`, with fallback) and the models it trained, by id; example
 * windows travel as transferred Float32Array/Int32Array buffers. Every request gets exactly one final
 * reply (`ready`, `fitted`, `predicted`, `disposed`, `state` or `failed`); `fit` also streams `progress`
 * and `epoch`. `cancel` stops the fit or predict with that id between batches (it then fails with
 * `cancelled: true`).
 */
import type { BackendName, EpochLog, ExampleSet, ModelSpec, TrainSettings } from '../train/types.ts';

/** Studio → worker. */
export type TrainRequest =
  /** Start (or restart on another backend) the trainer: 'auto' tries WebGPU → WebGL → WASM → CPU. */
  | { type: 'init'; id: number; backend: BackendName | 'auto' }
  | {
      type: 'fit';
      id: number;
      spec: ModelSpec;
      train: ExampleSet;
      validation: ExampleSet;
      settings: TrainSettings;
      /** Fine-tune: start from this model's weights. */
      initFromModelId?: number;
    }
  | { type: 'predict'; id: number; modelId: number; examples: ExampleSet }
  | { type: 'dispose'; id: number; modelId: number }
  /** The backend and the live tensor count (for the memory check). */
  | { type: 'state'; id: number }
  | { type: 'cancel'; id: number };

/** Worker → studio. */
export type TrainReply =
  | { type: 'ready'; id: number; backend: BackendName; skipped: string[] }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'epoch'; id: number; log: EpochLog }
  | {
      type: 'fitted';
      id: number;
      modelId: number;
      paramCount: number;
      history: EpochLog[];
      bestEpoch: number;
    }
  | { type: 'predicted'; id: number; probabilities: Float32Array }
  | { type: 'disposed'; id: number }
  | { type: 'state'; id: number; backend: BackendName | null; tensorCount: number; modelIds: number[] }
  | { type: 'failed'; id: number; message: string; cancelled: boolean };
