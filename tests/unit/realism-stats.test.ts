// The realism statistics on inputs whose answers are known: Wasserstein distances of shifted and scaled
// samples, shared-bin histograms that integrate to 1, an unbiased MMD that is ≈ 0 for one distribution
// and grows with the difference, interval samples that read the synthesizer's heart rate, and SVG
// figures with axes and units.
import { describe, expect, it } from 'vitest';
import {
  intervalSamples,
  mmdUnbiased,
  normalisedSpectra,
  pairHistogram,
  realismFigures,
  realismStatistics,
  svgChart,
  wasserstein1,
  type EcgSet,
} from '../../src/analysis/realism/index.ts';
import { createRng } from '../../src/core/rng.ts';
import { DEFAULT_PARAMS, synthesize, type SynthParams } from '../../src/synth/index.ts';

/** `n` synthesised windows of `params` (seeds from `seed0`), `durationS` long. */
function synthSet(params: Partial<SynthParams>, n: number, seed0: number, durationS = 10): EcgSet {
  const p = { ...DEFAULT_PARAMS, durationS, ...params };
  const L = Math.round(p.fsHz * durationS);
  const x = new Float32Array(n * L);
  for (let i = 0; i < n; i++) x.set(synthesize({ ...p, seed: seed0 + i }).signalMv, i * L);
  return { fsHz: p.fsHz, windowSamples: L, x };
}

describe('wasserstein1', () => {
  it('is the shift between a sample and its shifted copy, and the mean gap of point masses', () => {
    const a = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(wasserstein1(a, a)).toBe(0);
    expect(
      wasserstein1(
        a,
        a.map((v) => v + 2.5),
      ),
    ).toBeCloseTo(2.5, 12);
    expect(wasserstein1([0], [1])).toBe(1);
    // Half the mass moves by 2: W = 1.
    expect(wasserstein1([0, 0], [0, 2])).toBeCloseTo(1, 12);
    expect(wasserstein1([1, NaN], [])).toBeNaN();
  });

  it('of U(0,1) and U(0,2) samples is near the exact 0.5', () => {
    const rng = createRng(4);
    const a = Array.from({ length: 20000 }, () => rng.uniform());
    const b = Array.from({ length: 20000 }, () => 2 * rng.uniform());
    expect(wasserstein1(a, b)).toBeCloseTo(0.5, 1);
  });
});

describe('pairHistogram', () => {
  it('puts both samples on shared bins whose densities integrate to 1', () => {
    const rng = createRng(5);
    const a = Array.from({ length: 1000 }, () => rng.normal());
    const b = Array.from({ length: 300 }, () => 1 + rng.normal());
    const h = pairHistogram(a, b, 20);
    expect(h.edges.length).toBe(21);
    const w = h.edges[1] - h.edges[0];
    expect(h.a.reduce((s, v) => s + v * w, 0)).toBeCloseTo(1, 12);
    expect(h.b.reduce((s, v) => s + v * w, 0)).toBeCloseTo(1, 12);
    expect([h.nA, h.nB]).toEqual([1000, 300]);
  });
});

describe('mmdUnbiased', () => {
  const rng = createRng(6);
  const gauss = (n: number, shift: number) =>
    Array.from({ length: n }, () => Float64Array.from({ length: 5 }, () => rng.normal() + shift));

  it('is ≈ 0 for two samples of one distribution and clearly positive for shifted ones', () => {
    const same = mmdUnbiased(gauss(300, 0), gauss(300, 0));
    const shifted = mmdUnbiased(gauss(300, 0), gauss(300, 0.5));
    expect(Math.abs(same.mmd2)).toBeLessThan(0.01);
    expect(shifted.mmd2).toBeGreaterThan(10 * Math.abs(same.mmd2));
    expect(shifted.mmd2).toBeGreaterThan(0.02);
    // Median heuristic: pairwise distances of 5-D unit normals are ≈ √(2·5) ≈ 3.
    expect(same.bandwidth).toBeGreaterThan(2.5);
    expect(same.bandwidth).toBeLessThan(3.5);
  });

  it('matches the estimator written out for three and two points', () => {
    const x = [Float64Array.of(0), Float64Array.of(1), Float64Array.of(3)];
    const y = [Float64Array.of(0), Float64Array.of(2)];
    const k = (a: number, b: number) => Math.exp(-((a - b) ** 2) / 2);
    const xx = (2 * (k(0, 1) + k(0, 3) + k(1, 3))) / 6;
    const yy = (2 * k(0, 2)) / 2;
    const xy = (2 * [0, 1, 3].reduce((s, a) => s + k(a, 0) + k(a, 2), 0)) / 6;
    expect(mmdUnbiased(x, y, 1).mmd2).toBeCloseTo(xx + yy - xy, 12);
  });
});

describe('interval samples and spectra of synthetic windows', () => {
  it('RR samples read the heart rate; normalised spectra sum to 1 on 0.5-40 Hz', () => {
    const set = synthSet({ heartRateBpm: 75, rrRecordSdS: 0 }, 6, 1);
    const s = intervalSamples(set);
    const meanRr = s.rrMs.reduce((a, b) => a + b, 0) / s.rrMs.length;
    expect(meanRr).toBeGreaterThan(750);
    expect(meanRr).toBeLessThan(850);
    expect(s.qrsMs.length).toBe(6);
    expect(s.prMs.every((v) => v > 100 && v < 220)).toBe(true);
    const spectra = normalisedSpectra(set);
    expect(spectra[0].length).toBe(80);
    expect(spectra[0].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('realism report and figures', () => {
  it('compares two sets and draws one histogram per interval and the spectra, with units', () => {
    const report = realismStatistics('nsr', synthSet({}, 8, 1), synthSet({ heartRateBpm: 100 }, 8, 100));
    expect(report.intervals.rr.wasserstein).toBeGreaterThan(100); // 72 vs 100 bpm: ≈ 230 ms apart
    expect(report.intervals.rr.real.n).toBeGreaterThan(50);
    expect(report.spectrum.freqHz.length).toBe(report.spectrum.real.length);
    const figures = realismFigures(report);
    expect(Object.keys(figures).sort()).toEqual([
      'intervals-pr.svg',
      'intervals-qrs.svg',
      'intervals-qt.svg',
      'intervals-rr.svg',
      'spectrum.svg',
    ]);
    const rr = figures['intervals-rr.svg'];
    expect(rr.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(rr).toContain('RR (ms)');
    expect(rr).toContain('density (1/ms)');
    expect(rr).toMatch(/Wasserstein distance \d+\.\d ms/);
    expect(figures['spectrum.svg']).toContain('frequency (Hz)');
    expect(rr.match(/<polyline/g)?.length).toBe(2);
    expect(rr.trim().endsWith('</svg>')).toBe(true);
  });

  it('escapes text in SVG', () => {
    const svg = svgChart({ title: 'a < b & "c"', xLabel: 'x', yLabel: 'y', series: [] });
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;');
  });
});
