// The seeded RNG and the fast normal table: distribution facts, not implementation copies.
import { describe, expect, it } from 'vitest';
import { fillFastNormal, NORMAL_TABLE } from '../../src/core/fast-normal.ts';
import { createRng, fnv1a32, mix32 } from '../../src/core/rng.ts';

describe('seeded RNG', () => {
  it('is reproducible and depends on seed and stream', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const d = createRng(42, fnv1a32('af'));
    const seq = (r: ReturnType<typeof createRng>) => Array.from({ length: 8 }, () => r.nextU32());
    const sa = seq(a);
    expect(seq(b)).toEqual(sa);
    expect(seq(c)).not.toEqual(sa);
    expect(seq(d)).not.toEqual(sa);
  });

  it('uniform draws are uniform (χ² over 64 bins) and in [0, 1)', () => {
    const rng = createRng(7);
    const bins = new Array(64).fill(0);
    const n = 640_000;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 64)]++;
    }
    const expected = n / 64;
    const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // 63 degrees of freedom: the 99.9th percentile is 103.4.
    expect(chi2).toBeLessThan(103.4);
  });

  it('Box-Muller normals have mean 0, sd 1 and 4.55 % beyond ±2 sd', () => {
    const rng = createRng(9);
    const n = 400_000;
    let s = 0, s2 = 0, beyond = 0; // prettier-ignore
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      s += x;
      s2 += x * x;
      if (Math.abs(x) > 2) beyond++;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(s2 / n) - 1)).toBeLessThan(0.01);
    expect(Math.abs(beyond / n - 0.0455)).toBeLessThan(0.002);
  });

  it('mix32 is a bijection on a sample (no collisions among 100k consecutive inputs)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(mix32(i));
    expect(seen.size).toBe(100_000);
  });
});

describe('fast normal table', () => {
  it('matches standard normal quantiles', () => {
    // Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.8413447) = 1.0 (table index for p is round(p·65536 − 0.5)).
    const at = (p: number) => NORMAL_TABLE[Math.round(p * 65536 - 0.5)];
    expect(Math.abs(at(0.975) - 1.959964)).toBeLessThan(0.002);
    expect(Math.abs(at(0.8413447) - 1)).toBeLessThan(0.002);
    expect(at(0.5)).toBeGreaterThan(0);
    expect(NORMAL_TABLE[0]).toBeCloseTo(-NORMAL_TABLE[65535], 12);
  });

  it('draws have unit variance, kurtosis 3 and no lag-1 correlation', () => {
    const x = new Float64Array(1_000_000);
    fillFastNormal(createRng(3), x, 1);
    let m = 0, v = 0, k = 0, c = 0; // prettier-ignore
    for (let i = 0; i < x.length; i++) m += x[i];
    m /= x.length;
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - m;
      v += d * d;
      k += d ** 4;
      if (i > 0) c += d * (x[i - 1] - m);
    }
    v /= x.length;
    expect(Math.abs(m)).toBeLessThan(0.005);
    expect(Math.abs(v - 1)).toBeLessThan(0.005);
    expect(Math.abs(k / x.length / (v * v) - 3)).toBeLessThan(0.03);
    expect(Math.abs(c / x.length / v)).toBeLessThan(0.005);
  });
});
