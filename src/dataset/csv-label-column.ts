/**
 * Rhythm episodes from a label column of a CSV signal table (one sample per row, e.g.
 * `time_s,II_mV,rhythm`): consecutive rows with the same non-empty label form one episode. The labels
 * may be rhythm texts (`(AFIB`) or class names (`af`).
 */
import { csvColumnRole } from '../io/csv-table-columns.ts';
import type { RhythmSpan } from './import-types.ts';

function delimiterOf(line: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/**
 * The episodes of the label column `column` (any letter case; default: the first column whose header
 * reads as a label, e.g. `label`, `rhythm`, `class`) of CSV `text` sampled at `fsHz`: row i (0-based,
 * after the header) is at i / fsHz s. Returns undefined when the table has no such column and none was
 * named; throws RangeError when a named column is missing.
 */
export function csvLabelColumn(text: string, fsHz: number, column?: string): RhythmSpan[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return column === undefined ? undefined : [];
  const delimiter = delimiterOf(lines[first]);
  const cell = (line: string, k: number) => (line.split(delimiter)[k] ?? '').trim().replace(/^"(.*)"$/, '$1');
  const names = lines[first].split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const k =
    column === undefined
      ? names.findIndex((n) => csvColumnRole(n).kind === 'text')
      : names.findIndex((n) => n.toLowerCase() === column.trim().toLowerCase());
  if (k < 0) {
    if (column === undefined) return undefined;
    throw new RangeError(`no column "${column}" (columns: ${names.join(', ')})`);
  }
  const spans: RhythmSpan[] = [];
  let row = 0;
  let current = '';
  let start = 0;
  const close = (end: number) => {
    if (current !== '') spans.push({ label: current, startS: start / fsHz, endS: end / fsHz });
  };
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const label = cell(lines[i], k);
    if (label !== current) {
      close(row);
      current = label;
      start = row;
    }
    row++;
  }
  close(row);
  return spans;
}
