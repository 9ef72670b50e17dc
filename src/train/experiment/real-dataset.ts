/**
 * Real ECG windows in memory, as the experiment uses them: `n` windows of `windowSamples` samples (mV,
 * row-major) at `fsHz`, each with its record, patient and class. Built from a `pqrst import` folder
 * (signals.npy + labels.csv) or straight from the import pipeline's output.
 */
import type { ClassName } from '../../core/units.ts';
import type { ImportedDataset } from '../../dataset/build-import.ts';
import { ExperimentError } from './experiment-error.ts';

/** Where one window came from and what it is. */
export interface WindowInfo {
  record: string;
  /** Windows of one patient never go to both training and test. */
  patient: string;
  className: ClassName;
}

/** Real windows in memory. */
export interface RealDataset {
  fsHz: number;
  windowSamples: number;
  /** windows.length × windowSamples samples, mV. */
  x: Float32Array;
  windows: WindowInfo[];
}

/** The dataset of the import pipeline's output (windows in row order). */
export function datasetFromImported(imported: ImportedDataset): RealDataset {
  const { windowSamples } = imported;
  const x = new Float32Array(imported.rows.length * windowSamples);
  let offset = 0;
  for (const chunk of imported.chunks) {
    x.set(chunk, offset);
    offset += chunk.length;
  }
  if (offset !== x.length) {
    throw new ExperimentError(
      'dataset',
      `${offset} samples for ${imported.rows.length} windows of ${windowSamples}`,
    );
  }
  const windows = imported.rows.map((r) => ({
    record: r.record,
    patient: r.patient,
    className: r.className,
  }));
  return { fsHz: imported.fsHz, windowSamples, x, windows };
}
