/**
 * Module worker of the Training lab: runs whole experiments (src/train/experiment) on the browser
 * trainer of tf-browser.ts (WebGPU → WebGL → WASM → CPU, the same setup as train.worker.ts), streams
 * progress and each run's result, and keeps models by id: the last one trained in each regime and
 * those loaded, for saving, downloading and evaluating. `cancel` stops a run between batches; `pause`
 * holds it there until `resume`.
 */
import type { Regime } from '../train/experiment/config.ts';
import type { RunResult } from '../train/experiment/runs.ts';
import { PauseGate } from '../train/pause-gate.ts';
import type { ModelHandle } from '../train/types.ts';
import { KeepingTrainer } from './experiment-keep.ts';
import { downloadFiles, evaluateOn, listSaved, loadModel, saveToBrowser } from './experiment-models.ts';
import type {
  ExperimentReply,
  ExperimentRequest,
  HeldModel,
  ModelProvenance,
} from './experiment-protocol.ts';
import { modelProvenance, runInWorker } from './experiment-run.ts';
import { createBrowserTrainer } from './tf-browser.ts';

declare const self: DedicatedWorkerGlobalScope;

interface Held {
  info: HeldModel;
  handle: ModelHandle;
  /** Made by an experiment (freed when the next one starts) or loaded. */
  fromRun: boolean;
}

let trainer: KeepingTrainer | null = null;
const held = new Map<number, Held>();
const running = new Map<number, AbortController>();
const gates = new Map<number, PauseGate>();
const cancelled = new Set<number>();
let nextModelId = 1;
/** Progress messages at most this often (an epoch end always goes out), ms. */
const PROGRESS_EVERY_MS = 100;

function send(reply: ExperimentReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function needTrainer(): KeepingTrainer {
  if (!trainer) throw new Error('the trainer is not started: send init first');
  return trainer;
}

function needModel(id: number): Held {
  const m = held.get(id);
  if (!m) throw new Error(`no model with id ${id}`);
  return m;
}

function hold(handle: ModelHandle, label: string, provenance: ModelProvenance, fromRun: boolean): HeldModel {
  const info: HeldModel = { id: nextModelId++, label, provenance, fromRun };
  held.set(info.id, { info, handle, fromRun });
  return info;
}

function freeRunModels(): void {
  for (const [id, m] of held) {
    if (!m.fromRun) continue;
    m.handle.dispose();
    held.delete(id);
  }
}

async function run(req: Extract<ExperimentRequest, { type: 'run' }>): Promise<void> {
  const t = needTrainer();
  freeRunModels();
  for (const k of t.takeAll()) k.handle.dispose();
  const controller = new AbortController();
  const gate = new PauseGate();
  running.set(req.id, controller);
  gates.set(req.id, gate);
  const results: RunResult[] = [...req.done];
  const lastByRegime = new Map<Regime, RunResult>();
  let lastSent = 0;
  try {
    const out = await runInWorker(t, {
      config: req.config,
      train: req.train,
      trainName: req.trainName,
      synthetic: req.synthetic,
      done: req.done,
      signal: controller.signal,
      pauseGate: gate,
      onProgress: (progress) => {
        const now = performance.now();
        if (progress.epoch === undefined && now - lastSent < PROGRESS_EVERY_MS) return;
        lastSent = now;
        send({ type: 'progress', id: req.id, progress, tensorCount: t.tensorCount() });
      },
      onResult: (result) => {
        results.push(result);
        lastByRegime.set(result.regime, result);
        send({ type: 'result', id: req.id, result, tensorCount: t.tensorCount() });
      },
    });
    const models: HeldModel[] = [];
    for (const k of t.takeAll()) {
      const r = lastByRegime.get(k.regime);
      if (r === undefined) {
        k.handle.dispose();
        continue;
      }
      const label = `${r.regime} ${r.task} ${r.arch} budget ${r.budget} seed ${r.seed}`;
      const p = modelProvenance(r, req.config, k.handle.spec, t.backend);
      models.push(hold(k.handle, label, p, true));
    }
    send({ type: 'finished', id: req.id, ...out, models });
  } catch (e) {
    for (const k of t.takeAll()) k.handle.dispose();
    if (cancelled.delete(req.id)) {
      send({ type: 'failed', id: req.id, message: 'cancelled', cancelled: true, partial: results });
      return;
    }
    throw e;
  } finally {
    running.delete(req.id);
    gates.delete(req.id);
  }
}

async function handle(req: ExperimentRequest): Promise<void> {
  switch (req.type) {
    case 'init': {
      for (const m of held.values()) m.handle.dispose();
      held.clear();
      const t = await createBrowserTrainer(req.backend);
      trainer = new KeepingTrainer(t);
      send({ type: 'ready', id: req.id, backend: t.backend, skipped: [...t.skipped] });
      return;
    }
    case 'count': {
      const m = needTrainer().createModel(req.spec, 1);
      const paramCount = m.paramCount;
      m.dispose();
      send({ type: 'counted', id: req.id, paramCount });
      return;
    }
    case 'run':
      return run(req);
    case 'pause':
      gates.get(req.id)?.pause();
      return;
    case 'resume':
      gates.get(req.id)?.resume();
      return;
    case 'cancel': {
      const controller = running.get(req.id);
      if (controller) {
        cancelled.add(req.id);
        controller.abort(new Error('cancelled'));
      }
      return;
    }
    case 'save': {
      const m = needModel(req.modelId);
      await saveToBrowser(m.handle, m.info.provenance, req.name);
      send({ type: 'saved', id: req.id, name: req.name });
      return;
    }
    case 'download': {
      const m = needModel(req.modelId);
      const files = await downloadFiles(m.handle, m.info.provenance, req.name);
      send({ type: 'downloaded', id: req.id, ...files }, [files.weights]);
      return;
    }
    case 'load': {
      needTrainer();
      const { handle: h, provenance, where } = await loadModel(req.from);
      const label = `${where}: ${provenance.regime} ${provenance.task} ${provenance.spec.arch}`;
      send({ type: 'loaded', id: req.id, model: hold(h, label, provenance, false) });
      return;
    }
    case 'list':
      send({ type: 'listed', id: req.id, models: await listSaved() });
      return;
    case 'evaluate': {
      const m = needModel(req.modelId);
      const evaluation = await evaluateOn(
        needTrainer(),
        req.modelId,
        m.handle,
        m.info.provenance,
        req.dataset,
      );
      send({ type: 'evaluated', id: req.id, evaluation });
      return;
    }
    case 'state':
      send({
        type: 'state',
        id: req.id,
        backend: trainer?.backend ?? null,
        tensorCount: trainer?.tensorCount() ?? 0,
      });
      return;
  }
}

self.onmessage = (event: MessageEvent<ExperimentRequest>) => {
  const req = event.data;
  handle(req).catch((e: unknown) => {
    send({
      type: 'failed',
      id: req.id,
      message: e instanceof Error ? e.message : String(e),
      cancelled: cancelled.delete(req.id),
    });
  });
};
