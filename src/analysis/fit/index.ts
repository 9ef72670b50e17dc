/**
 * Fitting the synthesizer's beat model to real ECGs: a bounded Levenberg-Marquardt fit of the P, Q, R, S,
 * T Gaussians (plus the WPW delta wave) to median beat templates and to every beat, f-waves for AF and
 * flutter, per-beat parameter distributions, and class presets made from them. Pure: plain data in and
 * out, an abort signal and progress callbacks, so it runs in a worker.
 */
export {
  beatDistributions,
  type BeatDistributions,
  type BeatSummaryOptions,
  type WaveDistributions,
} from './beat-distributions.ts';
export { beatParamsAt, type PerBeatFits } from './beat-fits.ts';
export { classPreset, type ClassPresetResult } from './class-preset.ts';
export { distributionOf, type ParamDistribution } from './distributions.ts';
export { fitBeat, type FitBeatOptions, type TemplateFit } from './fit-beat.ts';
export { fitFWaves, type FWaveWindow } from './fit-f-waves.ts';
export {
  fitRecord,
  type FitRecordOptions,
  type RecordFit,
  type SkippedTemplate,
  type TemplateResult,
} from './fit-record.ts';
export {
  WAVE_NAMES,
  type BeatFit,
  type BeatModelOptions,
  type BeatParams,
  type DeltaFit,
  type FWaveFit,
  type WaveFit,
  type WaveName,
} from './fit-types.ts';
export {
  levenbergMarquardt,
  type LeastSquaresProblem,
  type LmOptions,
  type LmResult,
} from './levenberg-marquardt.ts';
export { FitInputError, type BeatType, type FitRecordInput } from './record-beats.ts';
