/**
 * Two samples binned on shared bins, for overlaid histograms: `nBins` equal bins spanning the 0.5th to
 * 99.5th percentile of the pooled finite values (a few outliers would otherwise squeeze the plot), values
 * outside counted in the end bins. Heights are densities (fraction of the sample per unit), so samples of
 * different sizes compare.
 */

/** Shared-bin histograms of two samples. */
export interface PairHistogram {
  /** nBins + 1 bin edges, ascending. */
  edges: number[];
  /** Density of each sample in each bin (1 / unit); all zeros for an empty sample. */
  a: number[];
  b: number[];
  /** Finite values binned per sample. */
  nA: number;
  nB: number;
}

function quantile(sorted: Float64Array, q: number): number {
  const p = q * (sorted.length - 1);
  const k = Math.floor(p);
  return k + 1 < sorted.length ? sorted[k] + (p - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
}

function finite(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return out;
}

/** Histograms of `a` and `b` on shared bins (see the module comment); no bins when both are empty. */
export function pairHistogram(a: ArrayLike<number>, b: ArrayLike<number>, nBins = 30): PairHistogram {
  const fa = finite(a);
  const fb = finite(b);
  const pooled = Float64Array.from([...fa, ...fb]).sort();
  if (pooled.length === 0) return { edges: [], a: [], b: [], nA: 0, nB: 0 };
  let lo = quantile(pooled, 0.005);
  let hi = quantile(pooled, 0.995);
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / nBins;
  const edges = Array.from({ length: nBins + 1 }, (_, k) => lo + k * width);
  const bin = (v: number): number => Math.min(nBins - 1, Math.max(0, Math.floor((v - lo) / width)));
  const density = (values: number[]): number[] => {
    const counts = new Array<number>(nBins).fill(0);
    for (const v of values) counts[bin(v)]++;
    return counts.map((c) => (values.length > 0 ? c / (values.length * width) : 0));
  };
  return { edges, a: density(fa), b: density(fb), nA: fa.length, nB: fb.length };
}
