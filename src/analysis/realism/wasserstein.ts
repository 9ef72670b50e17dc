/**
 * The 1-D Wasserstein (earth mover's) distance between two samples: W₁ = ∫ |F_a(x) − F_b(x)| dx, the
 * area between their empirical distribution functions (Villani C. Optimal Transport, 2009, remark 2.19:
 * in one dimension W₁ is the L¹ distance of the CDFs). Computed exactly by sorting both samples and
 * walking the merged values. In the samples' unit (ms for intervals).
 */

function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** W₁ between the finite values of `a` and `b`; NaN when either has none. */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sortedFinite(a);
  const y = sortedFinite(b);
  if (x.length === 0 || y.length === 0) return NaN;
  let i = 0;
  let j = 0;
  let prev = Math.min(x[0], y[0]);
  let area = 0;
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
    area += Math.abs(i / x.length - j / y.length) * (next - prev);
    prev = next;
    while (i < x.length && x[i] === next) i++;
    while (j < y.length && y[j] === next) j++;
  }
  return area;
}
