// Spectral analysis on signals with known spectra: sines, white noise and RR series with known modulation.
import { describe, expect, it } from 'vitest';
import { bandPower, peakFrequency, rrSpectrum, welchPsd, type Spectrum } from '../../src/analysis/index.ts';
import { createRng } from '../../src/core/rng.ts';

function sine(fsHz: number, durationS: number, hz: number, ampMv: number, offsetMv = 0): Float64Array {
  const x = new Float64Array(Math.round(fsHz * durationS));
  for (let i = 0; i < x.length; i++) x[i] = offsetMv + ampMv * Math.sin((2 * Math.PI * hz * i) / fsHz + 0.3);
  return x;
}

describe('welchPsd', () => {
  for (const [fsHz, hz, seg] of [
    [500, 50, 1024],
    [360, 60, 2048],
    [250, 50, 1000],
  ] as const) {
    it(`a ${hz} Hz sine of amplitude A at ${fsHz} Hz (segment ${seg}) peaks at ${hz} Hz with power A²/2 (±5 %)`, () => {
      const amp = 0.2;
      const psd = welchPsd(sine(fsHz, 60, hz, amp, 5), fsHz, seg);
      expect(Math.abs(peakFrequency(psd, 1, fsHz / 2) - hz)).toBeLessThanOrEqual(0.1);
      const total = bandPower(psd, 0, fsHz / 2);
      expect(Math.abs(total / (amp ** 2 / 2) - 1)).toBeLessThan(0.05);
      // A Hann window keeps the power within a few bins of the line (and the 5 mV offset is removed).
      expect(bandPower(psd, hz - 2, hz + 2) / total).toBeGreaterThan(0.99);
      expect(psd.psd[0]).toBeLessThan(1e-6);
    });
  }

  it('has bins k·fs/nfft from 0 to fs/2 (nfft: segment rounded up to a power of two)', () => {
    const psd = welchPsd(new Float64Array(5000), 500, 1000);
    expect(psd.freqHz.length).toBe(513);
    expect(psd.psd.length).toBe(513);
    expect(psd.freqHz[1]).toBeCloseTo(500 / 1024, 12);
    expect(psd.freqHz[512]).toBe(250);
    expect(Math.max(...psd.psd)).toBe(0);
  });

  it('white noise of sd s is flat at s²/(fs/2) (±5 % on average, ±8 % per 25 Hz band)', () => {
    const fsHz = 500;
    const sd = 0.05;
    const rng = createRng(11);
    const x = new Float32Array(fsHz * 300);
    for (let i = 0; i < x.length; i++) x[i] = sd * rng.normal();
    const psd = welchPsd(x, fsHz, 1024);
    const level = sd ** 2 / (fsHz / 2);
    const mean = bandPower(psd, 5, 245) / 240;
    expect(Math.abs(mean / level - 1)).toBeLessThan(0.05);
    for (let lo = 5; lo + 25 <= 245; lo += 20) {
      const band = bandPower(psd, lo, lo + 25) / 25;
      expect(Math.abs(band / level - 1)).toBeLessThan(0.08);
    }
    expect(Math.abs(bandPower(psd, 0, 250) / sd ** 2 - 1)).toBeLessThan(0.05);
  });

  it('uses the whole signal as one segment when it is shorter than the segment length', () => {
    const psd = welchPsd(sine(500, 1, 50, 1), 500, 1024);
    expect(psd.freqHz[1]).toBeCloseTo(500 / 512, 12);
    expect(Math.abs(peakFrequency(psd, 1, 250) - 50)).toBeLessThan(0.5);
  });
});

describe('bandPower and peakFrequency', () => {
  const spectrum = (step: number, values: number[]): Spectrum => ({
    freqHz: Float64Array.from(values, (_, k) => k * step),
    psd: Float64Array.from(values),
  });

  it('bandPower sums psd·Δf over the bins with low ≤ f ≤ high', () => {
    const flat = spectrum(0.5, new Array(21).fill(2));
    // Bins 1, 1.5, 2, 2.5, 3 Hz: 5 × 2 × 0.5.
    expect(bandPower(flat, 1, 3)).toBeCloseTo(5, 12);
    expect(bandPower(flat, 20, 30)).toBe(0);
  });

  it('peakFrequency recovers the vertex of a sampled parabola between bins', () => {
    const values = Array.from({ length: 11 }, (_, k) => 10 - (k * 0.5 - 2.3) ** 2);
    expect(peakFrequency(spectrum(0.5, values), 0, 5)).toBeCloseTo(2.3, 10);
    expect(peakFrequency(spectrum(0.5, values), 3.1, 5)).toBeCloseTo(3.5, 1);
    expect(Number.isNaN(peakFrequency(spectrum(0.5, values), 7, 8))).toBe(true);
  });
});

describe('rrSpectrum', () => {
  /** Beat times whose RR interval is 0.8 s + lf·sin(2π·0.1·t) + hf·sin(2π·0.25·t). */
  const beats = (durationS: number, lfS: number, hfS: number): number[] => {
    const times = [0];
    while (times[times.length - 1] < durationS) {
      const t = times[times.length - 1];
      times.push(t + 0.8 + lfS * Math.sin(2 * Math.PI * 0.1 * t) + hfS * Math.sin(2 * Math.PI * 0.25 * t));
    }
    return times;
  };

  it('RR modulated at 0.1 and 0.25 Hz peaks there, with about the modulation power (s²)', () => {
    const s = rrSpectrum(beats(300, 0.04, 0.03));
    // Default segment for 5 min at 4 Hz: 256 points.
    expect(s.freqHz[1]).toBeCloseTo(4 / 256, 12);
    expect(Math.abs(peakFrequency(s, 0.04, 0.15) - 0.1)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(peakFrequency(s, 0.15, 0.4) - 0.25)).toBeLessThanOrEqual(0.01);
    // A sinusoid of amplitude a has power a²/2; linear interpolation between beats loses a little of it.
    const lf = bandPower(s, 0.04, 0.15) / (0.04 ** 2 / 2);
    const hf = bandPower(s, 0.15, 0.4) / (0.03 ** 2 / 2);
    expect(lf).toBeGreaterThan(0.8);
    expect(lf).toBeLessThan(1.1);
    expect(hf).toBeGreaterThan(0.7);
    expect(hf).toBeLessThan(1.1);
  });

  it('accepts a Float64Array and a segment length, and a constant rhythm has no power', () => {
    const s = rrSpectrum(Float64Array.from(beats(300, 0.04, 0)), 4, 512);
    expect(s.freqHz[1]).toBeCloseTo(4 / 512, 12);
    expect(Math.abs(peakFrequency(s, 0.04, 0.4) - 0.1)).toBeLessThanOrEqual(0.01);
    const flat = rrSpectrum(Array.from({ length: 400 }, (_, k) => k * 0.75));
    expect(bandPower(flat, 0, 2)).toBeLessThan(1e-20);
  });

  it('needs at least three beats', () => {
    expect(() => rrSpectrum([0, 1])).toThrow(/at least 3 beats/);
  });
});
