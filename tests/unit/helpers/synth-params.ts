// Test helpers for synthesizer parameters.
import { PARAM_SPECS, withoutNoise, type SynthParams } from '../../../src/synth/index.ts';

/** `params` with every variability sd (record, beat, HRV, RR jitter) and all noise set to zero. */
export function deterministic(params: SynthParams): SynthParams {
  const out: Record<string, unknown> = { ...withoutNoise(params), hrvSdMs: 0, rrBeatSdS: 0, rrRecordSdS: 0 };
  for (const spec of PARAM_SPECS) if (/(Record|Beat)Sd/.test(spec.key)) out[spec.key] = 0;
  return out as unknown as SynthParams;
}
