/**
 * Record-level labels from the `#Dx:` SNOMED-CT codes of PhysioNet/CinC 2020-2021 headers. The code →
 * class table is either the default (164889003 af, 164890007 afl, 427172004 and 17338001 pvc, 74390002
 * wpw, 426783006 nsr) or read from a `snomed_ct,dx,abbrev[,class]` table such as `snomed_ct_map.csv`.
 */
import { isClassName, type ClassName } from '../core/units.ts';
import type { RecordLabel } from './import-types.ts';

/** SNOMED-CT code → class used when no table is given. */
export const DEFAULT_SNOMED_CLASSES: Readonly<Record<string, ClassName>> = {
  '164889003': 'af',
  '164890007': 'afl',
  '427172004': 'pvc',
  '17338001': 'pvc',
  '74390002': 'wpw',
  '426783006': 'nsr',
};

/** Abbreviations of `snomed_ct_map.csv` that name a class. */
const ABBREV_CLASSES: Readonly<Record<string, ClassName>> = {
  AF: 'af',
  AFL: 'afl',
  PVC: 'pvc',
  VPB: 'pvc',
  WPW: 'wpw',
  NSR: 'nsr',
};

/**
 * The code → class table of a `snomed_ct,dx,abbrev` CSV text: a row's class is its `class` cell when the
 * table has that column, else the class its abbreviation names (AF, AFL, PVC, VPB, WPW, NSR); rows with
 * neither are left out. Throws RangeError when there is no `snomed_ct` column.
 */
export function parseSnomedClasses(text: string): Record<string, ClassName> {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim()));
  const head = (rows.shift() ?? []).map((c) => c.toLowerCase());
  const codeCol = head.indexOf('snomed_ct');
  if (codeCol < 0) throw new RangeError('the SNOMED table has no snomed_ct column');
  const abbrevCol = head.indexOf('abbrev');
  const classCol = head.indexOf('class');
  const out: Record<string, ClassName> = {};
  for (const r of rows) {
    const given = classCol >= 0 ? (r[classCol] ?? '').toLowerCase() : '';
    const cls = isClassName(given) ? given : abbrevCol >= 0 ? ABBREV_CLASSES[r[abbrevCol] ?? ''] : undefined;
    if (cls !== undefined && r[codeCol] !== undefined) out[r[codeCol]] = cls;
  }
  return out;
}

/**
 * The record label of WFDB header `comments` (without `#`) holding `Dx: code,code`, or undefined when
 * there is no Dx line. The class: the one non-nsr class the codes map to, else nsr when a code maps to
 * nsr; several non-nsr classes (e.g. af and pvc) or none give a label without a class.
 */
export function dxRecordLabel(
  comments: readonly string[],
  classes: Readonly<Record<string, ClassName>> = DEFAULT_SNOMED_CLASSES,
): RecordLabel | undefined {
  const line = comments.map((c) => /^Dx\s*:\s*(.*)$/i.exec(c.trim())).find((m) => m !== null);
  if (line === undefined || line === null) return undefined;
  const codes = line[1]
    .split(/[,;\s]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const found = new Set(codes.flatMap((c) => (Object.hasOwn(classes, c) ? [classes[c]] : [])));
  const abnormal = [...found].filter((c) => c !== 'nsr');
  const source = `#Dx: ${codes.join(',')}`;
  if (abnormal.length === 1) return { className: abnormal[0], source };
  if (abnormal.length > 1) return { source: `${source} (several classes: ${abnormal.join(', ')})` };
  return found.has('nsr') ? { className: 'nsr', source } : { source };
}
