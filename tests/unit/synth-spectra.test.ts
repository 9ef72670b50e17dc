// Spectra: the RR series peaks at the LF and HF frequencies asked for, and each noise source's spectrum
// is where it should be. Noise is isolated exactly as (record with noise) − (same record without).
import { describe, expect, it } from 'vitest';
import { bandPower, peakFrequency, rrSpectrum, welchPsd } from '../../src/analysis/index.ts';
import { rms } from '../../src/synth/noise.ts';
import { DEFAULT_PARAMS, synthesize, withoutNoise, type SynthParams } from '../../src/synth/index.ts';
import { deterministic } from './helpers/synth-params.ts';

function rPeakTimesS(params: SynthParams): number[] {
  const rec = synthesize(params);
  return Array.from(rec.rPeak, (s) => s / rec.fsHz);
}

describe('RR spectrum', () => {
  for (const [lfHz, hfHz] of [
    [0.1, 0.25],
    [0.08, 0.32],
  ]) {
    it(`peaks at LF ${lfHz} Hz and HF ${hfHz} Hz (5-min records)`, () => {
      for (const seed of [1, 2, 3]) {
        const params = { ...DEFAULT_PARAMS, durationS: 300, hrvSdMs: 50, lfHz, hfHz, lfHfRatio: 1, seed };
        const spectrum = rrSpectrum(rPeakTimesS(params), 4, 256);
        expect(Math.abs(peakFrequency(spectrum, 0.04, 0.15) - lfHz)).toBeLessThanOrEqual(0.02);
        expect(Math.abs(peakFrequency(spectrum, 0.15, 0.45) - hfHz)).toBeLessThanOrEqual(0.02);
      }
    });
  }

  it('the LF/HF power ratio follows lfHfRatio (median over 9 records within ×1.6)', () => {
    for (const ratio of [0.5, 2]) {
      const measured: number[] = [];
      for (let seed = 0; seed < 9; seed++) {
        const params = {
          ...DEFAULT_PARAMS,
          durationS: 300,
          hrvSdMs: 50,
          lfHfRatio: ratio,
          rrBeatSdS: 0,
          seed,
        };
        const s = rrSpectrum(rPeakTimesS(params), 4, 256);
        measured.push(bandPower(s, 0.04, 0.15) / bandPower(s, 0.15, 0.4));
      }
      const median = measured.sort((a, b) => a - b)[4];
      expect(median).toBeGreaterThan(ratio / 1.6);
      expect(median).toBeLessThan(ratio * 1.6);
    }
  });
});

/** The noise of `params` alone: synthesize with and without noise and subtract. */
function noiseOnly(params: SynthParams): Float64Array {
  const noisy = synthesize(params).signalMv;
  const clean = synthesize(withoutNoise(params)).signalMv;
  return Float64Array.from(noisy, (v, i) => v - clean[i]);
}

const QUIET = { ...deterministic(DEFAULT_PARAMS), durationS: 60, fsHz: 500 };
const ONLY = { wanderOn: false, powerlineOn: false, muscleOn: false, whiteOn: false };

describe('noise sources', () => {
  it('noise none is exactly zero: the isoelectric segments hold exact zeros', () => {
    const rec = synthesize(withoutNoise({ ...DEFAULT_PARAMS, seed: 7 }));
    const zeros = rec.signalMv.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(0.05 * rec.signalMv.length);
  });

  for (const hz of ['50', '60'] as const) {
    it(`powerline sits at ${hz} Hz with the set amplitude`, () => {
      const x = noiseOnly({ ...QUIET, ...ONLY, powerlineOn: true, powerlineHz: hz, powerlineMv: 0.05 });
      const psd = welchPsd(x, 500, 4096);
      expect(Math.abs(peakFrequency(psd, 1, 249) - Number(hz))).toBeLessThanOrEqual(0.2);
      // Fundamental amplitude 0.05 mV: power 0.05²/2 around the fundamental.
      const p = bandPower(psd, Number(hz) - 1, Number(hz) + 1);
      expect(p / (0.05 ** 2 / 2)).toBeGreaterThan(0.9);
      expect(p / (0.05 ** 2 / 2)).toBeLessThan(1.1);
    });
  }

  it('baseline wander is below 0.5 Hz', () => {
    const x = noiseOnly({ ...QUIET, ...ONLY, wanderOn: true, wanderMv: 0.3 });
    const psd = welchPsd(x, 500, 16384);
    const total = bandPower(psd, 0, 250);
    expect(bandPower(psd, 0, 0.5) / total).toBeGreaterThan(0.99);
    expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(0.3 + 1e-6);
  });

  it('muscle noise is broadband 20-150 Hz with the set RMS', () => {
    const x = noiseOnly({ ...QUIET, ...ONLY, muscleOn: true, muscleMv: 0.05 });
    const psd = welchPsd(x, 500, 1024);
    expect(bandPower(psd, 15, 170) / bandPower(psd, 0, 250)).toBeGreaterThan(0.9);
    expect(bandPower(psd, 0, 5) / bandPower(psd, 0, 250)).toBeLessThan(0.01);
    expect(rms(x) / 0.05).toBeGreaterThan(0.95);
    expect(rms(x) / 0.05).toBeLessThan(1.05);
  });

  it('white noise is flat with the set RMS', () => {
    const x = noiseOnly({ ...QUIET, ...ONLY, whiteOn: true, whiteMv: 0.02 });
    const psd = welchPsd(x, 500, 1024);
    const low = bandPower(psd, 10, 60) / 50;
    const high = bandPower(psd, 180, 230) / 50;
    expect(low / high).toBeGreaterThan(0.85);
    expect(low / high).toBeLessThan(1.15);
    expect(Math.abs(rms(x) / 0.02 - 1)).toBeLessThan(0.02);
  });

  it('levels set as SNR in dB give that SNR (±0.5 dB)', () => {
    for (const snrDb of [10, 20, 30]) {
      const params = { ...QUIET, ...ONLY, noiseUnit: 'dB' as const, whiteOn: true, whiteSnrDb: snrDb };
      const clean = synthesize(withoutNoise(params)).signalMv;
      const measured = 20 * Math.log10(rms(clean) / rms(noiseOnly(params)));
      expect(Math.abs(measured - snrDb)).toBeLessThanOrEqual(0.5);
    }
  });
});
