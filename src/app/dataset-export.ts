/**
 * Running the studio's dataset export: open the destination (a picked file, or a temporary file in the
 * origin-private file system), start one export worker per core, and stream the archive with the same
 * `exportDatasetZip` as `pqrst generate --zip` (so the bytes are the CLI's). Progress goes to the
 * dataset store; Cancel stops the workers and discards the partial file.
 */
import { exportDatasetZip } from '../dataset/export-zip.ts';
import { defaultBatchRows, planBatches, totalRows } from '../dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import { datasetStore, exportRunning, type ExportOutcome } from '../state/dataset-store.ts';
import { ExportPool, exportWorkerCount } from './dataset-pool.ts';
import { openStorageSink, pickFileSink, type ArchiveSink, type ExportDestination } from './dataset-sink.ts';

/** Least time between two progress updates of the store, ms. */
const PROGRESS_EVERY_MS = 250;

let controller: AbortController | null = null;
let pool: ExportPool | null = null;
/** The object URL of the last downloaded archive (revoked when the next export starts). */
let downloadUrl: string | null = null;

/** The archive's file name: `pqrst-{classes}-{format}-seed{seed}.zip`. */
export function archiveName(recipe: SyntheticRecipe): string {
  const classes = recipe.classes.filter((c) => c.count > 0).map((c) => c.className);
  return `pqrst-${classes.join('-')}-${recipe.output}-seed${recipe.seed}.zip`;
}

function offerDownload(file: File, name: string): void {
  if (downloadUrl !== null) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = downloadUrl;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

function openSink(destination: ExportDestination, name: string): Promise<ArchiveSink | null> {
  return destination === 'file' ? pickFileSink(name) : openStorageSink(name);
}

/**
 * Export `recipe` to `destination`. Call it straight from the click (the file picker needs the click's
 * user activation). Resolves when the export ended (done, cancelled or failed: see the store).
 */
export async function startExport(recipe: SyntheticRecipe, destination: ExportDestination): Promise<void> {
  if (exportRunning(datasetStore.getState())) return;
  const name = archiveName(recipe);
  const before = datasetStore.getState().phase;
  datasetStore.setState({ phase: 'opening' });
  let sink: ArchiveSink | null;
  try {
    if (downloadUrl !== null) URL.revokeObjectURL(downloadUrl);
    downloadUrl = null;
    sink = await openSink(destination, name);
  } catch (e) {
    const error = `cannot open ${name} for writing: ${e instanceof Error ? e.message : String(e)}`;
    datasetStore.setState({
      phase: 'error',
      progress: null,
      outcome: failedToOpen(destination, name, error),
    });
    return;
  }
  if (sink === null)
    datasetStore.setState({ phase: before }); // the picker was closed
  else await run(recipe, sink);
}

function failedToOpen(destination: ExportDestination, fileName: string, error: string): ExportOutcome {
  return {
    phase: 'error',
    destination,
    fileName,
    rows: 0,
    archiveBytes: null,
    estimatedBytes: null,
    workers: 0,
    durationMs: 0,
    recordsPerSec: 0,
    workerBusyShare: 0,
    progressReports: 0,
    error,
  };
}

/** Stream the archive of `recipe` into the open `sink`. */
async function run(recipe: SyntheticRecipe, sink: ArchiveSink): Promise<void> {
  const estimatedBytes = datasetStore.getState().preview?.estimatedBytes ?? null;
  const rows = totalRows(recipe);
  const batches = planBatches({ start: 0, end: rows }, defaultBatchRows(recipe)).length;
  const workers = exportWorkerCount(batches);
  const startMs = performance.now();
  let reports = 0;
  const outcome = (o: Partial<ExportOutcome> & Pick<ExportOutcome, 'phase'>): ExportOutcome => {
    const durationMs = performance.now() - startMs;
    const done = o.phase === 'done' ? rows : (datasetStore.getState().progress?.doneRows ?? 0);
    return {
      destination: sink.destination,
      fileName: sink.fileName,
      rows,
      archiveBytes: null,
      estimatedBytes,
      workers,
      durationMs,
      recordsPerSec: durationMs > 0 ? done / (durationMs / 1000) : 0,
      workerBusyShare: durationMs > 0 ? runner.busyMs() / (workers * durationMs) : 0,
      progressReports: reports,
      error: null,
      ...o,
    };
  };
  datasetStore.setState({
    phase: 'running',
    progress: { doneRows: 0, totalRows: rows, startMs, nowMs: startMs },
    outcome: null,
  });
  controller = new AbortController();
  const signal = controller.signal;
  pool = new ExportPool(recipe, workers);
  const runner = pool;
  try {
    let lastMs = 0;
    const summary = await exportDatasetZip(recipe, sink, {
      runBatch: (range) => runner.runBatch(range),
      // The sink has copied a batch's bytes when its writes resolved, so its buffer can be refilled;
      // or it adopted the buffer, which comes back once written.
      onBatchWritten: (batch) => {
        runner.recycle(batch);
        for (let b = sink.takeReturned(); b !== undefined; b = sink.takeReturned()) runner.recycleBuffer(b);
      },
      inFlight: 3 * workers,
      signal,
      onProgress(doneRows, totalRows) {
        const nowMs = performance.now();
        if (nowMs - lastMs < PROGRESS_EVERY_MS && doneRows < totalRows) return;
        lastMs = nowMs;
        reports++;
        datasetStore.setState({ progress: { doneRows, totalRows, startMs, nowMs } });
      },
    });
    runner.close();
    datasetStore.setState({ phase: 'finishing' });
    const file = await sink.commit();
    if (file) offerDownload(file, sink.fileName);
    datasetStore.setState({
      phase: 'done',
      outcome: outcome({ phase: 'done', archiveBytes: summary.zip.archiveBytes }),
    });
  } catch (e) {
    runner.close();
    await sink.discard();
    if (signal.aborted) {
      datasetStore.setState({ phase: 'cancelled', outcome: outcome({ phase: 'cancelled' }) });
    } else {
      const error = e instanceof Error ? e.message : String(e);
      datasetStore.setState({ phase: 'error', outcome: outcome({ phase: 'error', error }) });
    }
  } finally {
    pool = null;
    controller = null;
  }
}

/** Stop the running export: the workers stop at once and the partial file is discarded. */
export function cancelExport(): void {
  if (!controller) return;
  controller.abort(new DOMException('the export was cancelled', 'AbortError'));
  pool?.close(new Error('the export was cancelled'));
}
