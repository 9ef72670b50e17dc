/**
 * `README.txt` of a synthetic dataset: a dataset card. What each file is, the class counts (and split),
 * each class's parameter distributions, how it was made and how to regenerate it, and Python snippets
 * to load it with numpy, with wfdb and as a PyTorch `Dataset`. UTF-8, and no dates: the same
 * recipe gives the same bytes.
 */
import type { ClassName } from '../core/units.ts';
import type { SynthParams } from '../synth/index.ts';
import { paramDistributions } from './param-distributions.ts';
import { presetClassParams } from './recipe-class-params.ts';
import { rowInfo, samplesPerRecord, totalRows, type RowRange } from './recipe-rows.ts';
import type { ClassRecipe, SyntheticRecipe } from './recipe.ts';
import { validationCount } from './split-assign.ts';
import { pythonSnippets } from './dataset-readme-python.ts';

/** The shard a folder holds, for its card. */
export interface ShardNote {
  index: number;
  count: number;
  rows: RowRange;
}

const CLASS_MEANING: Record<ClassName, string> = {
  nsr: 'normal sinus rhythm',
  af: 'atrial fibrillation',
  afl: 'atrial flutter',
  pvc: 'sinus rhythm with premature ventricular complexes',
  wpw: 'Wolff-Parkinson-White pattern (pre-excitation)',
};

function pad(text: string | number, width: number): string {
  return String(text).padEnd(width);
}

/** A number with at most 6 significant digits, as JS writes it. */
function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function classTable(recipe: SyntheticRecipe): string[] {
  const lines = [
    `${pad('class', 7)}${pad('records', 10)}${pad('rows', 18)}${recipe.split ? pad('train', 9) + pad('validation', 12) : ''}meaning`,
  ];
  let first = 0;
  for (const c of recipe.classes) {
    const rows = c.count > 0 ? `${first}-${first + c.count - 1}` : '-';
    const nVal = recipe.split ? validationCount(recipe.split, c.count) : 0;
    const split = recipe.split ? pad(c.count - nVal, 9) + pad(nVal, 12) : '';
    lines.push(
      `${pad(c.className, 7)}${pad(c.count, 10)}${pad(rows, 18)}${split}${CLASS_MEANING[c.className]}`,
    );
    first += c.count;
  }
  lines.push(`${pad('total', 7)}${totalRows(recipe)}`);
  return lines;
}

function noiseSummary(p: SynthParams): string {
  const unit = p.noiseUnit === 'dB' ? 'SNR dB' : 'mV';
  const level = (mv: number, db: number) => (p.noiseUnit === 'dB' ? `${db} dB SNR` : `${mv} mV`);
  const parts = [
    p.wanderOn ? `baseline wander ${level(p.wanderMv, p.wanderSnrDb)} (respiration ${p.wanderHz} Hz)` : '',
    p.powerlineOn ? `powerline ${level(p.powerlineMv, p.powerlineSnrDb)} at ${p.powerlineHz} Hz` : '',
    p.muscleOn ? `muscle ${level(p.muscleMv, p.muscleSnrDb)}` : '',
    p.whiteOn ? `white ${level(p.whiteMv, p.whiteSnrDb)}` : '',
    p.augmentOn ? "the authors' augmentations (random walk, block noise)" : '',
  ].filter((s) => s !== '');
  return parts.length > 0 ? `${parts.join(', ')} (levels in ${unit})` : 'none (exactly zero)';
}

function classSection(c: ClassRecipe): string[] {
  const p = c.params;
  const lines = [`${c.className} (${CLASS_MEANING[c.className]}), ${c.count} records`];
  lines.push(`  ${pad('parameter', 34)}${pad('unit', 7)}${pad('mean', 11)}${pad('sd/record', 11)}sd/beat`);
  for (const d of paramDistributions(p, true)) {
    const beat = d.sdBeat === undefined ? '-' : num(d.sdBeat);
    lines.push(
      `  ${pad(d.label, 34)}${pad(d.unit || '-', 7)}${pad(num(d.mean), 11)}${pad(num(d.sdRecord), 11)}${beat}`,
    );
  }
  const settings = [`beat model ${p.beatModel}`];
  if (c.className === 'nsr' || c.className === 'pvc' || c.className === 'wpw') {
    settings.push(`HRV (LF+HF) sd ${p.hrvSdMs} ms, LF/HF ${p.lfHfRatio}`);
  }
  if (c.className === 'afl') settings.push(`conduction ${p.aflConduction}, F-wave polarity ${p.aflPolarity}`);
  if (c.className === 'pvc') settings.push(`pattern ${p.pvcPattern}`);
  lines.push(`  settings: ${settings.join('; ')}`, `  noise: ${noiseSummary(p)}`, '');
  return lines;
}

function sameParams(a: SynthParams, b: SynthParams): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  return Object.keys(x).every((k) => x[k] === y[k]);
}

