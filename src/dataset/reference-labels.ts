/**
 * Record-level labels from a PhysioNet/CinC Challenge 2017 `REFERENCE.csv` (lines `A00001,N`): N normal
 * rhythm → nsr, A atrial fibrillation → af; O (other rhythm) and ~ (too noisy) map to no class, so the
 * records' windows are skipped with that reason.
 */
import type { ClassName } from '../core/units.ts';
import type { RecordLabel } from './import-types.ts';

/** REFERENCE.csv codes that map to a class. */
export const REFERENCE_CLASSES: Readonly<Record<string, ClassName>> = { N: 'nsr', A: 'af' };

const MEANINGS: Readonly<Record<string, string>> = {
  N: 'normal rhythm',
  A: 'atrial fibrillation',
  O: 'other rhythm',
  '~': 'too noisy',
};

/**
 * The record labels of a REFERENCE.csv text, by record name; `sourceName` names the file in each
 * label's `source`. A header line (second cell not a short code) is skipped; throws RangeError naming a
 * line with other than two cells.
 */
export function parseReferenceLabels(text: string, sourceName = 'REFERENCE.csv'): Map<string, RecordLabel> {
  const labels = new Map<string, RecordLabel>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 2 || cells[0] === '') {
      throw new RangeError(`${sourceName}, line ${i + 1}: expected RECORD,LABEL, got "${line}"`);
    }
    const [record, code] = cells;
    if (i === 0 && !(code in MEANINGS) && code.length > 1) return; // a header row
    const meaning = MEANINGS[code] === undefined ? '' : ` (${MEANINGS[code]})`;
    const className = Object.hasOwn(REFERENCE_CLASSES, code) ? REFERENCE_CLASSES[code] : undefined;
    labels.set(record, { className, source: `${sourceName}: ${code}${meaning}` });
  });
  return labels;
}
