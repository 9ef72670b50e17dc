/**
 * The main-thread side of the import worker: reads the picked files into ArrayBuffers (refusing
 * oversized ones by their size first), hands them over by transfer, and turns the worker's replies into
 * import-store updates. One run at a time; a new one cancels the previous. Settings changed after an
 * import are applied to the records the worker holds: windowing settings re-window them, reading
 * settings (lead, annotator, patients) read the kept files again.
 */
import { checkInputSize } from '../io/input-size.ts';
import { importStore, type ImportTask } from '../state/import-store.ts';
import type {
  ImportFile,
  ImportOptions,
  ImportReply,
  ImportRequest,
  WindowOptions,
} from '../workers/import-protocol.ts';

/** A file picked or dropped, with the path it is listed under (its folder path when it came in a folder). */
export interface PickedFile {
  file: File;
  name: string;
}

let worker: Worker | null = null;
let nextId = 1;
let currentId = 0;
let exportId = 0;
/** The options of the worker's records (null before an import finished). */
let applied: ImportOptions | null = null;
/** The options of the running request. */
let pending: ImportOptions | null = null;
/** Files that could not be read on this side, listed with the worker's skipped ones. */
let preSkipped: { file: string; reason: string }[] = [];
/** The names of the files of the last import (for the workspace). */
let fileNames: string[] = [];

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  w.onmessage = (event: MessageEvent<ImportReply>) => receive(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    worker = null;
    applied = null;
    w.terminate();
    importStore.setState({
      phase: 'error',
      loaded: false,
      exporting: false,
      error: `import worker failed: ${event.message}`,
    });
  };
  worker = w;
  return w;
}

function post(request: ImportRequest, transfer: Transferable[] = []): void {
  getWorker().postMessage(request, transfer);
}

/** A file as picked: listed under its folder path when it came with one. */
export function pickedFile(file: File): PickedFile {
  return { file, name: file.webkitRelativePath || file.name };
}

function begin(task: ImportTask, files: number): number {
  const id = nextId++;
  if (currentId !== 0) post({ type: 'abort', id: currentId });
  currentId = id;
  const serial = (importStore.getState().lastRun?.serial ?? -1) + 1;
  importStore.setState({
    task,
    error: null,
    lastRun: { serial, task, files, startMs: performance.now(), durationMs: null, progress: [] },
  });
  return id;
}

