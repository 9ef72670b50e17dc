/**
 * Maximum mean discrepancy between two samples of vectors with a Gaussian kernel
 * k(x, y) = exp(−‖x − y‖² / (2σ²)), the unbiased estimator MMD²_u of Gretton A et al. (A kernel
 * two-sample test. J Mach Learn Res 2012;13:723-73, eq. 3): the within-sample kernel means without the
 * diagonal minus twice the cross-sample mean. It is 0 in expectation for samples of one distribution
 * (and may then be slightly negative). Bandwidth σ by the median heuristic (ibid., §8): the median
 * Euclidean distance between distinct points of the pooled sample (of at most 1000 points, taken evenly
 * when there are more).
 */

/** An MMD estimate. */
export interface MmdResult {
  /** Unbiased MMD² (dimensionless, kernel units). */
  mmd2: number;
  /** Kernel bandwidth σ, in the vectors' units. */
  bandwidth: number;
  m: number;
  n: number;
}

const MEDIAN_POINTS = 1000;

function sqDist(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const d = a[k] - b[k];
    s += d * d;
  }
  return s;
}

/** Median pairwise Euclidean distance of `points` (at most 1000 of them, evenly spaced). */
export function medianDistance(points: readonly Float64Array[]): number {
  const step = Math.max(1, points.length / MEDIAN_POINTS);
  const pick: Float64Array[] = [];
  for (let p = 0; Math.floor(p) < points.length; p += step) pick.push(points[Math.floor(p)]);
  const d: number[] = [];
  for (let i = 0; i < pick.length; i++)
    for (let j = i + 1; j < pick.length; j++) d.push(Math.sqrt(sqDist(pick[i], pick[j])));
  if (d.length === 0) return NaN;
  const sorted = Float64Array.from(d).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

/** Unbiased MMD² of `x` and `y` (each at least 2 vectors of one length); σ by the median heuristic unless given. */
export function mmdUnbiased(
  x: readonly Float64Array[],
  y: readonly Float64Array[],
  bandwidth?: number,
): MmdResult {
  const m = x.length;
  const n = y.length;
  if (m < 2 || n < 2) throw new RangeError(`MMD needs at least 2 vectors per sample, got ${m} and ${n}`);
  const sigma = bandwidth ?? medianDistance([...x, ...y]);
  // Identical points (σ = 0): a vanishing bandwidth, under which only equal vectors are similar.
  const g = sigma > 0 ? 1 / (2 * sigma * sigma) : 1e300;
  const k = (a: Float64Array, b: Float64Array): number => Math.exp(-g * sqDist(a, b));
  let xx = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) xx += k(x[i], x[j]);
  let yy = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) yy += k(y[i], y[j]);
  let xy = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) xy += k(x[i], y[j]);
  const mmd2 = (2 * xx) / (m * (m - 1)) + (2 * yy) / (n * (n - 1)) - (2 * xy) / (m * n);
  return { mmd2, bandwidth: sigma, m, n };
}
