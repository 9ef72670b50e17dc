/** Median by quickselect (Hoare's FIND), average of the two middle values for an even count. */

/** k-th smallest (0-based) of values[0..count), reordering that prefix in place. */
function select(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

/**
 * Median of the first `count` entries of `values` (reordered in place: pass a scratch buffer);
 * NaN when `count` is 0. Values must not be NaN.
 */
export function medianOf(values: Float64Array, count = values.length): number {
  if (count <= 0) return NaN;
  const mid = count >> 1;
  const upper = select(values, count, mid);
  if (count % 2 === 1) return upper;
  // The lower middle is the largest value left of `mid` after selection.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (values[i] > lower) lower = values[i];
  return 0.5 * (lower + upper);
}
