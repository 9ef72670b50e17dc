/** Validation of the import panel's settings: each error names the field it is about. */
import type { ClassName } from '../../core/units.ts';
import { DEFAULT_LABEL_RULE, parseLabelRule } from '../../dataset/label-rule.ts';
import { DEFAULT_RHYTHM_CLASSES, parseRhythmMap } from '../../dataset/rhythm-classes.ts';
import type { ImportOptions } from '../../workers/import-protocol.ts';

/** The settings as typed. */
export interface ImportFormText {
  lead: string;
  /** Annotator file extension, e.g. `atr`. */
  annotator: string;
  fsHz: string;
  windowS: string;
  strideS: string;
  labelRule: string;
  /** Rhythm note → class, `(N=nsr, (AFIB=af`. */
  rhythmMap: string;
  /** Whether the band-pass is applied. */
  bandpass: boolean;
  lowHz: string;
  highHz: string;
}

/** The text of a rhythm map, one `NOTE=class` per entry. */
export function rhythmMapText(map: Readonly<Record<string, ClassName>>): string {
  return Object.entries(map)
    .map(([note, cls]) => `${note}=${cls}`)
    .join(', ');
}

/** The settings the panel opens with (the CLI's defaults). */
export const DEFAULT_IMPORT_FORM: ImportFormText = {
  lead: 'II',
  annotator: 'atr',
  fsHz: '500',
  windowS: '10',
  strideS: '',
  labelRule: DEFAULT_LABEL_RULE,
  rhythmMap: rhythmMapText(DEFAULT_RHYTHM_CLASSES),
  bandpass: false,
  lowHz: '0.5',
  highHz: '40',
};

/** Field names as the panel labels them (errors start with these). */
export const FIELD_LABELS = {
  annotator: 'Annotator (file extension)',
  fsHz: 'Sampling rate (Hz)',
  windowS: 'Window (s)',
  strideS: 'Stride (s)',
  labelRule: 'Label rule',
  rhythmMap: 'Rhythm notes → class',
  lowHz: 'Band-pass low cutoff (Hz)',
  highHz: 'Band-pass high cutoff (Hz)',
} as const;

function numberField(label: string, text: string, min: number, max: number, integer: boolean): number {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(v)) throw new RangeError(`${label}: "${text}" is not a number`);
  if (integer && !Number.isInteger(v)) throw new RangeError(`${label}: ${v} is not a whole number`);
  if (v < min || v > max) throw new RangeError(`${label}: ${v} is outside ${min}–${max}`);
  return v;
}

function parsed<T>(label: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new RangeError(`${label}: ${(e as Error).message}`, { cause: e });
  }
}

/** The options of `form`, or throws RangeError naming the first bad field. */
export function importOptionsOf(
  form: ImportFormText,
  patientsCsv?: string,
  handLabels: Readonly<Record<string, ClassName>> = {},
): ImportOptions {
  const L = FIELD_LABELS;
  const annotator = form.annotator.trim();
  if (!/^[A-Za-z0-9_]+$/.test(annotator)) {
    throw new RangeError(`${L.annotator}: "${form.annotator}" is not a file extension such as atr`);
  }
  const fsHz = numberField(L.fsHz, form.fsHz, 100, 1000, true);
  const windowS = numberField(L.windowS, form.windowS, 0.1, 3600, false);
  const strideS =
    form.strideS.trim() === '' ? windowS : numberField(L.strideS, form.strideS, 0.01, 3600, false);
  parsed(L.labelRule, () => parseLabelRule(form.labelRule));
  parsed(L.rhythmMap, () => parseRhythmMap(form.rhythmMap, {}));
  let bandpass = null;
  if (form.bandpass) {
    const lowHz = numberField(L.lowHz, form.lowHz, 0.01, fsHz / 2, false);
    const highHz = numberField(L.highHz, form.highHz, 0.01, fsHz / 2, false);
    if (!(highHz < fsHz / 2)) throw new RangeError(`${L.highHz}: must be below fs / 2 = ${fsHz / 2} Hz`);
    if (!(lowHz < highHz)) throw new RangeError(`${L.lowHz}: must be below the high cutoff (${highHz} Hz)`);
    bandpass = { lowHz, highHz };
  }
  return {
    load: { lead: form.lead, annotator, patientsCsv },
    window: {
      fsHz,
      windowS,
      strideS,
      labelRule: form.labelRule,
      rhythmMap: form.rhythmMap,
      bandpass,
      handLabels: { ...handLabels },
    },
  };
}
