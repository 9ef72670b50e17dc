/**
 * Table-based standard normal draws for per-sample noise, where Box-Muller's log/sqrt/cos per draw would
 * dominate synthesis time. One 32-bit uniform gives one draw: its top 12 bits pick a cell of a
 * 4096-entry inverse-CDF table, its low 20 bits interpolate linearly inside the cell. The result is a
 * continuous, symmetric distribution that matches the normal quantiles at every 1/4096 step; the
 * outermost cells stop at ±3.7 sd, and the table is rescaled so the variance is exactly 1.
 */
import type { Rng } from './rng.ts';

const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;

/** Standard normal CDF by Simpson integration of the density (start-up only, accurate to ~1e-12). */
function normalCdf(x: number): number {
  // Numerically integrate the pdf with Simpson's rule from 0 to |x| (done once at start-up).
  const n = 2048;
  const ax = Math.abs(x);
  const h = ax / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const t = i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * Math.exp(-0.5 * t * t);
  }
  const half = (sum * h) / 3 / Math.sqrt(2 * Math.PI);
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

/** Inverse normal CDF by bisection on `normalCdf` (start-up only). */
function normalQuantile(p: number): number {
  let lo = -9;
  let hi = 9;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function buildTable(): Float64Array {
  // Entry i is the quantile at the cell edge i / TABLE_SIZE, with the two open ends clamped to the
  // quantile of half a cell, so the table has TABLE_SIZE + 1 finite edges.
  const edges = new Float64Array(TABLE_SIZE + 1);
  const half = TABLE_SIZE / 2;
  for (let i = half; i <= TABLE_SIZE; i++) {
    const p = i === TABLE_SIZE ? 1 - 0.5 / TABLE_SIZE : i / TABLE_SIZE;
    edges[i] = i === half ? 0 : normalQuantile(p);
    edges[TABLE_SIZE - i] = -edges[i];
  }
  // Variance of the piecewise-linear-quantile distribution: the mean over cells of the integral of
  // (a + (b - a) u)^2 du = (a^2 + ab + b^2) / 3.
  let variance = 0;
  for (let i = 0; i < TABLE_SIZE; i++) {
    const a = edges[i];
    const b = edges[i + 1];
    variance += (a * a + a * b + b * b) / 3;
  }
  const scale = 1 / Math.sqrt(variance / TABLE_SIZE);
  for (let i = 0; i <= TABLE_SIZE; i++) edges[i] *= scale;
  return edges;
}

/** The quantile edges of the table (length 4097), exported for tests. */
export const NORMAL_TABLE: Float64Array = buildTable();

const INV_FRAC = 1 / (1 << (32 - TABLE_BITS));
const FRAC_MASK = (1 << (32 - TABLE_BITS)) - 1;

/** One approximately standard normal draw (unit variance, ±3.7 sd support) from one 32-bit uniform. */
export function fastNormalFromU32(u: number): number {
  const i = u >>> (32 - TABLE_BITS);
  const a = NORMAL_TABLE[i];
  return a + (NORMAL_TABLE[i + 1] - a) * ((u & FRAC_MASK) * INV_FRAC);
}

/** Fill `out` with fast normal draws from `rng`, scaled to standard deviation `sd`. */
export function fillFastNormal(rng: Rng, out: Float32Array | Float64Array, sd: number): void {
  for (let i = 0; i < out.length; i++) out[i] = sd * fastNormalFromU32(rng.nextU32());
}
