// The classifier two-sample test with the real training engine (Node, WASM or CPU backend): two
// synthetic sets of one recipe are indistinguishable (|AUROC − 0.5| ≤ 0.1 with 500 windows per side),
// two classes are told apart, and real MIT-BIH sinus rhythm is clearly told apart from synthetic sinus
// rhythm. Short windows (2.5 s at 100 Hz), a tiny CNN and 3 epochs keep it to seconds.
import { beforeAll, describe, expect, it } from 'vitest';
import { classifierTwoSample, type EcgSet } from '../../src/analysis/realism/index.ts';
import { createNodeTrainer } from '../../src/cli/tf-node.ts';
import { bytesImportSources } from '../../src/dataset/bytes-import.ts';
import type { Trainer } from '../../src/train/types.ts';
import { DEFAULT_PARAMS, synthesize, type SynthParams } from '../../src/synth/index.ts';
import { describeWithEcgData, readEcgBytes } from './helpers/ecg-data.ts';

const N = 500;

/** `n` synthesised 2.5-s windows at 100 Hz of `params`, seeds from `seed0`, one record each. */
function synthSet(params: Partial<SynthParams>, n: number, seed0: number): EcgSet {
  const L = 250;
  const x = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    x.set(
      synthesize({ ...DEFAULT_PARAMS, fsHz: 100, durationS: 2.5, ...params, seed: seed0 + i }).signalMv,
      i * L,
    );
  }
  return { fsHz: 100, windowSamples: L, x, groups: Array.from({ length: n }, (_, i) => `s${seed0 + i}`) };
}

let trainer: Trainer;
beforeAll(async () => {
  trainer = await createNodeTrainer();
}, 60_000);

describe('classifierTwoSample', () => {
  it('two synthetic sets of one recipe: |AUROC − 0.5| ≤ 0.1 at 500 windows per side', async () => {
    const r = await classifierTwoSample(trainer, synthSet({}, N, 0), synthSet({}, N, 1_000_000), { seed: 3 });
    expect(r.nReal).toBe(N);
    expect(r.nSynthetic).toBe(N);
    expect(r.split).toBe('by-record');
    expect(r.nTest).toBe(400);
    expect(Math.abs(r.auroc - 0.5)).toBeLessThanOrEqual(0.1);
  }, 60_000);

  it('tells two classes apart (AF against sinus rhythm): AUROC ≥ 0.9', async () => {
    const r = await classifierTwoSample(
      trainer,
      synthSet({ className: 'af' }, 200, 0),
      synthSet({}, 200, 0),
      {
        seed: 3,
      },
    );
    expect(r.auroc).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('refuses sets too small for the three splits', async () => {
    await expect(classifierTwoSample(trainer, synthSet({}, 1, 0), synthSet({}, 1, 5))).rejects.toThrow(
      /too few windows/,
    );
  });
});

describeWithEcgData('classifierTwoSample on real data', (dataDir) => {
  it('real MIT-BIH sinus rhythm against synthetic sinus rhythm: AUROC ≥ 0.8', async () => {
    // 10-s windows of records 100, 103 and 105 (sinus rhythm throughout), ~540 windows.
    const L = 3600;
    const rows: Float32Array[] = [];
    const groups: string[] = [];
    for (const rec of ['100', '103', '105']) {
      const files = ['hea', 'dat', 'atr'].map((ext) => ({
        name: `${rec}.${ext}`,
        bytes: readEcgBytes(dataDir, `mitdb/original/${rec}.${ext}`),
      }));
      const r = await bytesImportSources(files, { lead: 'II' }).sources[0].load();
      for (let s = 0; s + L <= r.signalMv.length; s += L) {
        rows.push(r.signalMv.slice(s, s + L));
        groups.push(rec);
      }
    }
    const x = new Float32Array(rows.length * L);
    rows.forEach((row, i) => x.set(row, i * L));
    const real: EcgSet = { fsHz: 360, windowSamples: L, x, groups };
    const r = await classifierTwoSample(trainer, real, synthSet({}, N, 0), { seed: 3 });
    expect(r.split).toBe('by-time-within-record');
    expect(r.auroc).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
