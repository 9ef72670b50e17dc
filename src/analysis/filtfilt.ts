/**
 * Zero-phase filtering: a cascade of biquads run forward, then backward over the result (Gustafsson's
 * forward-backward scheme, as in MATLAB/SciPy `filtfilt`), so that phase cancels and the magnitude
 * response is squared. Each pass starts in the steady state for a constant input equal to its first
 * sample, which suppresses the start-up transient of a DC offset.
 */
import type { Biquad } from './biquad.ts';

/** One pass of one section over `buf`, in place; `reverse` runs from the last sample to the first. */
function runSection(buf: Float64Array, s: Biquad, reverse: boolean): void {
  const n = buf.length;
  const { b0, b1, b2, a1, a2 } = s;
  const x0 = reverse ? buf[n - 1] : buf[0];
  const dcGain = (b0 + b1 + b2) / (1 + a1 + a2);
  const y0 = dcGain * x0;
  // Transposed direct form II states for the constant input x0 (output y0).
  let z2 = b2 * x0 - a2 * y0;
  let z1 = b1 * x0 - a1 * y0 + z2;
  if (!reverse) {
    for (let i = 0; i < n; i++) {
      const x = buf[i];
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      buf[i] = y;
    }
  } else {
    for (let i = n - 1; i >= 0; i--) {
      const x = buf[i];
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      buf[i] = y;
    }
  }
}

/**
 * Zero-phase filter `x` (any units) by the cascade `sections`; returns a new Float64Array, or fills
 * `out` (same length as `x`, may be `x` itself when it is a Float64Array) and returns it.
 */
export function filtfilt(
  x: ArrayLike<number>,
  sections: readonly Biquad[],
  out: Float64Array = new Float64Array(x.length),
): Float64Array {
  if (out.length !== x.length) throw new Error(`filtfilt: output length ${out.length} ≠ ${x.length}`);
  if (out !== x) for (let i = 0; i < x.length; i++) out[i] = x[i];
  if (out.length === 0) return out;
  for (const s of sections) runSection(out, s, false);
  for (let k = sections.length - 1; k >= 0; k--) runSection(out, sections[k], true);
  return out;
}
