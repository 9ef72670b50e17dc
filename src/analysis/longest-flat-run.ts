/** Longest flat (isoelectric) run of a signal: the helper of `isoelectricLengths` and `classifyRhythm`. */

/**
 * Longest run within [lo, hi] of samples whose |slope| ≤ maxSlope and whose range ≤ maxRange
 * (two pointers with monotone deques of the running max and min); length in samples.
 */
export function longestFlatRun(
  y: Float64Array,
  slope: Float64Array,
  lo: number,
  hi: number,
  maxSlope: number,
  maxRange: number,
): number {
  let best = 0;
  let start = lo;
  const maxQ: number[] = [];
  const minQ: number[] = [];
  let maxHead = 0;
  let minHead = 0;
  for (let i = lo; i <= hi; i++) {
    if (Math.abs(slope[i]) > maxSlope) {
      start = i + 1;
      maxQ.length = minQ.length = maxHead = minHead = 0;
      continue;
    }
    while (maxQ.length > maxHead && y[maxQ[maxQ.length - 1]] <= y[i]) maxQ.pop();
    maxQ.push(i);
    while (minQ.length > minHead && y[minQ[minQ.length - 1]] >= y[i]) minQ.pop();
    minQ.push(i);
    while (y[maxQ[maxHead]] - y[minQ[minHead]] > maxRange) {
      start++;
      if (maxQ[maxHead] < start) maxHead++;
      if (minQ[minHead] < start) minHead++;
    }
    if (i - start + 1 > best) best = i - start + 1;
  }
  return best;
}
