/**
 * Where the synthetic pre-training records of each class come from: the config's `synthetic` block, or
 * a dataset recipe (recipe version 2, as `pqrst generate` and the studio's export write it). Either way
 * record k of class c is synthesized from the class's parameters with seed (run seed + k) mod 2^32, the
 * same record as in the dataset that recipe describes; the source says which records are for training
 * and which for validation.
 */
import type { ClassName } from '../../core/units.ts';
import type { SyntheticRecipe } from '../../dataset/recipe.ts';
import { classSplit } from '../../dataset/split-assign.ts';
import {
  GENERATOR_VERSION,
  PRESETS,
  validateParams,
  withoutNoise,
  type SynthParams,
} from '../../synth/index.ts';
import type { SyntheticSpec } from './config.ts';
import { ExperimentError } from './experiment-error.ts';

/** The records of one class: its parameters, the run seed, and the record indices of each side. */
export interface SyntheticClassPlan {
  /** Every synthesizer parameter (className, fsHz, durationS set; the seed is set per record). */
  params: SynthParams;
  /** Record k has seed (seed + k) mod 2^32. */
  seed: number;
  train: number[];
  validation: number[];
}

/** The synthetic pre-training data of an experiment. */
export interface SyntheticSource {
  /** One line for reports, e.g. `config synthetic block` or `recipe recipe.json`. */
  description: string;
  /** What the provenance hash covers (its canonical JSON). */
  hashed: unknown;
  /** The records of class `className`; throws `ExperimentError` when the source has too few. */
  plan(className: ClassName): SyntheticClassPlan;
}

/** The synthesizer parameters of class `className` under the config's synthetic block. */
export function syntheticParams(spec: SyntheticSpec, className: ClassName): SynthParams {
  const base = validateParams(
    { ...spec.params, className, fsHz: spec.fsHz, durationS: spec.seconds, seed: spec.seed },
    PRESETS[spec.preset],
  );
  return spec.noise === 'none' ? withoutNoise(base) : base;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * The source of the config's synthetic block for tasks using `classes`: records 0 … countPerClass − 1
 * of each class for training, the next validationPerClass for validation. Its hash covers every
 * parameter of every class, the counts, the seed, the generator version and the window.
 */
export function sourceFromSpec(
  spec: SyntheticSpec,
  classes: readonly ClassName[],
  window: { fsHz: number; windowSamples: number },
): SyntheticSource {
  const { countPerClass: n, validationPerClass: v } = spec;
  return {
    description: `config synthetic block (${n} + ${v} records per class, seed ${spec.seed}, preset ${spec.preset})`,
    hashed: {
      format: 'pqrst-experiment-synthetic',
      generatorVersion: GENERATOR_VERSION,
      countPerClass: n,
      validationPerClass: v,
      seed: spec.seed,
      preset: spec.preset,
      noise: spec.noise,
      windowFsHz: window.fsHz,
      windowSamples: window.windowSamples,
      params: Object.fromEntries(classes.map((c) => [c, syntheticParams(spec, c)])),
    },
    plan: (className) => ({
      params: syntheticParams(spec, className),
      seed: spec.seed,
      train: range(0, n),
      validation: range(n, n + v),
    }),
  };
}

/**
 * The source of a validated recipe (validateRecipe), named `name` in messages: each class's records,
 * split by the recipe's own train/validation split, or without one, the last 20 % (at least one) for
 * validation. Its hash covers the recipe's canonical JSON, as the dataset's recipe.json.
 */
export function sourceFromRecipe(recipe: SyntheticRecipe, name: string): SyntheticSource {
  return {
    description: `recipe ${name} (seed ${recipe.seed}, ${recipe.durationS} s at ${recipe.fsHz} Hz)`,
    hashed: recipe,
    plan(className) {
      const c = recipe.classes.find((k) => k.className === className);
      if (c === undefined || c.count < 2) {
        throw new ExperimentError(
          `--recipe ${name}`,
          `class ${className} needs ≥ 2 records for pre-training, the recipe has ${c?.count ?? 0}`,
        );
      }
      let train: number[];
      let validation: number[];
      if (recipe.split !== null) {
        const side = classSplit(recipe.split, className, c.count);
        const all = range(0, c.count);
        train = all.filter((k) => side(k) === 'train');
        validation = all.filter((k) => side(k) === 'validation');
      } else {
        const nVal = Math.max(1, Math.round(0.2 * c.count));
        train = range(0, c.count - nVal);
        validation = range(c.count - nVal, c.count);
      }
      if (train.length === 0 || validation.length === 0) {
        throw new ExperimentError(
          `--recipe ${name}`,
          `class ${className}: its split leaves no training or no validation record`,
        );
      }
      return { params: c.params, seed: recipe.seed, train, validation };
    },
  };
}
