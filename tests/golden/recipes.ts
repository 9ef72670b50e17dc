// The fixed recipes whose output hashes are pinned per generatorVersion in synth-golden.json.
// After a deliberate change to the synthesizer's output: bump GENERATOR_VERSION, then run
// `npx tsx tests/golden/recipes.ts` and add the printed entry to synth-golden.json.
import { createHash } from 'node:crypto';
import {
  DEFAULT_PARAMS,
  GENERATOR_VERSION,
  NONAKA2026_PARAMS,
  synthesize,
  withoutNoise,
  type SynthParams,
} from '../../src/synth/index.ts';

/** SHA-256 (hex) of a signal's bytes. */
export const sha256 = (x: Float32Array) =>
  createHash('sha256')
    .update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength))
    .digest('hex');

/** The fixed recipes whose hashes are pinned in tests/golden/synth-golden.json. */
export const GOLDEN_RECIPES: Record<string, SynthParams> = {
  'default-10s-500Hz-seed42': { ...DEFAULT_PARAMS, seed: 42 },
  'default-none-30s-360Hz-seed7': withoutNoise({ ...DEFAULT_PARAMS, seed: 7, durationS: 30, fsHz: 360 }),
  'nonaka2026-10s-500Hz-seed42': { ...NONAKA2026_PARAMS, seed: 42 },
  'default-dB-10s-1000Hz-seed3': {
    ...DEFAULT_PARAMS,
    seed: 3,
    fsHz: 1000,
    noiseUnit: 'dB',
    powerlineHz: '60',
  },
  'af-10s-500Hz-seed42': { ...DEFAULT_PARAMS, className: 'af', seed: 42 },
  'afl-10s-250Hz-seed42': { ...DEFAULT_PARAMS, className: 'afl', seed: 42, fsHz: 250 },
  'pvc-20s-500Hz-seed42': { ...DEFAULT_PARAMS, className: 'pvc', seed: 42, durationS: 20 },
  'wpw-10s-500Hz-seed42': { ...DEFAULT_PARAMS, className: 'wpw', seed: 42 },
};

/** The hash of every golden recipe's output, by name. */
export function goldenHashes(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(GOLDEN_RECIPES).map(([name, p]) => [name, sha256(synthesize(p).signalMv)]),
  );
}

if (process.argv[1]?.endsWith('recipes.ts')) {
  process.stdout.write(JSON.stringify({ [GENERATOR_VERSION]: goldenHashes() }, null, 2) + '\n');
}
