/**
 * Reading a recipe back: `validateRecipe` checks a parsed recipe.json field by field and returns the
 * canonical recipe (classes in CLASS_NAMES order, full parameters, fixed key order), so that the same
 * recipe always writes the same bytes. Version-1 (single-class) recipes are converted. A recipe from
 * another generator version is refused, naming both versions.
 */
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import { GENERATOR_VERSION, paramSpec, ParamError, validateParams, type NumberSpec } from '../synth/index.ts';
import { presetClassParams, type RecordSettings } from './recipe-class-params.ts';
import {
  NOISE_SETTINGS,
  OUTPUT_FORMATS,
  RECIPE_FORMAT,
  RECIPE_PRESETS,
  RECIPE_VERSION,
  type ClassRecipe,
  type SplitSpec,
  type SyntheticRecipe,
} from './recipe.ts';

/** A recipe that cannot be used; `field` names the field (e.g. `classes[1].params.pAmpMv`). */
export class RecipeError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'RecipeError';
  }
}

/** Most records of one class in a recipe. */
export const MAX_CLASS_COUNT = 10_000_000;

const TOP_KEYS = [
  'format',
  'recipeVersion',
  'generatorVersion',
  'seed',
  'durationS',
  'fsHz',
  'preset',
  'noise',
  'output',
  'split',
  'classes',
];
const V1_KEYS = [
  'format',
  'generatorVersion',
  'className',
  'count',
  'seed',
  'preset',
  'noise',
  'output',
  'params',
];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(o: Obj, allowed: readonly string[], prefix: string): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k)) throw new RecipeError(prefix + k, 'unknown field');
}

function numberField(o: Obj, key: string, field: string, min: number, max: number, integer: boolean): number {
  const v = o[key];
  const what = `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
  if (v === undefined) throw new RecipeError(field, `required: ${what}`);
  if (
    typeof v !== 'number' ||
    !Number.isFinite(v) ||
    (integer && !Number.isInteger(v)) ||
    v < min ||
    v > max
  ) {
    throw new RecipeError(field, `expected ${what}, got ${JSON.stringify(v)}`);
  }
  return v;
}

function specField(o: Obj, key: string): number {
  const spec = paramSpec(key) as NumberSpec;
  return numberField(o, key, key, spec.min, spec.max, spec.integer === true);
}

function choiceField<T extends string>(o: Obj, key: string, field: string, options: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new RecipeError(field, `expected one of ${options.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as T;
}

/** The version-1 fields moved into the version-2 layout (checked afterwards like any recipe). */
function convertV1(o: Obj): Obj {
  onlyKeys(o, V1_KEYS, '');
  const params = isObject(o.params) ? o.params : {};
  return {
    format: o.format,
    recipeVersion: RECIPE_VERSION,
    generatorVersion: o.generatorVersion,
    seed: o.seed,
    durationS: params.durationS,
    fsHz: params.fsHz,
    preset: o.preset,
    noise: o.noise,
    output: o.output,
    split: null,
    classes: [{ className: o.className, count: o.count, params: o.params }],
  };
}

function validateSplit(v: unknown): SplitSpec | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) throw new RecipeError('split', 'expected null or {validationFraction, seed}');
  onlyKeys(v, ['validationFraction', 'seed'], 'split.');
  const f = numberField(v, 'validationFraction', 'split.validationFraction', 0, 1, false);
  if (f <= 0 || f >= 1) {
    throw new RecipeError(
      'split.validationFraction',
      `expected a number between 0 and 1 (exclusive), got ${f}`,
    );
  }
  return { validationFraction: f, seed: numberField(v, 'seed', 'split.seed', 0, 4294967295, true) };
}

function validateClass(v: unknown, i: number, settings: RecordSettings): ClassRecipe {
  const at = `classes[${i}]`;
  if (!isObject(v)) throw new RecipeError(at, 'expected {className, count, params}');
  onlyKeys(v, ['className', 'count', 'params'], `${at}.`);
  const className = choiceField<ClassName>(v, 'className', `${at}.className`, CLASS_NAMES);
  const count = numberField(v, 'count', `${at}.count`, 0, MAX_CLASS_COUNT, true);
  const input = v.params === undefined ? {} : v.params;
  if (!isObject(input)) throw new RecipeError(`${at}.params`, 'expected an object of parameters');
  let params;
  try {
    params = validateParams(input, presetClassParams(className, settings));
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    const reason = e.message.replace(/^parameter '[^']*': /, '');
    throw new RecipeError(`${at}.params${e.key === '(root)' ? '' : '.' + e.key}`, reason);
  }
  const expected: Obj = {
    className,
    fsHz: settings.fsHz,
    durationS: settings.durationS,
    seed: settings.seed,
  };
  for (const key of Object.keys(expected)) {
    const got = (params as unknown as Obj)[key];
    if (got !== expected[key]) {
      const from = key === 'className' ? `${at}.className` : key;
      throw new RecipeError(
        `${at}.params.${key}`,
        `${JSON.stringify(got)} differs from ${from} ${JSON.stringify(expected[key])}`,
      );
    }
  }
  return { className, count, params };
}

