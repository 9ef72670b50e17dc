/** The synthesizer's public surface: schema, presets, validation, synthesis and the single-beat view. */
export { PARAM_SPECS, WAVES, paramSpec } from './params.ts';
export type {
  ParamSpec,
  NumberSpec,
  ChoiceSpec,
  SwitchSpec,
  SynthParams,
  Wave,
  ParamValues,
} from './params.ts';
export { DEFAULT_PARAMS, NONAKA2026_PARAMS, PRESETS, withoutNoise } from './presets.ts';
export type { PresetName } from './presets.ts';
export { validateParams, ParamError } from './validate.ts';
export { synthesize } from './synthesize.ts';
export type { SynthesizeOptions } from './synthesize.ts';
export { beatComponents } from './beat-components.ts';
export { beatViews } from './beat-views.ts';
export type { BeatView, BeatPart } from './beat-views.ts';
export type { BeatComponents } from './beat-components.ts';
export { recordSeed, recordRng } from './seed.ts';
export { GENERATOR_VERSION } from './version.ts';
export type { SynthRecord, Fiducials, RhythmNote } from './record.ts';
