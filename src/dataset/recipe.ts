/**
 * A synthetic dataset recipe (version 2): everything needed to regenerate a dataset byte for byte. It is
 * written as `recipe.json` in every dataset folder and archive; `validateRecipe` (recipe-validate.ts)
 * reads it back, converting version-1 (single-class) recipes.
 *
 * Rows: the classes' records one class after another in CLASS_NAMES order (nsr, af, afl, pvc, wpw),
 * whatever the order in the file. Record k (0-based) of class c is named `{c}_{k:06d}` and has seed
 * (seed + k) mod 2^32 with the random stream of (that seed, FNV-1a of c) (see synth/seed.ts), so
 * `pqrst generate --class c --count 1 --seed <that seed>` reproduces it when the class uses its preset's
 * parameters.
 */
import type { ClassName } from '../core/units.ts';
import type { PresetName, SynthParams } from '../synth/index.ts';

/** The `format` field of every recipe. */
export const RECIPE_FORMAT = 'pqrst-recipe';
/** The recipe layout written by this version (1: one class; 2: several classes, split). */
export const RECIPE_VERSION = 2;

/** Output formats of a dataset folder. */
export const OUTPUT_FORMATS = ['wfdb', 'npy', 'csv'] as const;
/** One output format: `wfdb` (wfdb/ folder), `npy` (signals.npy) or `csv` (csv/ folder). */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Noise settings by name: `default` (the preset's sources), `none` (exactly zero), `custom` (edited). */
export const NOISE_SETTINGS = ['default', 'none', 'custom'] as const;
/** A noise setting; informational: each class's `params` hold the noise actually used. */
export type NoiseSetting = (typeof NOISE_SETTINGS)[number];

/** Preset names a recipe may name: a built-in preset, or `custom` when parameters were edited. */
export const RECIPE_PRESETS = ['default', 'nonaka2026', 'custom'] as const;
/** The preset the class parameters started from (informational, like `noise`). */
export type RecipePreset = PresetName | 'custom';

/** One class of a dataset: how many records and the parameters they are drawn from. */
export interface ClassRecipe {
  className: ClassName;
  /** Records of this class (0 allowed: the class adds no rows). */
  count: number;
  /**
   * Every synthesizer parameter of this class's records. `className`, `fsHz`, `durationS` and `seed`
   * equal the recipe's. Each record draws mean + N(0, sd) of the `...RecordSd` companions, so these are
   * the per-record distributions.
   */
  params: SynthParams;
}

/** A seeded train/validation split, by record, stratified by class. */
export interface SplitSpec {
  /** Share of each class's records put in `validation` (exactly round(f · count)), 0 < f < 1. */
  validationFraction: number;
  /** Seed of the assignment (0…2^32-1). */
  seed: number;
}

/** The recipe of a synthetic dataset (recipe version 2). */
export interface SyntheticRecipe {
  format: typeof RECIPE_FORMAT;
  recipeVersion: typeof RECIPE_VERSION;
  /** The synthesizer version that made it; another version refuses the recipe. */
  generatorVersion: string;
  /** The run seed: record k of each class has seed (seed + k) mod 2^32. */
  seed: number;
  durationS: number;
  fsHz: number;
  preset: RecipePreset;
  noise: NoiseSetting;
  output: OutputFormat;
  /** null: the `split` column of labels.csv is empty. */
  split: SplitSpec | null;
  /** The classes, in CLASS_NAMES order, each at most once. */
  classes: ClassRecipe[];
}

/** A version-1 recipe (one class), as written before recipe version 2; loaded by conversion. */
export interface SyntheticRecipeV1 {
  format: typeof RECIPE_FORMAT;
  generatorVersion: string;
  className: ClassName;
  count: number;
  seed: number;
  preset: PresetName;
  noise: 'default' | 'none';
  output: OutputFormat;
  params: SynthParams;
}

/** WFDB record name of record `index` of a class: `{class}_{index:06d}`. */
export function recordName(className: ClassName, index: number): string {
  return `${className}_${String(index).padStart(6, '0')}`;
}
