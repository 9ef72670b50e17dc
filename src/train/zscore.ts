/** Per-sample z-scoring (EXPERIMENT.md: "each input z-scored per sample"). */

/**
 * Copy of `x` (n rows of `length` samples) with each row shifted to mean 0 and scaled to standard
 * deviation 1 (population sd). A constant row becomes all zeros.
 */
export function zScoreRows(x: Float32Array, n: number, length: number): Float32Array {
  if (x.length < n * length) throw new Error(`zScoreRows: ${x.length} samples < ${n} × ${length}`);
  const out = new Float32Array(n * length);
  for (let r = 0; r < n; r++) {
    const off = r * length;
    let sum = 0;
    for (let i = 0; i < length; i++) sum += x[off + i];
    const mean = sum / length;
    let ss = 0;
    for (let i = 0; i < length; i++) {
      const d = x[off + i] - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / length);
    if (!(sd > 1e-12)) continue; // constant (or non-finite) row: zeros
    const inv = 1 / sd;
    for (let i = 0; i < length; i++) out[off + i] = (x[off + i] - mean) * inv;
  }
  return out;
}
