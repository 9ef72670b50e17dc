/**
 * The main-thread side of the realism worker: checks the form and the imported windows of the class
 * (a refusal names the class and the counts), asks the import worker for its dataset files (the
 * signals.npy + labels.csv of its download, which `pqrst realism --real` reads), hands them to the
 * realism worker by transfer and turns its replies into realism-store updates. One run at a time;
 * Cancel (or a new run) ends the worker.
 */
import { realismZip } from '../analysis/realism/index.ts';
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import { importStore } from '../state/import-store.ts';
import { REALISM_MAX_WINDOWS, realInputProblem, realismChoices } from '../state/realism-form.ts';
import { realismStore } from '../state/realism-store.ts';
import { studioStore } from '../state/studio-store.ts';
import type { RealismReply, RealismRequest } from '../workers/realism-protocol.ts';
import { requestExport } from './import-client.ts';

let worker: Worker | null = null;
let nextId = 1;
let currentId = 0;

function dropWorker(): void {
  worker?.terminate();
  worker = null;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/realism.worker.ts', import.meta.url), {
    type: 'module',
    name: 'realism',
  });
  w.onmessage = (event: MessageEvent<RealismReply>) => receive(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    dropWorker();
    currentId = 0;
    realismStore.setState({ phase: 'error', stage: null, error: `realism worker failed: ${event.message}` });
  };
  worker = w;
  return w;
}

function receive(reply: RealismReply): void {
  if (reply.id !== currentId) return;
  if (reply.type === 'progress') {
    realismStore.setState({ stage: reply.stage, fraction: reply.fraction });
  } else if (reply.type === 'done') {
    currentId = 0;
    const { report, files, recipeJson, backend, elapsedMs } = reply;
    realismStore.setState({
      phase: 'done',
      stage: null,
      fraction: 1,
      result: { report, files, recipeJson, backend, elapsedMs },
      error: null,
    });
  } else {
    currentId = 0;
    const c = realismStore.getState().form.className;
    realismStore.setState({ phase: 'error', stage: null, error: `Realism of ${c}: ${reply.message}` });
  }
}

/** The import's windows per class (null before an import with windows finished). */
export function importedWindowsPerClass(): Partial<Record<ClassName, number>> | null {
  const s = importStore.getState();
  if (s.phase !== 'done' || s.summary === null) return null;
  return Object.fromEntries(CLASS_NAMES.map((c) => [c, s.summary!.perClass[c]?.windows ?? 0]));
}

/** Start a run with the store's form; a refused form or unusable import only sets the error. */
export function startRealism(): void {
  const { form } = realismStore.getState();
  const choices = realismChoices(form, studioStore.getState().params);
  const refusal =
    choices.error !== null
      ? `${choices.error.control}: ${choices.error.message}`
      : realInputProblem(form.className, importedWindowsPerClass());
  if (refusal !== null || choices.synthetic === null) {
    realismStore.setState({ phase: 'error', stage: null, error: refusal, result: null });
    return;
  }
  if (currentId !== 0) dropWorker();
  const id = nextId++;
  currentId = id;
  realismStore.setState({ phase: 'running', stage: 'real', fraction: 0, result: null, error: null });
  requestExport((npy, labelsCsv) => {
    if (currentId !== id) return;
    const request: RealismRequest = {
      type: 'run',
      id,
      real: { npy, labelsCsv },
      synthetic: choices.synthetic,
      classifier: choices.classifier,
      maxWindows: REALISM_MAX_WINDOWS,
    };
    getWorker().postMessage(request, [npy]);
  });
}

/** Stop the running comparison (its worker ends). */
export function cancelRealism(): void {
  if (currentId === 0) return;
  currentId = 0;
  dropWorker();
  realismStore.setState({ phase: 'cancelled', stage: null, fraction: 0 });
}

/** No comparison is running. */
export function realismIdle(): boolean {
  return currentId === 0;
}

/** The last result's files with the synthetic set's recipe.json, as one zip archive. */
export async function realismArchive(): Promise<Uint8Array | null> {
  const result = realismStore.getState().result;
  if (result === null) return null;
  return realismZip({ ...result.files, 'recipe.json': result.recipeJson });
}
