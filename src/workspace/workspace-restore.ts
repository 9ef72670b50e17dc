/**
 * Restore kept imports into the Training lab after a reload: the list is shown first, then each
 * import's signals are read back from IndexedDB (a Blob streamed into one buffer in a worker, which
 * hands it over, with progress in the Workspace panel) and its windows become a Float32Array view on
 * that buffer, no copy. One import at a time; the page stays usable meanwhile.
 */
import { describeDataset } from '../app/train-datasets.ts';
import type { KeptImportData } from '../dataset/workspace-types.ts';
import { decodeNpy, npyHeaderFloat32, type NpyArray } from '../io/npy.ts';
import { trainStore } from '../state/train-store.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import { datasetFromNpy, parseLabelsCsv } from '../train/experiment/labels-parse.ts';
import { prepareReadInWorker, readBytesInWorker } from './read-in-worker.ts';
import { readItemBlob } from './workspace-db.ts';

/** Training-lab dataset ids given to restored imports (above the lab's own counter). */
const RESTORED_ID_BASE = 100_000;
let nextRestoredId = RESTORED_ID_BASE;
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The windows of a kept import's signals.npy `bytes`: a Float32Array view straight on them when the
 * header is the one this studio writes for `windows` × `samples` float32 (no copy), else decoded.
 */
function keptWindows(bytes: Uint8Array, windows: number, samples: number): NpyArray {
  const header = npyHeaderFloat32([windows, samples]);
  const count = windows * samples;
  const offset = bytes.byteOffset + header.length;
  const fits =
    LITTLE_ENDIAN_HOST &&
    offset % 4 === 0 &&
    bytes.byteLength === header.length + count * 4 &&
    header.every((b, i) => bytes[i] === b);
  if (!fits) return decodeNpy(bytes, 'signals.npy');
  return { dtype: '<f4', shape: [windows, samples], data: new Float32Array(bytes.buffer, offset, count) };
}

/** Restore kept import `id` into the Training lab's datasets (once). */
export async function restoreImport(id: string): Promise<void> {
  if (workspaceStore.getState().restored.some((r) => r.id === id)) return;
  const item = await readItemBlob(id);
  if (item === undefined || item.blob === null) throw new Error(`workspace import '${id}' has no signals`);
  const data = item.data as KeptImportData;
  const name = item.meta.name;
  const bytes = await readBytesInWorker(item.blob, (doneBytes, totalBytes) =>
    workspaceStore.setState({ restoreProgress: { name, doneBytes, totalBytes } }),
  );
  const npy = keptWindows(bytes, data.windows, data.windowSamples);
  const dataset = datasetFromNpy(npy, parseLabelsCsv(data.labelsCsv), 'workspace');
  const entry = describeDataset(nextRestoredId++, `kept: ${name}`, dataset);
  trainStore.setState((s) => ({ datasets: [...s.datasets.filter((d) => d.name !== entry.name), entry] }));
  workspaceStore.setState((s) => ({
    restoreProgress: null,
    restored: [...s.restored, { id, windows: data.windows, restoredAtMs: performance.now() }],
  }));
}

/** Restore every kept import not yet restored, one at a time, after the list is shown. */
export async function restoreAllImports(): Promise<void> {
  const pending = workspaceStore
    .getState()
    .items.filter(
      (m) => m.kind === 'import' && !workspaceStore.getState().restored.some((r) => r.id === m.id),
    );
  workspaceStore.setState((s) => ({ restoring: s.restoring + pending.length }));
  // The first import's buffer is made ready (its size is listed; the signals are nearly all of it)
  // while its Blob is looked up.
  if (pending.length > 0) prepareReadInWorker(pending[0].sizeBytes);
  for (const meta of pending) {
    await new Promise((r) => setTimeout(r, 0));
    try {
      await restoreImport(meta.id);
    } catch (e) {
      workspaceStore.setState({
        message: {
          level: 'error',
          text: `Could not restore import '${meta.name}': ${e instanceof Error ? e.message : String(e)}`,
        },
      });
    } finally {
      workspaceStore.setState((s) => ({ restoring: s.restoring - 1, restoreProgress: null }));
    }
  }
  // A prepared buffer no read took (the first import failed before its read) is let go.
  if (pending.length > 0) prepareReadInWorker(0);
}
