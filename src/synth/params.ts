/**
 * The one typed parameter schema of the synthesizer (all five classes). Every parameter has a key, a unit, a
 * range and a default; the studio builds its controls from this table, the URL hash and preset files
 * round-trip through it, and `validateParams` checks any input against it.
 */
import type { ClassName } from '../core/units.ts';
import type { ParamSpec } from './param-types.ts';
import { CLASS_SPECS } from './specs-classes.ts';
import { NOISE_SPECS, RECORD_SPECS, RHYTHM_SPECS } from './specs-record.ts';
import { WAVES, waveSpecs, type Wave, type WaveField } from './specs-waves.ts';

export type { ChoiceSpec, NumberSpec, ParamSpec, SwitchSpec } from './param-types.ts';
export { WAVES, type Wave, type WaveField } from './specs-waves.ts';

/** Every synthesizer parameter, in the order the studio shows them. */
export const PARAM_SPECS: readonly ParamSpec[] = [
  ...RECORD_SPECS,
  ...CLASS_SPECS,
  ...WAVES.flatMap(waveSpecs),
  ...RHYTHM_SPECS,
  ...NOISE_SPECS,
];

/** Parameter values by key: numbers, choice strings and switches. */
export type ParamValues = Record<string, number | string | boolean>;

/** The spec of `key`, or undefined. */
export function paramSpec(key: string): ParamSpec | undefined {
  return SPEC_BY_KEY.get(key);
}

const SPEC_BY_KEY = new Map(PARAM_SPECS.map((s) => [s.key, s]));

/** The complete, validated parameter set of one synthesizer run. */
export interface SynthParams extends Record<`${Wave}${WaveField}`, number> {
  className: ClassName;
  afRateBpm: number;
  afRateBpmRecordSd: number;
  afRrCv: number;
  afRrCvRecordSd: number;
  afFWaveHz: number;
  afFWaveHzRecordSd: number;
  afFWaveAmpMv: number;
  afFWaveAmpMvRecordSd: number;
  afIrregularity: number;
  afIrregularityRecordSd: number;
  aflRateBpm: number;
  aflRateBpmRecordSd: number;
  aflAmpMv: number;
  aflAmpMvRecordSd: number;
  aflPolarity: 'negative' | 'positive';
  aflConduction: 'any' | '2:1' | '3:1' | '4:1' | 'variable';
  aflAvDelayMs: number;
  aflAvDelayMsRecordSd: number;
  pvcPattern: 'any' | 'isolated' | 'bigeminy' | 'trigeminy' | 'couplets';
  pvcBurdenPct: number;
  pvcBurdenPctRecordSd: number;
  pvcCouplingPct: number;
  pvcCouplingPctRecordSd: number;
  pvcQrsMs: number;
  pvcQrsMsRecordSd: number;
  pvcAmpMv: number;
  pvcAmpMvRecordSd: number;
  pvcTAmpMv: number;
  pvcTAmpMvRecordSd: number;
  wpwPrMs: number;
  wpwPrMsRecordSd: number;
  wpwDeltaMs: number;
  wpwDeltaMsRecordSd: number;
  wpwDeltaAmpMv: number;
  wpwDeltaAmpMvRecordSd: number;
  wpwTScale: number;
  wpwTScaleRecordSd: number;
  beatModel: 'rr-adaptive' | 'stretch-1s';
  fsHz: number;
  durationS: number;
  seed: number;
  heartRateBpm: number;
  rrRecordSdS: number;
  hrvSdMs: number;
  lfHz: number;
  hfHz: number;
  lfWidthHz: number;
  hfWidthHz: number;
  lfHfRatio: number;
  rrBeatSdS: number;
  prRateExponent: number;
  qtRateExponent: number;
  noiseUnit: 'mV' | 'dB';
  wanderOn: boolean;
  wanderMv: number;
  wanderSnrDb: number;
  wanderHz: number;
  powerlineOn: boolean;
  powerlineMv: number;
  powerlineSnrDb: number;
  powerlineHz: '50' | '60';
  muscleOn: boolean;
  muscleMv: number;
  muscleSnrDb: number;
  whiteOn: boolean;
  whiteMv: number;
  whiteSnrDb: number;
  augmentOn: boolean;
  walkStep: number;
  walkStepRecordSd: number;
  walkStepBeatSd: number;
}
