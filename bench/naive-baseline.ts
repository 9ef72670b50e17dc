// A deliberately plain synthesizer used only as the benchmark's baseline: every Gaussian evaluated
// with Math.exp at every sample of its beat, Box-Muller noise per sample, Math.sin for each sinusoid.
// It makes the same kind of record (10 s lead II, 5 waves per beat, wander + powerline + EMG + white)
// so the ratio shows what the real synthesizer's algorithm buys.
import { createRng } from '../src/core/rng.ts';

/** One naive record of `seconds` at `fsHz` with default-like noise. */
export function naiveRecord(seed: number, fsHz = 500, seconds = 10): Float32Array {
  const rng = createRng(seed);
  const n = Math.round(fsHz * seconds);
  const out = new Float32Array(n);
  const rrS = 0.8 + 0.05 * rng.normal();
  const waves = [
    [0.15, 0.018, -0.16],
    [-0.07, 0.008, -0.027],
    [1.1, 0.0095, 0],
    [-0.22, 0.009, 0.024],
    [0.3, 0.045, 0.25],
  ];
  for (let tR = -rrS; tR < seconds + rrS; tR += rrS + 0.01 * rng.normal()) {
    const from = Math.max(0, Math.floor((tR - rrS / 2) * fsHz));
    const to = Math.min(n, Math.floor((tR + rrS / 2) * fsHz));
    for (let i = from; i < to; i++) {
      const t = i / fsHz - tR;
      let v = 0;
      for (const [a, s, mu] of waves) v += a * Math.exp(-0.5 * ((t - mu) / s) ** 2);
      out[i] += v;
    }
  }
  let y1 = 0;
  for (let i = 0; i < n; i++) {
    const t = i / fsHz;
    const bm = Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
    const bm2 = Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
    y1 = 0.7 * y1 + 0.3 * bm;
    out[i] +=
      0.04 * Math.sin(2 * Math.PI * 0.25 * t) +
      0.01 * Math.sin(2 * Math.PI * 50 * t) +
      0.008 * (bm - y1) +
      0.005 * bm2;
  }
  return out;
}
