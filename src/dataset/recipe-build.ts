/** Building a recipe from the builder's choices (the studio's Dataset builder, the CLI's flags). */
import type { ClassName } from '../core/units.ts';
import { GENERATOR_VERSION, type ParamValues } from '../synth/index.ts';
import { validateRecipe } from './recipe-validate.ts';
import {
  RECIPE_FORMAT,
  RECIPE_VERSION,
  type NoiseSetting,
  type OutputFormat,
  type RecipePreset,
  type SplitSpec,
  type SyntheticRecipe,
} from './recipe.ts';

/** One class as chosen: its count and any parameters that differ from the preset. */
export interface ClassChoice {
  className: ClassName;
  count: number;
  /** Parameter overrides (means and `...RecordSd` sds); the rest come from the preset. */
  params?: Partial<ParamValues>;
}

/** Everything a user chooses for a dataset. */
export interface RecipeChoices {
  classes: readonly ClassChoice[];
  seed: number;
  durationS: number;
  fsHz: number;
  preset: RecipePreset;
  noise: NoiseSetting;
  output: OutputFormat;
  split?: SplitSpec | null;
}

/**
 * The canonical recipe of `choices` for this generator version: each class's parameters are its preset
 * (noise off for `none`) with the overrides and the record settings applied. Throws `RecipeError`
 * naming the bad field (e.g. `classes[0].params.afRateBpm`).
 */
export function buildRecipe(choices: RecipeChoices): SyntheticRecipe {
  return validateRecipe({
    format: RECIPE_FORMAT,
    recipeVersion: RECIPE_VERSION,
    generatorVersion: GENERATOR_VERSION,
    seed: choices.seed,
    durationS: choices.durationS,
    fsHz: choices.fsHz,
    preset: choices.preset,
    noise: choices.noise,
    output: choices.output,
    split: choices.split ?? null,
    classes: choices.classes.map((c) => ({ className: c.className, count: c.count, params: c.params ?? {} })),
  });
}
