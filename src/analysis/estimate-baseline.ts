/**
 * Baseline (wander) estimate by two cascaded median filters of 200 ms and 600 ms (de Chazal P, O'Dwyer
 * M, Reilly RB. Automatic classification of heartbeats using ECG morphology and heartbeat interval
 * features. IEEE Trans Biomed Eng 2004;51(7):1196-206): the first removes QRS complexes and P waves, the
 * second T waves, leaving the isoelectric level plus wander. To keep it cheap at any sampling rate the
 * medians run on 10 ms block means (≈100 Hz) and the result is linearly interpolated back.
 */

/** Odd window length (samples) closest to `len`, at least 1. */
function oddLength(len: number): number {
  const n = Math.max(1, Math.round(len));
  return n % 2 === 1 ? n : n + 1;
}

/** Index of the first element ≥ v in the sorted prefix `sorted[0..count)`. */
function lowerBound(sorted: Float64Array, count: number, v: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Running median of odd width `w` with edge samples replicated; keeps a sorted window (O(w) per step). */
function runningMedian(x: Float64Array, w: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const half = (w - 1) >> 1;
  const sorted = new Float64Array(w);
  const at = (i: number): number => x[i < 0 ? 0 : i >= n ? n - 1 : i];
  for (let j = -half; j <= half; j++) {
    const v = at(j);
    const pos = lowerBound(sorted, j + half, v);
    sorted.copyWithin(pos + 1, pos, j + half);
    sorted[pos] = v;
  }
  for (let i = 0; i < n; i++) {
    out[i] = sorted[half];
    if (i === n - 1) break;
    // Slide: drop x[i − half], add x[i + half + 1].
    const drop = lowerBound(sorted, w, at(i - half));
    sorted.copyWithin(drop, drop + 1, w);
    const v = at(i + half + 1);
    const pos = lowerBound(sorted, w - 1, v);
    sorted.copyWithin(pos + 1, pos, w - 1);
    sorted[pos] = v;
  }
  return out;
}

/**
 * Baseline of `signalMv` (mV at `fsHz`), same length, in mV: subtract it to remove wander. Windows:
 * 200 ms then 600 ms medians (de Chazal et al. 2004), computed on block means of round(fs / 100) samples.
 */
export function estimateBaseline(signalMv: Float32Array | Float64Array, fsHz: number): Float32Array {
  const n = signalMv.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  const block = Math.max(1, Math.round(fsHz / 100));
  const m = Math.ceil(n / block);
  const means = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    const end = Math.min(n, (b + 1) * block);
    let sum = 0;
    for (let i = b * block; i < end; i++) sum += signalMv[i];
    means[b] = sum / (end - b * block);
  }
  const blockHz = fsHz / block;
  const base = runningMedian(runningMedian(means, oddLength(0.2 * blockHz)), oddLength(0.6 * blockHz));
  // Block b is centred on sample b·block + (block − 1)/2; interpolate linearly between centres.
  const offset = (block - 1) / 2;
  for (let i = 0; i < n; i++) {
    const p = (i - offset) / block;
    if (p <= 0) out[i] = base[0];
    else if (p >= m - 1) out[i] = base[m - 1];
    else {
      const k = Math.floor(p);
      const f = p - k;
      out[i] = base[k] + f * (base[k + 1] - base[k]);
    }
  }
  return out;
}
