/**
 * The Dataset builder's form: the choices as typed (text, so a bad entry can be named), how they
 * become a recipe (`recipeOfForm`: every error names the control by its label), and how a loaded recipe
 * fills the form back (`formOfRecipe`). No DOM, no React.
 *
 * A class's parameters come from the preset, from the studio (a snapshot taken with "Use the studio's
 * current parameters"), or from a loaded recipe file. When every class uses the preset the recipe
 * names it; otherwise the recipe's preset is `custom` and every class carries its full parameters.
 */
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import { buildRecipe, type ClassChoice } from '../dataset/recipe-build.ts';
import { presetClassParams } from '../dataset/recipe-class-params.ts';
import { MAX_CLASS_COUNT, RecipeError } from '../dataset/recipe-validate.ts';
import type { NoiseSetting, OutputFormat, RecipePreset, SyntheticRecipe } from '../dataset/recipe.ts';
import {
  paramSpec,
  withoutNoise,
  type NumberSpec,
  type PresetName,
  type SynthParams,
} from '../synth/index.ts';

/** Where a class's parameters come from. */
export type ParamSource = 'preset' | 'studio' | 'recipe';

/** One class row of the form. */
export interface ClassForm {
  include: boolean;
  countText: string;
  source: ParamSource;
  /** The snapshot (studio) or the loaded recipe's parameters; null for the preset. */
  params: SynthParams | null;
}

/** Everything the builder shows, as typed. */
export interface DatasetForm {
  classes: Record<ClassName, ClassForm>;
  durationText: string;
  fsText: string;
  seedText: string;
  preset: PresetName;
  noise: 'default' | 'none';
  output: OutputFormat;
  splitOn: boolean;
  /** Validation fraction, 0 < f < 1. */
  splitText: string;
  /** Seed of the split; empty: the dataset seed. */
  splitSeedText: string;
}

/** The labels of the controls, as errors name them. */
export const DATASET_LABELS = {
  classes: 'Classes',
  duration: 'Duration of each record (s)',
  fs: 'Sampling rate of the records (Hz)',
  seed: 'Dataset seed',
  preset: 'Preset of the classes',
  noise: 'Noise',
  output: 'Output format',
  split: 'Validation fraction (0-1)',
  splitSeed: 'Split seed',
  recipe: 'Recipe',
} as const;

/** The label of the count box of class `c`. */
export function countLabel(c: ClassName): string {
  return `Records of ${c}`;
}

/** The label of class `c`'s parameters. */
export function paramsLabel(c: ClassName): string {
  return `Parameters of ${c}`;
}

/** A refused form: the control's label and the reason. */
export interface FormError {
  control: string;
  message: string;
}

/** The form's recipe, or its first error. */
export type FormResult = { recipe: SyntheticRecipe; error: null } | { recipe: null; error: FormError };

/** The form a builder opens with: 100 records each of nsr and af, 10 s at 500 Hz, npy. */
export function defaultDatasetForm(): DatasetForm {
  const classes = {} as Record<ClassName, ClassForm>;
  for (const c of CLASS_NAMES) {
    classes[c] = { include: c === 'nsr' || c === 'af', countText: '100', source: 'preset', params: null };
  }
  return {
    classes,
    durationText: '10',
    fsText: '500',
    seedText: '1',
    preset: 'default',
    noise: 'default',
    output: 'npy',
    splitOn: false,
    splitText: '0.2',
    splitSeedText: '',
  };
}

class FieldError extends Error {
  constructor(readonly error: FormError) {
    super(`${error.control}: ${error.message}`);
  }
}

