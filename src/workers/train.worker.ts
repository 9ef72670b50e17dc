/**
 * Module worker of the training lab: runs the engine (src/train) on WebGPU, WebGL (OffscreenCanvas),
 * WASM or CPU, with fallback in that order. It keeps trained models by id so the studio can fine-tune
 * from one, predict with it or free it; a cancel message stops a running fit between batches.
 */
import type { ModelHandle, Trainer } from '../train/types.ts';
import { createBrowserTrainer } from './tf-browser.ts';
import type { TrainReply, TrainRequest } from './train-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let trainer: Trainer | null = null;
const models = new Map<number, ModelHandle>();
const running = new Map<number, AbortController>();
const cancelled = new Set<number>();
let nextModelId = 1;

function send(reply: TrainReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function needTrainer(): Trainer {
  if (!trainer) throw new Error('the trainer is not started: send init first');
  return trainer;
}

function needModel(id: number): ModelHandle {
  const m = models.get(id);
  if (!m) throw new Error(`no model with id ${id}`);
  return m;
}

async function handle(req: TrainRequest): Promise<void> {
  switch (req.type) {
    case 'init': {
      for (const m of models.values()) m.dispose();
      models.clear();
      const t = await createBrowserTrainer(req.backend);
      trainer = t;
      send({ type: 'ready', id: req.id, backend: t.backend, skipped: [...t.skipped] });
      return;
    }
    case 'fit': {
      const t = needTrainer();
      const initFrom = req.initFromModelId !== undefined ? needModel(req.initFromModelId) : undefined;
      const controller = new AbortController();
      running.set(req.id, controller);
      try {
        const res = await t.fit(req.spec, req.train, req.validation, req.settings, {
          initFrom,
          signal: controller.signal,
          onEpoch: (log) => send({ type: 'epoch', id: req.id, log }),
          onProgress: (fraction) => send({ type: 'progress', id: req.id, fraction }),
        });
        const modelId = nextModelId++;
        models.set(modelId, res.model);
        send({
          type: 'fitted',
          id: req.id,
          modelId,
          paramCount: res.model.paramCount,
          history: res.history,
          bestEpoch: res.bestEpoch,
        });
        cancelled.delete(req.id);
      } finally {
        running.delete(req.id);
      }
      return;
    }
    case 'predict': {
      const controller = new AbortController();
      running.set(req.id, controller);
      try {
        const probabilities = await needTrainer().predict(
          needModel(req.modelId),
          req.examples,
          controller.signal,
        );
        send({ type: 'predicted', id: req.id, probabilities }, [probabilities.buffer]);
        cancelled.delete(req.id);
      } finally {
        running.delete(req.id);
      }
      return;
    }
    case 'dispose':
      models.get(req.modelId)?.dispose();
      models.delete(req.modelId);
      send({ type: 'disposed', id: req.id });
      return;
    case 'state':
      send({
        type: 'state',
        id: req.id,
        backend: trainer?.backend ?? null,
        tensorCount: trainer?.tensorCount() ?? 0,
        modelIds: [...models.keys()],
      });
      return;
    case 'cancel': {
      const controller = running.get(req.id);
      if (controller) {
        cancelled.add(req.id);
        controller.abort(new Error('cancelled'));
      }
      return;
    }
  }
}

self.onmessage = (event: MessageEvent<TrainRequest>) => {
  const req = event.data;
  handle(req).catch((e: unknown) => {
    const wasCancelled = cancelled.delete(req.id);
    send({
      type: 'failed',
      id: req.id,
      message: e instanceof Error ? e.message : String(e),
      cancelled: wasCancelled,
    });
  });
};