function formatFiles(recipe: SyntheticRecipe, rows: number): string[] {
  const samples = samplesPerRecord(recipe);
  if (recipe.output === 'wfdb') {
    return [
      'wfdb/        RECORDS lists the records. Per record NAME (= {class}_{index:06d}):',
      '             NAME.hea  WFDB header; NAME.dat  format 16, 1000 adu/mV (1 uV steps), lead II;',
      '             NAME.atr  beats (N, V) and rhythm notes (+ with aux (N, (AFIB, (AFL, (B, (T, (PREX), MIT format;',
      '             NAME.fid  wave fiducials: ( onset, ) offset with num 0=P 1=QRS 2=T; peaks p, N/V, t;',
      '                       atrial flutter F-wave troughs as p with num 3.',
    ];
  }
  if (recipe.output === 'npy') {
    return [`signals.npy  float32, C order, shape [${rows}, ${samples}], mV, rows in labels.csv order.`];
  }
  return ['csv/         NAME.csv per record: header time_s,ii_mv, values written shortest-round-trip.'];
}

/**
 * The README text of a dataset made from `recipe` (of shard `shard` when given; labels.csv then keeps
 * the whole dataset's row numbers).
 */
export function datasetReadme(recipe: SyntheticRecipe, shard?: ShardNote): string {
  const samples = samplesPerRecord(recipe);
  const all = totalRows(recipe);
  const rows = shard ? shard.rows.end - shard.rows.start : all;
  const example = rowInfo(recipe, shard && rows > 0 ? shard.rows.start : 0).name;
  const lines = [
    'PQRST Studio synthetic ECG dataset',
    '==================================',
    '',
    `${all} records of lead II ECG, ${recipe.durationS} s at ${recipe.fsHz} Hz (${samples} samples per record), in mV.`,
    `Format: ${recipe.output}    Preset: ${recipe.preset}    Noise: ${recipe.noise}    Seed: ${recipe.seed}`,
    `Generator version: ${recipe.generatorVersion}    Recipe version: ${recipe.recipeVersion}`,
  ];
  if (shard) {
    lines.push(
      '',
      `This folder is shard ${shard.index} of ${shard.count}: rows ${shard.rows.start}-${shard.rows.end - 1} ` +
        `(${rows} records) of the ${all}. Concatenating the shards' signals.npy arrays and labels.csv rows`,
      'in shard order gives the unsharded dataset; the row column already numbers the whole dataset.',
    );
  }
  lines.push('', 'Classes', '-------', ...classTable(recipe), '');
  lines.push(
    'Rows are the classes one after another in the order above. Record k (0-based) of class c is named',
    'c_{k:06d} and has seed (seed + k) mod 2^32.',
    recipe.split
      ? `Split: exactly round(${recipe.split.validationFraction} x count) records of each class are "validation", the ` +
          `rest "train",\nchosen by a seeded permutation (split seed ${recipe.split.seed}); see the split column.`
      : 'No split was asked for: the split column is empty.',
    '',
    'Files',
    '-----',
    'labels.csv   one row per record: row,record,patient,class,seed,start_s,fs_hz,split',
    '             row = row of the whole dataset (= row in signals.npy unless sharded); patient = record',
    '             (synthetic); start_s = 0; split = train, validation or empty.',
    'recipe.json  every parameter of every class, the seed and generatorVersion.',
    'README.txt   this file.',
    ...formatFiles(recipe, rows),
    '',
    'Parameter distributions',
    '-----------------------',
    'Each record draws every parameter below as mean + N(0, sd/record), clamped to its range; wave',
    'parameters also vary beat to beat by N(0, sd/beat). Parameters with zero sd are in recipe.json.',
    '',
  );
  for (const c of recipe.classes) if (c.count > 0) lines.push(...classSection(c));
  lines.push(
    'How it was made',
    '---------------',
    `PQRST Studio, generator version ${recipe.generatorVersion}: every beat is a sum of five Gaussian waves`,
    '(P, Q, R, S, T; the method of Nonaka & Seita 2026), each class has its own generator built from the',
    'clinical criteria of its rhythm, and noise is added per source. The same recipe and generator version',
    'give these files byte for byte, in the browser and in the command line:',
    '  npx pqrst generate --recipe recipe.json --out DIR            (add --zip for the .zip archive)',
    '  npx pqrst generate --recipe recipe.json --shard i/n --out DIR   (rows of shard i of n)',
  );
  const commands = recipe.classes
    .filter(
      (c) =>
        c.count > 0 &&
        recipe.preset !== 'custom' &&
        recipe.noise !== 'custom' &&
        sameParams(c.params, presetClassParams(c.className, recipe)),
    )
    .map(
      (c) =>
        `  npx pqrst generate --class ${c.className} --count 1 --seed <seed> --seconds ${recipe.durationS} ` +
        `--fs ${recipe.fsHz} --noise ${recipe.noise} --preset ${recipe.preset} --format ${recipe.output} --out DIR`,
    );
  if (commands.length > 0)
    lines.push('One record alone, for a class that uses its preset unchanged:', ...commands);
  lines.push(
    'One record of any class: recipe.json with only that class, "count": 1 and "seed": <its seed>, then --recipe.',
    '',
    ...pythonSnippets(recipe, example),
  );
  return lines.join('\n') + '\n';
}
