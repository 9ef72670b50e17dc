/** Keep the import section's windowed dataset in the workspace ("Keep in workspace"). */
import { lastImportSource, requestExport } from '../app/import-client.ts';
import type { KeptImportData } from '../dataset/workspace-types.ts';
import { decodeNpy } from '../io/npy.ts';
import { importStore } from '../state/import-store.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import { keepItem, makeItem, newItemId } from './workspace-actions.ts';

/** The kept import's item for the windows in `npy` with `labelsCsv`, named `name`. */
export function keptImportItem(name: string, npy: Uint8Array, labelsCsv: string) {
  const array = decodeNpy(npy, 'signals.npy');
  const { fileNames, options } = lastImportSource();
  const data: KeptImportData = {
    labelsCsv,
    sourceFiles: fileNames,
    records: importStore.getState().records.length,
    windows: array.shape[0] ?? 0,
    windowSamples: array.shape[1] ?? 0,
    windowRule: options?.window ?? null,
  };
  return makeItem('import', newItemId('import'), name, data, npy);
}

/** Keep the current import's windows (signals.npy bytes, labels, file names, windowing rule). */
export function keepCurrentImport(name?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = importStore.getState();
    if (s.phase !== 'done' || (s.summary?.windows ?? 0) === 0) {
      workspaceStore.setState({
        message: { level: 'error', text: 'Import records with labelled windows first.' },
      });
      resolve(false);
      return;
    }
    const label = name ?? `${s.records.length} records, ${s.summary?.windows ?? 0} windows`;
    requestExport((npy, labelsCsv) => {
      const item = keptImportItem(label, new Uint8Array(npy), labelsCsv);
      void keepItem(item, `import '${label}'`).then(resolve);
    });
  });
}
