/**
 * Helpers of `delineateBeat`: walking outwards from a wave to its bounds on a smoothed template, and
 * finding flat (isoelectric) stretches. Indices are samples; returned bounds are fractional indices,
 * linearly interpolated between the last sample inside and the first outside.
 */

/**
 * From `start`, step by `dir` (±1) until |slope| < thr holds for `quiet` samples in a row, not past
 * `limit`. Returns the (fractional) index where |slope| first fell below thr, or NaN.
 */
export function walkToQuiet(
  slope: Float64Array,
  start: number,
  dir: number,
  limit: number,
  thr: number,
  quiet: number,
): number {
  let run = 0;
  for (let i = start; dir > 0 ? i <= limit : i >= limit; i += dir) {
    if (Math.abs(slope[i]) < thr) {
      run++;
      if (run >= quiet) {
        const first = i - dir * (quiet - 1);
        const prev = Math.abs(slope[first - dir]);
        const cur = Math.abs(slope[first]);
        const f = prev > cur ? (prev - thr) / (prev - cur) : 1;
        return first - dir + dir * f;
      }
    } else run = 0;
  }
  return NaN;
}

/**
 * From the wave peak `k` (deviation `amp` = s[k] − iso), step by `dir` until the deviation falls to
 * `fraction`·|amp| or changes sign, not past `limit`. Returns the fractional index, or NaN.
 */
export function walkToFraction(
  s: Float64Array,
  iso: number,
  k: number,
  amp: number,
  dir: number,
  limit: number,
  fraction: number,
): number {
  const sign = amp >= 0 ? 1 : -1;
  const thr = fraction * Math.abs(amp);
  let prev = Math.abs(amp);
  for (let i = k + dir; dir > 0 ? i <= limit : i >= limit; i += dir) {
    const dev = sign * (s[i] - iso);
    if (dev <= thr) {
      const f = prev > dev ? (prev - thr) / (prev - dev) : 1;
      return i - dir + dir * f;
    }
    prev = dev;
  }
  return NaN;
}

/**
 * The flattest window of `len` samples within [lo, hi]: the one with the smallest range (max − min) among
 * those whose mean passes `accept`; its mean and range (NaN and Infinity when there is none).
 */
export function flattestWindow(
  s: Float64Array,
  lo: number,
  hi: number,
  len: number,
  accept: (mean: number) => boolean = () => true,
): { mean: number; range: number } {
  let best = { mean: NaN, range: Infinity };
  for (let a = Math.max(0, lo); a + len - 1 <= Math.min(s.length - 1, hi); a++) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = a; i < a + len; i++) {
      const v = s[i];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    if (max - min < best.range && accept(sum / len)) best = { mean: sum / len, range: max - min };
  }
  return best;
}

/**
 * The baseline level on the outer side of a wave of deviation `amp` from `iso`: the mean of the flattest
 * window of `len` samples within [lo, hi] whose mean deviates from `iso` by less than half of |amp|;
 * `iso` itself when there is none or when even the flattest spans a tenth of |amp| or more (no flat
 * segment, e.g. the T wave runs into the next P wave).
 */
export function outerLevel(
  s: Float64Array,
  lo: number,
  hi: number,
  len: number,
  iso: number,
  amp: number,
): number {
  const flat = flattestWindow(s, lo, hi, len, (mean) => Math.abs(mean - iso) < 0.5 * Math.abs(amp));
  return flat.range < 0.1 * Math.abs(amp) ? flat.mean : iso;
}

/** Index of the largest |s[i] − iso| for i in [lo, hi]. */
export function argMaxDeviation(s: Float64Array, iso: number, lo: number, hi: number): number {
  let best = lo;
  let bestAbs = -1;
  for (let i = lo; i <= hi; i++) {
    const a = Math.abs(s[i] - iso);
    if (a > bestAbs) {
      bestAbs = a;
      best = i;
    }
  }
  return best;
}
