/**
 * `labels.csv` of a dataset folder: columns `row,record,patient,class,seed,start_s,fs_hz,split`, one row
 * per record; `row` is the row in `signals.npy`; `patient` = `record` for synthetic data; `split` is empty
 * unless one was asked for.
 */
import type { ClassName } from '../core/units.ts';

/** The header line of labels.csv (without the line end). */
export const LABELS_HEADER = 'row,record,patient,class,seed,start_s,fs_hz,split';

/** One row of labels.csv. */
export interface LabelRow {
  row: number;
  record: string;
  patient: string;
  className: ClassName;
  seed: number;
  startS: number;
  fsHz: number;
  split: string;
}

/** Format one row (with its '\n'). Fields never contain commas: names are `[a-z0-9_]`. */
export function formatLabelRow(r: LabelRow): string {
  return `${r.row},${r.record},${r.patient},${r.className},${r.seed},${r.startS},${r.fsHz},${r.split}\n`;
}
