/**
 * Real datasets for the Training lab, taken from the import section: the import worker's windowed
 * dataset (the same signals.npy + labels.csv its download gives) is read into a `RealDataset` and kept
 * under a name, so a later import (another hospital, another device) can be taken too and used to
 * evaluate a model trained on the first.
 */
import { CLASS_NAMES } from '../core/units.ts';
import { decodeNpy } from '../io/npy.ts';
import { importStore } from '../state/import-store.ts';
import { trainStore, type TrainDataset } from '../state/train-store.ts';
import { datasetFromNpy, parseLabelsCsv } from '../train/experiment/labels-parse.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import { requestExport } from './import-client.ts';

let nextDatasetId = 1;

/** The entry the lab lists for `dataset`. */
export function describeDataset(id: number, name: string, dataset: RealDataset): TrainDataset {
  const counts = new Map<string, number>();
  for (const w of dataset.windows) counts.set(w.className, (counts.get(w.className) ?? 0) + 1);
  const classText = CLASS_NAMES.filter((c) => counts.has(c))
    .map((c) => `${c} ${counts.get(c)}`)
    .join(', ');
  const patients = new Set(dataset.windows.map((w) => w.patient)).size;
  return { id, name, dataset, patients, classText };
}

/** Whether the import section holds a windowed dataset to take. */
export function importHasDataset(): boolean {
  const s = importStore.getState();
  return s.phase === 'done' && (s.summary?.windows ?? 0) > 0;
}

/** Take the import section's current dataset; resolves with its entry (also added to the store). */
export function takeImportedDataset(): Promise<TrainDataset> {
  return new Promise((resolve, reject) => {
    if (!importHasDataset()) {
      reject(new Error('Real dataset: import records with labelled windows first (Import real ECGs)'));
      return;
    }
    const records = importStore.getState().records.length;
    requestExport((npy, labelsCsv) => {
      try {
        const id = nextDatasetId++;
        const rows = parseLabelsCsv(labelsCsv);
        const dataset = datasetFromNpy(decodeNpy(new Uint8Array(npy), 'signals.npy'), rows, 'import');
        const durS = dataset.windowSamples / dataset.fsHz;
        const name = `import ${id}: ${records} records, ${dataset.windows.length} windows of ${durS} s at ${dataset.fsHz} Hz`;
        const entry = describeDataset(id, name, dataset);
        trainStore.setState((s) => ({
          datasets: [...s.datasets, entry],
          form: s.form.datasetId === '' ? { ...s.form, datasetId: String(id) } : s.form,
        }));
        resolve(entry);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** The dataset with id `id` (a form value), if taken. */
export function trainDataset(id: string): TrainDataset | undefined {
  return trainStore.getState().datasets.find((d) => String(d.id) === id);
}
