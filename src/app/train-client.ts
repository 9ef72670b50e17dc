/**
 * The main-thread side of the Training lab's worker (experiment.worker.ts): starts it on the chosen
 * backend, runs, pauses (the worker holds the fit between batches), resumes (a held fit goes on; a run
 * restored after a reload runs only what is left: runs are seeded, so the numbers are the same), cancels (between batches, mid-epoch), and does the model actions. Replies
 * become train-store updates; nothing trains on this thread.
 */
import { trainStore, type EpochPoint } from '../state/train-store.ts';
import type { ExperimentConfig } from '../train/experiment/config.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import type { ExperimentProgress } from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/runs.ts';
import type { BackendName, ModelSpec } from '../train/types.ts';
import type { ExperimentReply, ExperimentRequest, SyntheticChoice } from '../workers/experiment-protocol.ts';

type Waiter = (reply: ExperimentReply) => void;

let worker: Worker | null = null;
let nextId = 1;
const waiters = new Map<number, Waiter>();
let runId = 0;
/** What the running experiment was started with (for resuming after a pause). */
let lastRun: {
  config: ExperimentConfig;
  train: RealDataset;
  trainName: string;
  synthetic: SyntheticChoice;
} | null = null;
let started: Promise<void> | null = null;
let startedBackend: BackendName | 'auto' | null = null;

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/experiment.worker.ts', import.meta.url), {
    type: 'module',
    name: 'experiment',
  });
  w.onmessage = (event: MessageEvent<ExperimentReply>) => receive(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    worker = null;
    started = null;
    w.terminate();
    trainStore.setState({ phase: 'error', error: `training worker failed: ${event.message}`, backend: null });
  };
  worker = w;
  return w;
}

function request(req: ExperimentRequest, transfer: Transferable[] = []): Promise<ExperimentReply> {
  return new Promise((resolve) => {
    waiters.set(req.id, resolve);
    getWorker().postMessage(req, transfer);
  });
}

function failure(reply: ExperimentReply): Error | null {
  return reply.type === 'failed' ? new Error(reply.message) : null;
}

/** Start (or restart on another backend) the trainer; resolves when it is ready. */
export function startTrainer(backend: BackendName | 'auto'): Promise<void> {
  if (started && startedBackend === backend) return started;
  startedBackend = backend;
  trainStore.setState({ backendStarting: true });
  started = request({ type: 'init', id: nextId++, backend }).then((reply) => {
    if (reply.type !== 'ready') {
      trainStore.setState({ backendStarting: false, error: failure(reply)?.message ?? 'no backend' });
      started = null;
      throw failure(reply) ?? new Error('no backend');
    }
    trainStore.setState({
      backend: reply.backend,
      backendSkipped: reply.skipped,
      backendStarting: false,
      models: [],
      evaluation: null,
    });
  });
  return started;
}

/** The trainable parameters of a model (built and freed in the worker). */
export async function countParams(spec: ModelSpec): Promise<void> {
  try {
    await startTrainer(trainStore.getState().form.backend);
    const reply = await request({ type: 'count', id: nextId++, spec });
    if (reply.type === 'counted')
      trainStore.setState({ paramCount: reply.paramCount, paramCountError: null });
    else trainStore.setState({ paramCount: null, paramCountError: failure(reply)?.message ?? null });
  } catch (e) {
    trainStore.setState({ paramCount: null, paramCountError: (e as Error).message });
  }
}

function overallFraction(p: ExperimentProgress): number {
  const inRun = p.phase === 'train' ? p.fraction : 0;
  return Math.min(1, (p.runsDone + inRun) / Math.max(1, p.runsTotal));
}

function fitLabel(p: ExperimentProgress): string {
  return p.phase === 'train' ? `${p.regime} budget ${p.budget} seed ${p.seed}` : `pre-train seed ${p.seed}`;
}

function onProgress(p: ExperimentProgress, tensorCount: number): void {
  const s = trainStore.getState();
  const fraction = Math.max(s.fraction, overallFraction(p));
  const elapsedS = (performance.now() - s.startMs) / 1000;
  const doneHere = fraction - s.resumedFrom;
  const leftS = doneHere > 0.02 && s.heldSinceMs === null ? (elapsedS * (1 - fraction)) / doneHere : NaN;
  const next: Partial<typeof s> = { progress: p, fraction, leftS, tensorCount };
  if (p.epoch) {
    const point: EpochPoint = { fit: fitLabel(p), log: p.epoch, tensorCount };
    next.epochs = [...s.epochs, point];
    next.samplesPerSec = p.epoch.samplesPerSec;
  }
  trainStore.setState(next);
}

