/**
 * Seeded orthogonal matrices for recurrent kernels, computed in JavaScript (tfjs-layers' orthogonal
 * initialiser calls a chained op that the Node build of tfjs-core does not register).
 */
import { createRng } from '../../core/rng.ts';

/**
 * A [rows, blocks·rows] matrix (row-major) of `blocks` side-by-side orthogonal rows×rows blocks (one per
 * recurrent gate), each the Gram-Schmidt orthonormalisation of a standard normal matrix from `seed`.
 */
export function orthogonalBlocks(rows: number, blocks: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const cols = blocks * rows;
  const out = new Float32Array(rows * cols);
  const q = new Float64Array(rows * rows);
  for (let blk = 0; blk < blocks; blk++) {
    for (let i = 0; i < rows; i++) {
      const v = q.subarray(i * rows, (i + 1) * rows);
      for (;;) {
        for (let k = 0; k < rows; k++) v[k] = rng.normal();
        for (let j = 0; j < i; j++) {
          const u = q.subarray(j * rows, (j + 1) * rows);
          let dot = 0;
          for (let k = 0; k < rows; k++) dot += u[k] * v[k];
          for (let k = 0; k < rows; k++) v[k] -= dot * u[k];
        }
        let norm = 0;
        for (let k = 0; k < rows; k++) norm += v[k] * v[k];
        norm = Math.sqrt(norm);
        if (norm > 1e-6) {
          for (let k = 0; k < rows; k++) v[k] /= norm;
          break;
        }
      }
    }
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < rows; c++) out[r * cols + blk * rows + c] = q[r * rows + c];
  }
  return out;
}
