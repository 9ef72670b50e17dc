/**
 * The main-thread side of the fit worker: hands it an imported record (a copy of its lead, transferred),
 * turns its replies into fit-store updates, and applies a class preset made from the fit to the
 * studio's parameters. One fit at a time; Cancel (or a new fit) ends the worker, since a fit is one
 * synchronous call there.
 */
import type { ClassName } from '../core/units.ts';
import { fitStore } from '../state/fit-store.ts';
import { replaceParams } from '../state/params-actions.ts';
import { studioStore } from '../state/studio-store.ts';
import type { FitReply, FitRequest } from '../workers/fit-protocol.ts';
import type { ImportedRecordView } from '../workers/import-protocol.ts';

let worker: Worker | null = null;
let nextId = 1;
let currentId = 0;
let presetId = 0;

function dropWorker(): void {
  worker?.terminate();
  worker = null;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/fit.worker.ts', import.meta.url), { type: 'module', name: 'fit' });
  w.onmessage = (event: MessageEvent<FitReply>) => receive(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    dropWorker();
    fitStore.setState({ phase: 'error', presetBusy: false, error: `fit worker failed: ${event.message}` });
  };
  worker = w;
  return w;
}

function post(request: FitRequest, transfer: Transferable[] = []): void {
  getWorker().postMessage(request, transfer);
}

function receive(reply: FitReply): void {
  if (reply.type === 'progress') {
    if (reply.id === currentId) fitStore.setState({ fraction: reply.fraction });
  } else if (reply.type === 'fitted') {
    if (reply.id !== currentId) return;
    currentId = 0;
    fitStore.setState({ phase: 'done', fraction: 1, result: reply.result, error: null });
  } else if (reply.type === 'preset') {
    if (reply.id !== presetId) return;
    presetId = 0;
    const { record } = fitStore.getState();
    replaceParams(reply.params, studioStore.getState().presetName);
    fitStore.setState({
      presetBusy: false,
      preset: {
        className: reply.params.className,
        record: record ?? '',
        nBeats: reply.nBeats,
        nWindows: reply.nWindows,
        notes: reply.notes,
        params: { ...reply.params },
      },
    });
  } else if (reply.id === currentId) {
    currentId = 0;
    const { record } = fitStore.getState();
    fitStore.setState({ phase: 'error', error: `Record ${record ?? ''}: ${reply.message}` });
  } else if (reply.id === presetId) {
    presetId = 0;
    fitStore.setState({ presetBusy: false, error: `Preset: ${reply.message}` });
  }
}

/** Fit the imported record `rec`; a record without rhythm notes is taken as class `className`. */
export function startFit(rec: ImportedRecordView, className: ClassName): void {
  if (currentId !== 0 || presetId !== 0) dropWorker();
  presetId = 0;
  const id = nextId++;
  currentId = id;
  fitStore.setState({
    phase: 'running',
    record: rec.name,
    fraction: 0,
    result: null,
    preset: null,
    presetBusy: false,
    error: null,
  });
  const signalMv = rec.signalMv.slice();
  const beats = rec.beatSymbols.map((symbol, k) => ({ symbol, timeS: rec.beatSamples[k] / rec.fsHz }));
  const rhythms = rec.rhythms.map(({ label, startS, endS }) => ({ label, startS, endS }));
  post({ type: 'fit', id, record: { name: rec.name, fsHz: rec.fsHz, signalMv, beats, rhythms }, className }, [
    signalMv.buffer,
  ]);
}

/** Stop the running fit (its worker ends). */
export function cancelFit(): void {
  if (currentId === 0) return;
  currentId = 0;
  dropWorker();
  fitStore.setState({ phase: 'cancelled', fraction: 0, presetBusy: false });
}

/** Make a `className` preset from the last fit and apply it to the studio's parameters. */
export function applyFitPreset(className: ClassName): void {
  if (fitStore.getState().phase !== 'done') return;
  const id = nextId++;
  presetId = id;
  fitStore.setState({ presetBusy: true, error: null });
  post({ type: 'preset', id, className, base: { ...studioStore.getState().params } });
}

/** No fit or preset is running. */
export function fitIdle(): boolean {
  return currentId === 0 && presetId === 0;
}