async function launch(done: RunResult[]): Promise<void> {
  if (lastRun === null) return;
  const id = nextId++;
  runId = id;
  const s0 = trainStore.getState();
  trainStore.setState({
    phase: 'running',
    heldSinceMs: null,
    error: null,
    startMs: performance.now(),
    resumedFrom: s0.fraction,
    leftS: NaN,
  });
  const { config, train, trainName, synthetic } = lastRun;
  const reply = await request({ type: 'run', id, config, train, trainName, synthetic, done });
  if (runId !== id) return;
  runId = 0;
  if (reply.type === 'finished') {
    const { report, provenance, resultsCsv, resultsJson, models } = reply;
    trainStore.setState((s) => ({
      phase: 'done',
      fraction: 1,
      leftS: 0,
      results: report.results,
      finished: { report, provenance, resultsCsv, resultsJson },
      models: [...s.models.filter((m) => !m.fromRun), ...models],
    }));
  } else if (reply.type === 'failed' && reply.cancelled) {
    trainStore.setState({
      phase: 'cancelled',
      heldSinceMs: null,
      results: reply.partial ?? trainStore.getState().results,
      leftS: NaN,
    });
  } else {
    trainStore.setState({ phase: 'error', error: failure(reply)?.message ?? 'the experiment failed' });
  }
}

/** Run an experiment (a new one: the results shown so far go). */
export async function runTrainExperiment(
  config: ExperimentConfig,
  train: RealDataset,
  trainName: string,
  synthetic: SyntheticChoice,
): Promise<void> {
  lastRun = { config, train, trainName, synthetic };
  trainStore.setState({
    config,
    results: [],
    finished: null,
    epochs: [],
    fraction: 0,
    progress: null,
    samplesPerSec: null,
    phase: 'running',
    error: null,
  });
  try {
    await startTrainer(trainStore.getState().form.backend);
  } catch (e) {
    trainStore.setState({ phase: 'error', error: (e as Error).message });
    return;
  }
  await launch([]);
}

/**
 * Pause the running experiment where it is: the worker holds the fit before its next batch, keeping the
 * model, the optimiser and its place, so Resume goes on from there and the numbers are those of a run
 * never paused. Time left and samples/s leave the pause out.
 */
export function pauseExperiment(): void {
  if (runId === 0 || trainStore.getState().phase !== 'running') return;
  getWorker().postMessage({ type: 'pause', id: runId } satisfies ExperimentRequest);
  trainStore.setState({ phase: 'paused', heldSinceMs: performance.now(), leftS: NaN });
}

/**
 * Continue a paused experiment: a held fit goes on; a stopped one (restored after a reload) runs only
 * the runs not finished yet.
 */
export function resumeExperiment(): Promise<void> {
  const s = trainStore.getState();
  if (s.phase !== 'paused') return Promise.resolve();
  if (runId !== 0 && s.heldSinceMs !== null) {
    getWorker().postMessage({ type: 'resume', id: runId } satisfies ExperimentRequest);
    trainStore.setState({
      phase: 'running',
      startMs: s.startMs + (performance.now() - s.heldSinceMs),
      heldSinceMs: null,
    });
    return Promise.resolve();
  }
  return launch(s.results);
}

/** Cancel the running experiment (it stops between batches, mid-epoch). */
export function cancelExperiment(): void {
  if (runId !== 0) {
    trainStore.setState({ heldSinceMs: null });
    getWorker().postMessage({ type: 'cancel', id: runId } satisfies ExperimentRequest);
  } else if (trainStore.getState().phase === 'paused') {
    trainStore.setState({ phase: 'cancelled' });
  }
}

/** Send a model request and resolve with its reply (failures become the model message). */
export async function modelRequest(
  req: ExperimentRequest,
  transfer: Transferable[] = [],
): Promise<ExperimentReply> {
  trainStore.setState(req.type === 'list' ? { modelBusy: true } : { modelBusy: true, modelMessage: null });
  try {
    await startTrainer(trainStore.getState().form.backend);
    const reply = await request(req, transfer);
    if (reply.type === 'failed') trainStore.setState({ modelMessage: reply.message });
    return reply;
  } finally {
    trainStore.setState({ modelBusy: false });
  }
}

/** A fresh request id. */
export function newRequestId(): number {
  return nextId++;
}

/** The worker's live tensor count. */
export async function workerTensorCount(): Promise<number | null> {
  if (!worker) return null;
  const reply = await request({ type: 'state', id: nextId++ });
  return reply.type === 'state' ? reply.tensorCount : null;
}

function receive(reply: ExperimentReply): void {
  if (reply.type === 'progress') {
    if (reply.id === runId) onProgress(reply.progress, reply.tensorCount);
    return;
  }
  if (reply.type === 'result') {
    if (reply.id === runId) {
      trainStore.setState((s) => ({ results: [...s.results, reply.result], tensorCount: reply.tensorCount }));
    }
    return;
  }
  const waiter = waiters.get(reply.id);
  if (waiter) {
    waiters.delete(reply.id);
    waiter(reply);
  }
}

/** What the current experiment was started with (config, real dataset and its name, synthetic source). */
export function currentRunSetup(): typeof lastRun {
  return lastRun;
}

/**
 * Resume an experiment restored from the workspace (after a reload): run only the runs not in `done`
 * (seeded, so the numbers equal an uninterrupted run's) on `setup`.
 */
export async function resumeRunSetup(setup: NonNullable<typeof lastRun>, done: RunResult[]): Promise<void> {
  lastRun = setup;
  trainStore.setState({ phase: 'running', error: null });
  try {
    await startTrainer(trainStore.getState().form.backend);
  } catch (e) {
    trainStore.setState({ phase: 'paused', error: (e as Error).message });
    return;
  }
  await launch(done);
}
