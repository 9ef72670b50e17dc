/**
 * Summaries of per-beat (or per-window) values as distributions: mean, sd, min, max, and the split of
 * the variance into a record level and a beat level the way the synthesizer draws them (a record draws
 * base + N(0, record sd), each beat adds N(0, beat sd)). The "record" unit is a window of the real
 * recording as long as a dataset record (default 10 s): recordSd is the sd of the window means, beatSd
 * the pooled sd within windows.
 */

/** A parameter's distribution over beats. */
export interface ParamDistribution {
  /** Number of values. */
  n: number;
  mean: number;
  /** Sample sd over all values (0 for one value). */
  sd: number;
  min: number;
  max: number;
  /** sd of the per-window means (0 for one window). */
  recordSd: number;
  /** Pooled within-window sd (0 when no window has two values). */
  beatSd: number;
}

/** The distribution of no values. */
export const EMPTY_DISTRIBUTION: Readonly<ParamDistribution> = Object.freeze({
  n: 0,
  mean: NaN,
  sd: NaN,
  min: NaN,
  max: NaN,
  recordSd: NaN,
  beatSd: NaN,
});

/**
 * The distribution of the finite entries of `values`; `groups[i]` is the window of value i (any
 * integer ids; omitted = one window).
 */
export function distributionOf(values: ArrayLike<number>, groups?: ArrayLike<number>): ParamDistribution {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const byGroup = new Map<number, { n: number; sum: number; sumSq: number }>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    const g = groups === undefined ? 0 : groups[i];
    const acc = byGroup.get(g) ?? { n: 0, sum: 0, sumSq: 0 };
    acc.n++;
    acc.sum += v;
    acc.sumSq += v * v;
    byGroup.set(g, acc);
  }
  if (n === 0) return { ...EMPTY_DISTRIBUTION };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) ss += (values[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  // Within: Σ over windows of Σ (v − window mean)², over Σ (n_w − 1). Between: sd of window means.
  let within = 0;
  let dof = 0;
  const means: number[] = [];
  for (const acc of byGroup.values()) {
    const m = acc.sum / acc.n;
    means.push(m);
    within += Math.max(0, acc.sumSq - acc.n * m * m);
    dof += acc.n - 1;
  }
  const meanOfMeans = means.reduce((s, m) => s + m, 0) / means.length;
  const between = means.reduce((s, m) => s + (m - meanOfMeans) ** 2, 0);
  return {
    n,
    mean,
    sd,
    min,
    max,
    recordSd: means.length > 1 ? Math.sqrt(between / (means.length - 1)) : 0,
    beatSd: dof > 0 ? Math.sqrt(within / dof) : 0,
  };
}
