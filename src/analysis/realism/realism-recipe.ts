/**
 * The synthetic side of the studio's Realism view as a recipe: `count` records of one class, each as
 * long as a real window and at its rate, drawn from the studio's current parameters or from a preset,
 * written as `npy`. The recipe is exported with the report, so `pqrst generate --recipe recipe.json`
 * makes the very same windows for `pqrst realism --synthetic`. Mirrors the Dataset builder: studio
 * parameters make a `custom` recipe carrying them, a preset a recipe naming it.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import type { ClassName } from '../../core/units.ts';
import { encodeRows } from '../../dataset/encode-rows.ts';
import { buildRecipe } from '../../dataset/recipe-build.ts';
import { planBatches, rowInfo, samplesPerRecord, totalRows } from '../../dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../../dataset/recipe.ts';
import type { PresetName, SynthParams } from '../../synth/index.ts';
import type { EcgSet } from './ecg-set.ts';

/** Rows synthesized per batch (progress is reported after each). */
const BATCH_ROWS = 16;

/** Where the synthetic windows' parameters come from. */
export type SyntheticSource =
  { kind: 'studio'; params: SynthParams } | { kind: 'preset'; preset: PresetName };

/** What the synthetic side is made of. */
export interface SyntheticSideChoice {
  className: ClassName;
  count: number;
  seed: number;
  source: SyntheticSource;
}

/**
 * The recipe of the synthetic side: `choice` at the real windows' rate `fsHz` and length `durationS`.
 * Throws `RecipeError` naming the field when a value is out of the synthesizer's range.
 */
export function realismRecipe(choice: SyntheticSideChoice, fsHz: number, durationS: number): SyntheticRecipe {
  const { className, count, seed, source } = choice;
  const common = { seed, durationS, fsHz, output: 'npy' as const, split: null };
  if (source.kind === 'preset') {
    return buildRecipe({
      ...common,
      classes: [{ className, count }],
      preset: source.preset,
      noise: 'default',
    });
  }
  const params = { ...source.params, className, fsHz, durationS, seed };
  return buildRecipe({
    ...common,
    classes: [{ className, count, params }],
    preset: 'custom',
    noise: 'custom',
  });
}

/** Options of `recipeSet`. */
export interface RecipeSetOptions {
  signal?: AbortSignalLike;
  /** Called with (rows done, rows in all). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The windows of every row of `recipe` (an `npy` recipe) as a set, each row's record name its group:
 * the samples `pqrst generate --recipe` writes into signals.npy (`encodeRows`), in row order.
 */
export function recipeSet(recipe: SyntheticRecipe, options: RecipeSetOptions = {}): EcgSet {
  const n = totalRows(recipe);
  const L = samplesPerRecord(recipe);
  const x = new Float32Array(n * L);
  for (const range of planBatches({ start: 0, end: n }, BATCH_ROWS)) {
    const batch = encodeRows(recipe, range, { signal: options.signal, crc: false });
    if (batch.kind !== 'npy') throw new RangeError(`recipe output is ${recipe.output}, expected npy`);
    const rows = new Float32Array(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength / 4);
    x.set(rows, range.start * L);
    options.onProgress?.(range.end, n);
  }
  const groups = Array.from({ length: n }, (_, row) => rowInfo(recipe, row).name);
  return { fsHz: recipe.fsHz, windowSamples: L, x, groups };
}
