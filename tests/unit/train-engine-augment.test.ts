// Per-sample z-score and the seeded augmentation of the training recipe.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.ts';
import { augmentWindow } from '../../src/train/augment.ts';
import { zScoreRows } from '../../src/train/zscore.ts';

describe('zScoreRows', () => {
  it('gives every row mean 0 and sd 1, and a constant row zeros', () => {
    const L = 100;
    const x = new Float32Array(3 * L);
    for (let t = 0; t < L; t++) {
      x[t] = 5 + 3 * Math.sin(t / 7);
      x[L + t] = t % 2 === 0 ? -2 : 4;
      x[2 * L + t] = 1.5;
    }
    const z = zScoreRows(x, 3, L);
    for (const r of [0, 1]) {
      const row = Array.from(z.subarray(r * L, (r + 1) * L));
      const mean = row.reduce((a, b) => a + b, 0) / L;
      const sd = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / L);
      expect(mean).toBeCloseTo(0, 5);
      expect(sd).toBeCloseTo(1, 5);
    }
    expect(z[L]).toBeCloseTo(-1, 5); // alternating −2/4: mean 1, sd 3
    expect(Array.from(z.subarray(2 * L))).toEqual(new Array(L).fill(0));
  });
});

describe('augmentWindow', () => {
  const L = 50;
  const src = Float32Array.from({ length: L }, (_, i) => i + 1);

  it('shifts circularly by at most shiftMaxSamples', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) {
      const dst = new Float32Array(L);
      augmentWindow(src, dst, { maskFraction: 0, shiftMaxSamples: 5 }, rng);
      const s = dst[0] - 1; // dst[0] = src[(0 − shift) mod L] = src[L − shift]
      const shift = s === 0 ? 0 : L - s;
      for (let i = 0; i < L; i++) expect(dst[i]).toBe(src[(((i - shift) % L) + L) % L]);
      seen.add(shift > L / 2 ? shift - L : shift);
    }
    expect(Math.min(...seen)).toBe(-5);
    expect(Math.max(...seen)).toBe(5);
  });

  it('zeros one run of at most maskFraction of the window, and is reproducible from the seed', () => {
    const run = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 100 }, () => {
        const dst = new Float32Array(L);
        augmentWindow(src, dst, { maskFraction: 0.3, shiftMaxSamples: 0 }, rng);
        return dst;
      });
    };
    const a = run(9);
    let longest = 0;
    for (const dst of a) {
      const zeros = [...dst.keys()].filter((i) => dst[i] === 0);
      if (zeros.length > 0) expect(zeros.at(-1)! - zeros[0] + 1).toBe(zeros.length); // one contiguous run
      longest = Math.max(longest, zeros.length);
      for (let i = 0; i < L; i++) if (dst[i] !== 0) expect(dst[i]).toBe(src[i]);
    }
    expect(longest).toBeLessThanOrEqual(15);
    expect(longest).toBeGreaterThanOrEqual(12);
    expect(run(9)).toEqual(a);
    expect(run(10)).not.toEqual(a);
  });
});
