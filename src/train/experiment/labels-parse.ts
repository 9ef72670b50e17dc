/**
 * Reading a `pqrst import` (or `pqrst generate --format npy`) folder's `labels.csv` and `signals.npy`
 * into a `RealDataset`. Pure: the caller reads the files.
 */
import { isClassName } from '../../core/units.ts';
import { LABELS_HEADER } from '../../dataset/labels-csv.ts';
import type { NpyArray } from '../../io/npy.ts';
import { ExperimentError } from './experiment-error.ts';
import type { RealDataset, WindowInfo } from './real-dataset.ts';

/** One parsed row of labels.csv (the columns the experiment uses). */
export interface LabelsCsvRow extends WindowInfo {
  row: number;
  fsHz: number;
}

/**
 * The rows of a labels.csv text (`row,record,patient,class,seed,start_s,fs_hz,split`); throws
 * `ExperimentError` naming the file, line and column of the first bad cell.
 */
export function parseLabelsCsv(text: string, fileName = 'labels.csv'): LabelsCsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines[0]?.trim() !== LABELS_HEADER) {
    throw new ExperimentError(fileName, `line 1: expected the header ${LABELS_HEADER}`);
  }
  const out: LabelsCsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',');
    const where = `${fileName}, line ${i + 1}`;
    if (cells.length !== 8) throw new ExperimentError(where, `expected 8 cells, got ${cells.length}`);
    const [rowText, record, patient, className, , , fsText] = cells;
    const row = Number(rowText);
    const fsHz = Number(fsText);
    if (!Number.isInteger(row) || row < 0)
      throw new ExperimentError(`${where}, row`, `not a row number: '${rowText}'`);
    if (!isClassName(className)) {
      throw new ExperimentError(`${where}, class`, `'${className}' is not one of nsr, af, afl, pvc, wpw`);
    }
    if (!(fsHz > 0)) throw new ExperimentError(`${where}, fs_hz`, `not a sampling rate: '${fsText}'`);
    if (record === '') throw new ExperimentError(`${where}, record`, 'empty');
    out.push({ row, record, patient: patient === '' ? record : patient, className, fsHz });
  }
  return out;
}

/**
 * The dataset of a folder's `signals.npy` (2-D, [windows, samples]) and its labels.csv rows (every row
 * index once, one sampling rate); `folder` names it in messages.
 */
export function datasetFromNpy(npy: NpyArray, rows: readonly LabelsCsvRow[], folder: string): RealDataset {
  if (npy.shape.length !== 2) {
    throw new ExperimentError(
      `${folder}/signals.npy`,
      `expected a 2-D array [windows, samples], got shape (${npy.shape.join(', ')})`,
    );
  }
  const [n, L] = npy.shape;
  if (rows.length !== n) {
    throw new ExperimentError(
      `${folder}/labels.csv`,
      `${rows.length} rows, but signals.npy holds ${n} windows`,
    );
  }
  if (rows.length === 0) throw new ExperimentError(`${folder}/labels.csv`, 'no windows');
  const fsHz = rows[0].fsHz;
  const windows: WindowInfo[] = new Array<WindowInfo>(n);
  for (const r of rows) {
    if (r.fsHz !== fsHz) {
      throw new ExperimentError(
        `${folder}/labels.csv`,
        `row ${r.row} is at ${r.fsHz} Hz, row ${rows[0].row} at ${fsHz} Hz`,
      );
    }
    if (r.row >= n || windows[r.row] !== undefined) {
      throw new ExperimentError(`${folder}/labels.csv`, `row ${r.row} is out of range or repeated`);
    }
    windows[r.row] = { record: r.record, patient: r.patient, className: r.className };
  }
  const x = npy.data instanceof Float32Array ? npy.data : Float32Array.from(npy.data);
  return { fsHz, windowSamples: L, x, windows };
}
