/** `README.txt` of an imported (real) dataset folder: what each file is, how it was made, the summary. */
import { ANTI_ALIAS_SPEC } from '../core/resample-filter.ts';
import type { ImportRecipe } from './import-recipe.ts';
import { formatImportSummary } from './import-summary-text.ts';
import type { ImportSummary } from './import-summary.ts';

/** The README text of an imported dataset (no dates: the same inputs give the same bytes). */
export function importReadme(recipe: ImportRecipe, summary: ImportSummary): string {
  const s = ANTI_ALIAS_SPEC;
  const bp = recipe.bandpass;
  const lines = [
    'PQRST Studio real ECG dataset (imported)',
    '========================================',
    '',
    `Lead: ${recipe.lead}    Sampling rate: ${recipe.fsHz} Hz    Window: ${recipe.windowS} s (${recipe.windowSamples} samples)    Stride: ${recipe.strideS} s    Units: mV`,
    `Label rule: ${recipe.labelRule}`,
    `Rhythm classes: ${Object.entries(recipe.rhythmClasses)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    `Record labels: ${recipe.recordLabelSources.join('; ') || 'none'}    Patients: ${recipe.patientSource}`,
    `Resampling: polyphase Kaiser FIR, ripple <= ${s.passbandRippleDb} dB up to ${s.passbandEdgeOfNyquist} x min(fs_in, fs_out)/2, ` +
      `>= ${s.stopbandAttenuationDb} dB above min(fs_in, fs_out)/2, zero delay (see recipe.json: antiAlias).`,
    bp === null
      ? 'Band-pass: none'
      : `Band-pass: ${bp.lowHz}-${bp.highHz} Hz, Butterworth high-pass order ${bp.highpassOrder} + low-pass order ${bp.lowpassOrder}, forward-backward (zero phase)`,
    '',
    'Files',
    '-----',
    `signals.npy  float32, C order, shape [${summary.windows}, ${recipe.windowSamples}], mV, rows in labels.csv order.`,
    'labels.csv   one row per window: row,record,patient,class,seed,start_s,fs_hz,split',
    '             row = row in signals.npy; record = source record; patient = the person (split by this',
    '             column, never by record or window); seed is empty (real data); start_s = window start in',
    '             the source record, s; split empty unless asked for.',
    'recipe.json  the inputs and every setting of the import, the filters, and per record its files and rows.',
    'summary.json windows, records and patients per class; every skipped record and window with its reason.',
    'README.txt   this file.',
    '',
    'Summary',
    '-------',
    formatImportSummary(summary).trimEnd(),
    '',
    'Load with Python',
    '----------------',
    '  import numpy as np, csv',
    '  x = np.load("signals.npy")',
    '  rows = list(csv.DictReader(open("labels.csv")))',
    '',
  ];
  return lines.join('\n');
}
