/** The starting parameters of a class in a recipe: its preset with the recipe's record settings. */
import type { ClassName } from '../core/units.ts';
import { PRESETS, withoutNoise, type SynthParams } from '../synth/index.ts';
import type { NoiseSetting, RecipePreset } from './recipe.ts';

/** The settings every class of a recipe shares. */
export interface RecordSettings {
  preset: RecipePreset;
  noise: NoiseSetting;
  fsHz: number;
  durationS: number;
  seed: number;
}

/**
 * The full parameters class `className` starts from: the preset (`custom` starts from `default`), with
 * every noise source and augmentation off for noise `none`, and the recipe's fsHz, durationS and seed.
 * Not validated: ranges are checked when the recipe is (validateRecipe).
 */
export function presetClassParams(className: ClassName, s: RecordSettings): SynthParams {
  const base = PRESETS[s.preset === 'custom' ? 'default' : s.preset];
  const params = { ...base, className, fsHz: s.fsHz, durationS: s.durationS, seed: s.seed };
  return s.noise === 'none' ? withoutNoise(params) : params;
}
