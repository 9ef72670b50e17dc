/**
 * Table-based standard normal draws for per-sample noise, where Box-Muller's log/sqrt/cos per draw would
 * dominate synthesis time. The table holds the normal quantiles at the 65,536 cell midpoints
 * (i + ½)/65,536, rescaled so the table's variance is exactly 1; a draw is one table entry picked by a
 * 16-bit uniform, so one 32-bit random word gives two draws. The support is ±4.3 sd and the spacing near
 * the centre is 4·10⁻⁵ sd, far below anything an ECG noise model can show.
 */
import type { Rng } from './rng.ts';
import { detExp } from './det-math.ts';

const TABLE_SIZE = 65536;
const GRID_HALF_RANGE = 6;
const GRID_STEPS = 1 << 18;

/**
 * Build the table: integrate the normal density on a fine grid over [−6, 6] (trapezoid, step 4.6·10⁻⁵,
 * CDF error < 10⁻⁹), then invert it by a monotone walk with linear interpolation.
 */
function buildTable(): Float64Array {
  const h = (2 * GRID_HALF_RANGE) / GRID_STEPS;
  const norm = 1 / Math.sqrt(2 * Math.PI);
  const table = new Float64Array(TABLE_SIZE);
  let cdf = 0;
  let x = -GRID_HALF_RANGE;
  let pdf = norm * detExp(-0.5 * x * x);
  let i = 0;
  for (let step = 0; step < GRID_STEPS && i < TABLE_SIZE; step++) {
    const x2 = x + h;
    const pdf2 = norm * detExp(-0.5 * x2 * x2);
    const cdf2 = cdf + 0.5 * h * (pdf + pdf2);
    while (i < TABLE_SIZE && (i + 0.5) / TABLE_SIZE <= cdf2) {
      const p = (i + 0.5) / TABLE_SIZE;
      table[i] = x + (h * (p - cdf)) / (cdf2 - cdf);
      i++;
    }
    x = x2;
    pdf = pdf2;
    cdf = cdf2;
  }
  // Symmetrise (removes the integration's tiny asymmetry) and scale to unit variance.
  let variance = 0;
  for (let k = 0; k < TABLE_SIZE / 2; k++) {
    const v = 0.5 * (table[TABLE_SIZE - 1 - k] - table[k]);
    table[k] = -v;
    table[TABLE_SIZE - 1 - k] = v;
    variance += 2 * v * v;
  }
  const scale = 1 / Math.sqrt(variance / TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) table[k] *= scale;
  return table;
}

/** The 65,536 standard normal values (float32: the table stays in L2 cache); index with a 16-bit uniform. */
export const NORMAL_TABLE: Float32Array = new Float32Array(buildTable());

/** One approximately standard normal draw from the high 16 bits of a 32-bit uniform word. */
export function fastNormalFromU32(u: number): number {
  return NORMAL_TABLE[u >>> 16];
}

/** Fill `out` with fast normal draws from `rng` (two per random word), scaled to sd `sd`. */
export function fillFastNormal(rng: Rng, out: Float32Array | Float64Array, sd: number): void {
  const n = out.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const u = rng.nextU32();
    out[i] = sd * NORMAL_TABLE[u >>> 16];
    out[i + 1] = sd * NORMAL_TABLE[u & 0xffff];
  }
  if (i < n) out[i] = sd * NORMAL_TABLE[rng.nextU32() >>> 16];
}
