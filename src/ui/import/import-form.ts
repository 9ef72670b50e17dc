/** Validation of the import panel's settings: each error names the field it is about. */
import { parseLabelRule } from '../../dataset/label-rule.ts';
import type { ImportOptions } from '../../workers/import-protocol.ts';

/** The settings as typed. */
export interface ImportFormText {
  lead: string;
  fsHz: string;
  windowS: string;
  strideS: string;
  labelRule: string;
}

function numberField(label: string, text: string, min: number, max: number, integer: boolean): number {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(v)) throw new RangeError(`${label}: "${text}" is not a number`);
  if (integer && !Number.isInteger(v)) throw new RangeError(`${label}: ${v} is not a whole number`);
  if (v < min || v > max) throw new RangeError(`${label}: ${v} is outside ${min}–${max}`);
  return v;
}

/** The options of `form`, or throws RangeError naming the first bad field. */
export function importOptionsOf(form: ImportFormText, patientsCsv?: string): ImportOptions {
  const fsHz = numberField('Sampling rate (Hz)', form.fsHz, 100, 1000, true);
  const windowS = numberField('Window (s)', form.windowS, 0.1, 3600, false);
  const strideS =
    form.strideS.trim() === '' ? windowS : numberField('Stride (s)', form.strideS, 0.01, 3600, false);
  try {
    parseLabelRule(form.labelRule);
  } catch (e) {
    throw new RangeError(`Label rule: ${(e as Error).message}`, { cause: e });
  }
  return { lead: form.lead, fsHz, windowS, strideS, labelRule: form.labelRule, patientsCsv };
}
