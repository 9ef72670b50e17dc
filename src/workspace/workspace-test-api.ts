/**
 * `window.__pqrstWorkspace`: the workspace's test and benchmark hook (digests of kept and restored
 * windows, a kept import made of synthetic windows for the restore benchmark, timings).
 */
import { requestExport } from '../app/import-client.ts';
import type { PqrstWorkspaceTestApi } from '../types/pqrst-workspace-test-api.d.ts';
import { LABELS_HEADER } from '../dataset/labels-csv.ts';
import { decodeNpy, encodeNpyFloat32 } from '../io/npy.ts';
import { trainStore } from '../state/train-store.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import { keepItem, makeItem, newItemId, refreshWorkspace } from './workspace-actions.ts';
import { readItem } from './workspace-db.ts';
import { keepCurrentImport } from './workspace-imports.ts';
import { startWorkspace } from './workspace-start.ts';

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function settled(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const s = workspaceStore.getState();
      if (s.ready && s.restoring === 0 && !s.busy) resolve();
      else setTimeout(check, 10);
    };
    void startWorkspace().then(check);
  });
}

/** Build the hook. */
export function createWorkspaceTestApi(): PqrstWorkspaceTestApi {
  return {
    whenSettled: settled,
    list: () => workspaceStore.getState().items,
    restored: () => workspaceStore.getState().restored,
    listedAtMs: () => workspaceStore.getState().listedAtMs,
    keepImport: (name) => keepCurrentImport(name),
    async itemDigest(id) {
      const it = await readItem(id);
      return it?.bytes ? sha256(it.bytes) : null;
    },
    currentImportDigest: () =>
      new Promise((resolve) => {
        requestExport((npy, labelsCsv) => {
          const x = decodeNpy(new Uint8Array(npy)).data;
          const windows = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
          void Promise.all([
            sha256(new Uint8Array(npy)),
            sha256(windows),
            sha256(new TextEncoder().encode(labelsCsv)),
          ]).then(([a, w, b]) => resolve({ npy: a, windows: w, labels: b }));
        });
      }),
    async trainDatasetDigest(name) {
      const d = trainStore.getState().datasets.find((x) => x.name === name);
      if (!d) return null;
      const x = d.dataset.x;
      return {
        digest: await sha256(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)),
        windows: d.dataset.windows.length,
      };
    },
    async keepSynthetic(windows, samples, fsHz) {
      const x = new Float32Array(windows * samples);
      for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.01) * 0.5;
      const classes = ['nsr', 'af', 'afl', 'pvc', 'wpw'];
      let labels = `${LABELS_HEADER}\n`;
      for (let w = 0; w < windows; w++) {
        labels += `${w},rec${w % 100},p${w % 50},${classes[w % 5]},0,${(w * 10) % 1800},${fsHz},\n`;
      }
      const npy = encodeNpyFloat32(x, [windows, samples]);
      const data = {
        labelsCsv: labels,
        sourceFiles: [],
        records: 100,
        windows,
        windowSamples: samples,
        windowRule: null,
      };
      const ok = await keepItem(
        makeItem('import', newItemId('import'), `synthetic ${windows}`, data, npy),
        'bench',
      );
      await refreshWorkspace();
      return ok;
    },
  };
}

/** Install the hook on `win.__pqrstWorkspace`. */
export function installWorkspaceTestApi(win: Window): void {
  win.__pqrstWorkspace = createWorkspaceTestApi();
}