/**
 * Check a parsed recipe (version 1 or 2) and return the canonical version-2 recipe. Throws
 * `RecipeError` naming the first bad field; a recipe of another generator version is refused with a
 * message naming both versions (`generatorVersion` is the field). Pure.
 */
export function validateRecipe(json: unknown, generatorVersion: string = GENERATOR_VERSION): SyntheticRecipe {
  if (!isObject(json)) throw new RecipeError('(root)', 'expected a JSON object (a pqrst recipe)');
  if (json.format !== RECIPE_FORMAT) {
    throw new RecipeError('format', `expected "${RECIPE_FORMAT}", got ${JSON.stringify(json.format)}`);
  }
  if (typeof json.generatorVersion !== 'string') {
    throw new RecipeError(
      'generatorVersion',
      `required: the generator version string, got ${JSON.stringify(json.generatorVersion)}`,
    );
  }
  if (json.generatorVersion !== generatorVersion) {
    throw new RecipeError(
      'generatorVersion',
      `this recipe was made by generator version ${json.generatorVersion}, but this is generator version ` +
        `${generatorVersion}; its data cannot be reproduced here (use pqrst ${json.generatorVersion}, or rebuild the recipe)`,
    );
  }
  const o = !('classes' in json) && 'className' in json ? convertV1(json) : json;
  if (o.recipeVersion !== RECIPE_VERSION) {
    throw new RecipeError(
      'recipeVersion',
      `expected ${RECIPE_VERSION}, got ${JSON.stringify(o.recipeVersion)}`,
    );
  }
  onlyKeys(o, TOP_KEYS, '');
  const settings: RecordSettings = {
    seed: specField(o, 'seed'),
    durationS: specField(o, 'durationS'),
    fsHz: specField(o, 'fsHz'),
    preset: choiceField(o, 'preset', 'preset', RECIPE_PRESETS),
    noise: choiceField(o, 'noise', 'noise', NOISE_SETTINGS),
  };
  const output = choiceField(o, 'output', 'output', OUTPUT_FORMATS);
  const split = validateSplit(o.split);
  if (!Array.isArray(o.classes) || o.classes.length === 0) {
    throw new RecipeError('classes', 'expected a non-empty array of {className, count, params}');
  }
  const classes = o.classes.map((c, i) => validateClass(c, i, settings));
  const seen = new Set<string>();
  classes.forEach((c, i) => {
    if (seen.has(c.className))
      throw new RecipeError(`classes[${i}].className`, `${c.className} is listed twice`);
    seen.add(c.className);
  });
  if (classes.every((c) => c.count === 0)) {
    throw new RecipeError('classes', 'every count is 0: a dataset needs at least one record');
  }
  classes.sort((a, b) => CLASS_NAMES.indexOf(a.className) - CLASS_NAMES.indexOf(b.className));
  return {
    format: RECIPE_FORMAT,
    recipeVersion: RECIPE_VERSION,
    generatorVersion,
    seed: settings.seed,
    durationS: settings.durationS,
    fsHz: settings.fsHz,
    preset: settings.preset,
    noise: settings.noise,
    output,
    split,
    classes,
  };
}

/** Parse and validate recipe.json text; a JSON syntax error is a RecipeError on `(json)`. */
export function parseRecipe(text: string, generatorVersion: string = GENERATOR_VERSION): SyntheticRecipe {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RecipeError('(json)', `not valid JSON: ${(e as Error).message}`);
  }
  return validateRecipe(json, generatorVersion);
}

/** The recipe.json text of a (validated) recipe: 2-space JSON and a final newline. */
export function recipeJson(recipe: SyntheticRecipe): string {
  return JSON.stringify(recipe, null, 2) + '\n';
}
