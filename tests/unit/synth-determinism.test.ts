// Determinism: same recipe and seed give identical samples; a golden hash per generatorVersion pins
// the output; no NaN/Inf anywhere in the parameter space.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenHashes, sha256 } from '../golden/recipes.ts';
import { createRng } from '../../src/core/rng.ts';
import {
  DEFAULT_PARAMS,
  GENERATOR_VERSION,
  NONAKA2026_PARAMS,
  PARAM_SPECS,
  synthesize,
  validateParams,
  type SynthParams,
} from '../../src/synth/index.ts';

describe('determinism', () => {
  it('the same parameters give the identical Float32Array; seeds and classes change it', () => {
    const a = synthesize({ ...DEFAULT_PARAMS, seed: 5 });
    const b = synthesize({ ...DEFAULT_PARAMS, seed: 5 });
    expect(sha256(a.signalMv)).toBe(sha256(b.signalMv));
    expect(Array.from(a.rPeak)).toEqual(Array.from(b.rPeak));
    expect(sha256(synthesize({ ...DEFAULT_PARAMS, seed: 6 }).signalMv)).not.toBe(sha256(a.signalMv));
    for (const className of ['af', 'afl', 'pvc', 'wpw'] as const) {
      const other = synthesize({ ...DEFAULT_PARAMS, className, seed: 5 });
      expect(sha256(other.signalMv)).not.toBe(sha256(a.signalMv));
      expect(sha256(synthesize({ ...DEFAULT_PARAMS, className, seed: 5 }).signalMv)).toBe(
        sha256(other.signalMv),
      );
    }
  });

  it('one run does not disturb the next (no hidden state between calls)', () => {
    const first = sha256(synthesize({ ...DEFAULT_PARAMS, seed: 11 }).signalMv);
    synthesize({ ...NONAKA2026_PARAMS, seed: 1, durationS: 600, fsHz: 1000 });
    expect(sha256(synthesize({ ...DEFAULT_PARAMS, seed: 11 }).signalMv)).toBe(first);
  });

  it(`golden hashes for generatorVersion ${GENERATOR_VERSION}`, () => {
    const golden = JSON.parse(readFileSync(new URL('../golden/synth-golden.json', import.meta.url), 'utf8'));
    const pinned = golden[GENERATOR_VERSION];
    expect(pinned, `no golden hashes for ${GENERATOR_VERSION}: a new version needs them added`).toBeDefined();
    expect(goldenHashes(), 'the output changed: bump GENERATOR_VERSION and add its hashes').toEqual(pinned);
  });
});

/** A random parameter set drawn uniformly over every parameter's range (duration capped at 10 s). */
function randomParams(rng: ReturnType<typeof createRng>): SynthParams {
  const input: Record<string, unknown> = {};
  for (const spec of PARAM_SPECS) {
    if (spec.kind === 'number') {
      const max = spec.key === 'durationS' ? 10 : spec.max;
      const v = spec.min + (max - spec.min) * rng.uniform();
      input[spec.key] = spec.integer ? Math.round(v) : v;
    } else if (spec.kind === 'choice') {
      input[spec.key] = spec.options[Math.floor(rng.uniform() * spec.options.length)];
    } else {
      input[spec.key] = rng.uniform() < 0.5;
    }
  }
  return validateParams(input);
}

describe('robustness', () => {
  it('10,000 recipes drawn over every parameter range give finite samples and valid annotations', () => {
    const rng = createRng(2026);
    for (let i = 0; i < 10_000; i++) {
      const params = randomParams(rng);
      const rec = synthesize(params);
      const n = Math.round(params.durationS * params.fsHz);
      expect(rec.signalMv.length).toBe(n);
      let finite = true;
      for (let k = 0; k < n; k++) if (!Number.isFinite(rec.signalMv[k])) finite = false;
      if (!finite) throw new Error(`non-finite sample for ${JSON.stringify(params)}`);
      for (let b = 0; b < rec.rPeak.length; b++) {
        if (rec.rPeak[b] < 0 || rec.rPeak[b] >= n || (b > 0 && rec.rPeak[b] < rec.rPeak[b - 1])) {
          throw new Error(`bad R peaks for ${JSON.stringify(params)}`);
        }
      }
    }
  });
});
