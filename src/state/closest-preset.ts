/** Choose the built-in preset a parameter set is closest to, so its URL hash stays short. */
import { PRESETS, type PresetName, type SynthParams } from '../synth/index.ts';

/** The built-in preset with the fewest parameters different from `params` (ties: `default`). */
export function closestPreset(params: Readonly<SynthParams>): PresetName {
  let best: PresetName = 'default';
  let bestDiff = Infinity;
  for (const name of Object.keys(PRESETS) as PresetName[]) {
    const preset = PRESETS[name];
    const diff = (Object.keys(preset) as (keyof SynthParams)[]).filter((k) => preset[k] !== params[k]).length;
    if (diff < bestDiff) {
      best = name;
      bestDiff = diff;
    }
  }
  return best;
}
