/**
 * The main-thread side of the import worker: reads the picked files into ArrayBuffers (refusing
 * oversized ones by their size first), hands them over by transfer, and turns the worker's replies into
 * import-store updates. One import at a time; a new one cancels the previous.
 */
import { checkInputSize } from '../io/input-size.ts';
import { importStore } from '../state/import-store.ts';
import type { ImportFile, ImportOptions, ImportReply, ImportRequest } from '../workers/import-protocol.ts';

let worker: Worker | null = null;
let nextId = 1;
let currentId = 0;
let exportId = 0;

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
    w.terminate();
    importStore.setState({
      phase: 'error',
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

/** The name a file is listed under: its folder path when picked with a folder. */
export function fileLabel(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** Import `files` with `options`. */
export async function startImport(files: readonly File[], options: ImportOptions): Promise<void> {
  const id = nextId++;
  if (currentId !== 0) post({ type: 'abort', id: currentId });
  currentId = id;
  importStore.setState({
    phase: 'reading',
    fileCount: files.length,
    progress: { done: 0, total: files.length, name: '' },
    error: null,
    records: [],
    skipped: [],
    summary: null,
    selected: null,
    plotted: null,
  });
  const read: ImportFile[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const [i, file] of files.entries()) {
    if (currentId !== id) return;
    const name = fileLabel(file);
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
  importStore.setState({ phase: 'running', progress: { done: 0, total: 0, name: '' } });
  post(
    { type: 'import', id, files: read, options },
    read.map((f) => f.bytes),
  );
}

let preSkipped: { file: string; reason: string }[] = [];

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
    case 'progress':
      importStore.setState({ progress: { done: reply.done, total: reply.total, name: reply.name } });
      break;
    case 'done': {
      currentId = 0;
      const skipped = [...preSkipped, ...reply.skipped];
      const summary = { ...reply.summary, skippedRecords: skipped };
      importStore.setState({
        phase: 'done',
        records: reply.records,
        skipped,
        summary,
        selected: reply.records[0]?.name ?? null,
      });
      break;
    }
    case 'cancelled':
      currentId = 0;
      importStore.setState({ phase: 'cancelled', progress: null });
      break;
    case 'error':
      currentId = 0;
      importStore.setState({ phase: 'error', error: reply.message });
      break;
  }
}

/** Whether no import or download is in progress. */
export function importIdle(): boolean {
  const s = importStore.getState();
  return s.phase !== 'reading' && s.phase !== 'running' && !s.exporting;
}
