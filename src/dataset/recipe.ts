/**
 * A synthetic dataset recipe: everything needed to regenerate a dataset byte for byte. It is written
 * as `recipe.json` in every dataset folder.
 */
import type { ClassName } from '../core/units.ts';
import type { PresetName, SynthParams } from '../synth/index.ts';

/** Output formats of a dataset folder. */
export const OUTPUT_FORMATS = ['wfdb', 'npy', 'csv'] as const;
/** One output format: `wfdb` (wfdb/ folder), `npy` (signals.npy) or `csv` (csv/ folder). */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Noise settings by name: `default` (the preset's sources) or `none` (exactly zero noise and wander). */
export type NoiseSetting = 'default' | 'none';

/** The recipe of a synthetic dataset. */
export interface SyntheticRecipe {
  format: 'pqrst-recipe';
  generatorVersion: string;
  className: ClassName;
  count: number;
  /** The run's seed; record r has seed (seed + r) mod 2^32 (see synth/seed.ts). */
  seed: number;
  preset: PresetName;
  noise: NoiseSetting;
  output: OutputFormat;
  /** Every synthesizer parameter, noise applied (params.seed is the run's seed). */
  params: SynthParams;
}

/** WFDB record name of row `index`: `{class}_{index:06d}`. */
export function recordName(className: ClassName, index: number): string {
  return `${className}_${String(index).padStart(6, '0')}`;
}
