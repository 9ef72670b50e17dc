/** `README.txt` of a synthetic dataset folder: what each file is and how it was made. */
import type { SyntheticRecipe } from './recipe.ts';

/** The README text of a dataset made from `recipe` (no dates: the same recipe gives the same bytes). */
export function datasetReadme(recipe: SyntheticRecipe): string {
  const p = recipe.params;
  const samples = Math.round(p.durationS * p.fsHz);
  const lines = [
    'PQRST Studio synthetic ECG dataset',
    '==================================',
    '',
    `Class: ${recipe.className}    Records: ${recipe.count}    Lead: II    Duration: ${p.durationS} s`,
    `Sampling rate: ${p.fsHz} Hz (${samples} samples per record)    Units: mV`,
    `Preset: ${recipe.preset}    Noise: ${recipe.noise}    Seed: ${recipe.seed}    Generator version: ${recipe.generatorVersion}`,
    '',
    'Files',
    '-----',
    'labels.csv   one row per record: row,record,patient,class,seed,start_s,fs_hz,split',
    '             row = row in signals.npy; patient = record (synthetic); split empty unless asked for.',
    'recipe.json  every parameter, the seed and generatorVersion: regenerate this folder byte for byte with',
    '             `npx pqrst generate --recipe recipe.json --out DIR` (or the same flags as below).',
    'README.txt   this file.',
  ];
  if (recipe.output === 'wfdb') {
    lines.push(
      'wfdb/        RECORDS lists the records. Per record NAME (= {class}_{index:06d}):',
      '             NAME.hea  WFDB header; NAME.dat  format 16, 1000 adu/mV, lead II;',
      '             NAME.atr  beats (N) and rhythm notes ((N) in MIT format;',
      '             NAME.fid  wave fiducials: ( onset, ) offset with num 0=P 1=QRS 2=T; peaks p, N, t.',
    );
  } else if (recipe.output === 'npy') {
    lines.push(
      `signals.npy  float32, C order, shape [${recipe.count}, ${samples}], mV, rows in labels.csv order.`,
    );
  } else {
    lines.push('csv/         NAME.csv per record, header time_s,ii_mv, values written shortest-round-trip.');
  }
  lines.push(
    '',
    'Seeds',
    '-----',
    `Record r has seed (${recipe.seed} + r) mod 2^32 (the seed column). To regenerate one record alone:`,
    `  npx pqrst generate --class ${recipe.className} --count 1 --seed <seed> --seconds ${p.durationS} --fs ${p.fsHz} --noise ${recipe.noise} --preset ${recipe.preset} --format ${recipe.output} --out DIR`,
    '',
    'Load with Python',
    '----------------',
    '  import numpy as np, csv',
    '  x = np.load("signals.npy")            # npy format',
    '  import wfdb                           # wfdb format',
    '  rec = wfdb.rdrecord("wfdb/NAME"); ann = wfdb.rdann("wfdb/NAME", "atr")',
    '',
  );
  return lines.join('\n');
}