/** Import `files` with `options` (a new import: the records shown so far and the hand labels go). */
export async function startImport(files: readonly PickedFile[], options: ImportOptions): Promise<void> {
  const id = begin('import', files.length);
  applied = null;
  fileNames = files.map((f) => f.name);
  importStore.setState({
    phase: 'reading',
    fileCount: files.length,
    progress: { done: 0, total: files.length, name: '' },
    loaded: false,
    records: [],
    windowsByRecord: {},
    skipped: [],
    summary: null,
    handLabels: {},
    selected: null,
    plotted: null,
  });
  const read: ImportFile[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const [i, { file, name }] of files.entries()) {
    if (currentId !== id) return;
    try {
      checkInputSize(file.size, name);
      read.push({ name, bytes: await file.arrayBuffer() });
    } catch (e) {
      skipped.push({ file: name, reason: e instanceof Error ? e.message : String(e) });
    }
    importStore.setState({ progress: { done: i + 1, total: files.length, name } });
  }
  if (currentId !== id) return;
  preSkipped = skipped;
  const run = importStore.getState().lastRun;
  if (run !== null) importStore.setState({ lastRun: { ...run, readMs: performance.now() - run.startMs } });
  pending = { ...options, window: { ...options.window, handLabels: {} } };
  importStore.setState({ phase: 'running', progress: { done: 0, total: 0, name: '' } });
  post(
    { type: 'import', id, files: read, options: pending },
    read.map((f) => f.bytes),
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Apply `options` to the records of the last import: re-window them when only windowing settings
 * changed, read the kept files again when the reading settings changed; nothing when nothing changed
 * or nothing was imported. Returns what was started.
 */
export function applyOptions(options: ImportOptions): ImportTask | null {
  const base = pending ?? applied;
  if (base === null || !importStore.getState().loaded) return null;
  if (!sameJson(base.load, options.load)) {
    const id = begin('import', 0);
    pending = options;
    importStore.setState({ phase: 'running', progress: { done: 0, total: 0, name: '' } });
    post({ type: 'import', id, files: null, options });
    return 'import';
  }
  if (!sameJson(base.window, options.window)) {
    const id = begin('window', 0);
    pending = options;
    importStore.setState({ phase: 'running', progress: { done: 0, total: 0, name: '' } });
    post({ type: 'window', id, options: options.window satisfies WindowOptions });
    return 'window';
  }
  return null;
}

/** Stop the running import. */
export function cancelImport(): void {
  if (currentId === 0) return;
  const phase = importStore.getState().phase;
  post({ type: 'abort', id: currentId });
  if (phase === 'reading') {
    currentId = 0;
    importStore.setState({ phase: 'cancelled', progress: null });
  }
}

/** Ask the worker for signals.npy and labels.csv; `onFiles` gets them. */
let onExport: ((npy: ArrayBuffer, labelsCsv: string) => void) | null = null;
export function requestExport(onFiles: (npy: ArrayBuffer, labelsCsv: string) => void): void {
  exportId = nextId++;
  onExport = onFiles;
  importStore.setState({ exporting: true });
  post({ type: 'export', id: exportId });
}

function finishRun(): void {
  const run = importStore.getState().lastRun;
  if (run !== null)
    importStore.setState({ lastRun: { ...run, durationMs: performance.now() - run.startMs } });
}

function receive(reply: ImportReply): void {
  if (reply.type === 'exported') {
    if (reply.id !== exportId) return;
    importStore.setState({ exporting: false });
    onExport?.(reply.npy, reply.labelsCsv);
    onExport = null;
    return;
  }
  if (reply.type === 'error' && reply.id === exportId) {
    importStore.setState({ exporting: false, error: reply.message });
    return;
  }
  if (reply.id !== currentId) return;
  switch (reply.type) {
    case 'progress': {
      const run = importStore.getState().lastRun;
      const step = { done: reply.done, total: reply.total };
      importStore.setState({
        progress: { ...step, name: reply.name },
        lastRun: run && {
          ...run,
          progress: [...run.progress, { ...step, atMs: performance.now() - run.startMs }],
        },
      });
      break;
    }
    case 'done': {
      currentId = 0;
      applied = pending;
      pending = null;
      const skipped = [...preSkipped, ...reply.skipped];
      const summary = { ...reply.summary, skippedRecords: skipped };
      const { records, selected, plotted } = importStore.getState();
      const next = reply.records ?? records;
      const keep = next.some((r) => r.name === selected);
      importStore.setState({
        phase: 'done',
        loaded: true,
        records: next,
        windowsByRecord: reply.windowsByRecord,
        skipped,
        summary,
        selected: keep ? selected : (next[0]?.name ?? null),
        plotted: keep && reply.records === undefined ? plotted : null,
      });
      finishRun();
      break;
    }
    case 'cancelled':
      currentId = 0;
      pending = null;
      importStore.setState({ phase: 'cancelled', progress: null });
      break;
    case 'error':
      currentId = 0;
      pending = null;
      importStore.setState({ phase: 'error', error: reply.message });
      break;
  }
}

/** The files of the last import and the options its windows were cut with (null before one finished). */
export function lastImportSource(): { fileNames: string[]; options: ImportOptions | null } {
  return { fileNames: [...fileNames], options: applied };
}

/** Whether no import or download is in progress. */
export function importIdle(): boolean {
  const s = importStore.getState();
  return s.phase !== 'reading' && s.phase !== 'running' && !s.exporting;
}