function parseNumber(text: string, control: string, min: number, max: number, integer: boolean): number {
  const what = `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
  const t = text.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max) {
    throw new FieldError({
      control,
      message: t === '' ? `required: ${what}` : `expected ${what}, got '${t}'`,
    });
  }
  return v;
}

function specNumber(text: string, control: string, key: string): number {
  const spec = paramSpec(key) as NumberSpec;
  return parseNumber(text, control, spec.min, spec.max, spec.integer === true);
}

/** The control a recipe field belongs to, for `RecipeError`s of a built recipe. */
function controlOfField(field: string, classes: ClassName[]): string {
  const m = /^classes\[(\d+)\]\.(\w+)/.exec(field);
  if (m) {
    const c = classes[Number(m[1])];
    return m[2] === 'count' ? countLabel(c) : paramsLabel(c);
  }
  if (field.startsWith('split.seed')) return DATASET_LABELS.splitSeed;
  if (field.startsWith('split')) return DATASET_LABELS.split;
  return DATASET_LABELS.recipe;
}

/** Build the recipe the form describes, or name the first control that is wrong. */
export function recipeOfForm(form: DatasetForm): FormResult {
  try {
    const durationS = specNumber(form.durationText, DATASET_LABELS.duration, 'durationS');
    const fsHz = specNumber(form.fsText, DATASET_LABELS.fs, 'fsHz');
    const seed = specNumber(form.seedText, DATASET_LABELS.seed, 'seed');
    const included = CLASS_NAMES.filter((c) => form.classes[c].include);
    if (included.length === 0) {
      throw new FieldError({ control: DATASET_LABELS.classes, message: 'include at least one class' });
    }
    const counts = included.map((c) =>
      parseNumber(form.classes[c].countText, countLabel(c), 0, MAX_CLASS_COUNT, true),
    );
    if (counts.every((n) => n === 0)) {
      throw new FieldError({
        control: countLabel(included[0]),
        message: 'every included class has 0 records: a dataset needs at least one',
      });
    }
    let split = null;
    if (form.splitOn) {
      const f = parseNumber(form.splitText, DATASET_LABELS.split, 0, 1, false);
      if (f <= 0 || f >= 1) {
        throw new FieldError({
          control: DATASET_LABELS.split,
          message: `expected a number between 0 and 1 (exclusive), got '${form.splitText.trim()}'`,
        });
      }
      const splitSeed =
        form.splitSeedText.trim() === ''
          ? seed
          : parseNumber(form.splitSeedText, DATASET_LABELS.splitSeed, 0, 4294967295, true);
      split = { validationFraction: f, seed: splitSeed };
    }
    const allPreset = included.every((c) => form.classes[c].source === 'preset');
    const settings = { preset: form.preset, noise: form.noise, fsHz, durationS, seed };
    const classes: ClassChoice[] = included.map((className, i) => {
      const row = form.classes[className];
      if (allPreset) return { className, count: counts[i] };
      const own = row.source === 'preset' || row.params === null ? null : row.params;
      const base = own
        ? { ...own, className, fsHz, durationS, seed }
        : presetClassParams(className, settings);
      return {
        className,
        count: counts[i],
        params: { ...(form.noise === 'none' ? withoutNoise(base) : base) },
      };
    });
    const preset: RecipePreset = allPreset ? form.preset : 'custom';
    const noise: NoiseSetting = form.noise === 'none' ? 'none' : allPreset ? 'default' : 'custom';
    try {
      const recipe = buildRecipe({
        classes,
        seed,
        durationS,
        fsHz,
        preset,
        noise,
        output: form.output,
        split,
      });
      return { recipe, error: null };
    } catch (e) {
      if (!(e instanceof RecipeError)) throw e;
      throw new FieldError({ control: controlOfField(e.field, included), message: e.message });
    }
  } catch (e) {
    if (e instanceof FieldError) return { recipe: null, error: e.error };
    throw e;
  }
}

function sameParams(a: SynthParams, b: SynthParams): boolean {
  return (Object.keys(a) as (keyof SynthParams)[]).every((k) => a[k] === b[k]);
}

/**
 * The form of a (validated) recipe: a class whose parameters are its preset's shows `preset`, any other
 * keeps the recipe's parameters (`recipe`). Classes the recipe lacks are left out with count 0.
 */
export function formOfRecipe(recipe: SyntheticRecipe): DatasetForm {
  const form = defaultDatasetForm();
  const preset: PresetName = recipe.preset === 'custom' ? 'default' : recipe.preset;
  const noise = recipe.noise === 'none' ? 'none' : 'default';
  const settings = {
    preset,
    noise,
    fsHz: recipe.fsHz,
    durationS: recipe.durationS,
    seed: recipe.seed,
  } as const;
  for (const c of CLASS_NAMES)
    form.classes[c] = { include: false, countText: '0', source: 'preset', params: null };
  for (const c of recipe.classes) {
    const isPreset = sameParams(c.params, presetClassParams(c.className, settings));
    form.classes[c.className] = {
      include: true,
      countText: String(c.count),
      source: isPreset ? 'preset' : 'recipe',
      params: isPreset ? null : { ...c.params },
    };
  }
  return {
    ...form,
    durationText: String(recipe.durationS),
    fsText: String(recipe.fsHz),
    seedText: String(recipe.seed),
    preset,
    noise,
    output: recipe.output,
    splitOn: recipe.split !== null,
    splitText: recipe.split ? String(recipe.split.validationFraction) : '0.2',
    splitSeedText: recipe.split && recipe.split.seed !== recipe.seed ? String(recipe.split.seed) : '',
  };
}

/** Whether two forms are the same choices. */
export function sameForm(a: DatasetForm, b: DatasetForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The parameters class `c` is drawn from in the form (before the recipe's checks). */
export function classParamsOfForm(form: DatasetForm, c: ClassName): SynthParams | null {
  const row = form.classes[c];
  if (row.source !== 'preset' && row.params) return row.params;
  const fsHz = Number(form.fsText);
  const durationS = Number(form.durationText);
  const seed = Number(form.seedText);
  return presetClassParams(c, { preset: form.preset, noise: form.noise, fsHz, durationS, seed });
}
