/**
 * Second-order IIR sections (biquads) designed by the bilinear transform with the cutoff pre-warped, as in
 * R. Bristow-Johnson's "Audio EQ Cookbook"; Butterworth responses of order 2 and 4 are cascades of such
 * sections with the pole quality factors Q_k = 1 / (2 sin((2k − 1)π / 2N)).
 */
import { detCos, detSin } from '../core/det-math.ts';

/** One section normalised to a0 = 1: y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2]. */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** The response of one section: low-pass, high-pass or notch (band-stop of bandwidth f0 / Q). */
export type BiquadKind = 'lowpass' | 'highpass' | 'notch';

/**
 * Design one section of the given kind with corner (or notch) frequency `cutoffHz` and quality factor
 * `q` for sampling rate `fsHz` (RBJ cookbook). `cutoffHz` must lie strictly between 0 and fsHz / 2.
 */
export function designBiquad(kind: BiquadKind, cutoffHz: number, fsHz: number, q: number): Biquad {
  if (!(cutoffHz > 0 && cutoffHz < fsHz / 2)) {
    throw new Error(`biquad: cutoff ${cutoffHz} Hz is outside (0, ${fsHz / 2}) Hz`);
  }
  const w0 = (2 * Math.PI * cutoffHz) / fsHz;
  const cosW = detCos(w0);
  const alpha = detSin(w0) / (2 * q);
  const a0 = 1 + alpha;
  let b0: number;
  let b1: number;
  let b2: number;
  if (kind === 'lowpass') {
    b0 = (1 - cosW) / 2;
    b1 = 1 - cosW;
    b2 = b0;
  } else if (kind === 'highpass') {
    b0 = (1 + cosW) / 2;
    b1 = -(1 + cosW);
    b2 = b0;
  } else {
    b0 = 1;
    b1 = -2 * cosW;
    b2 = 1;
  }
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: (-2 * cosW) / a0, a2: (1 - alpha) / a0 };
}

/**
 * Butterworth low- or high-pass of even `order` (2 or 4, …) at `cutoffHz`, as a cascade of biquads.
 * Run it through `filtfilt` for a zero-phase response whose magnitude is the square of this one.
 */
export function butterworthSections(
  kind: 'lowpass' | 'highpass',
  order: number,
  cutoffHz: number,
  fsHz: number,
): Biquad[] {
  if (order < 2 || order % 2 !== 0) throw new Error(`butterworth: order ${order} must be even and ≥ 2`);
  const sections: Biquad[] = [];
  for (let k = 1; k <= order / 2; k++) {
    const q = 1 / (2 * detSin(((2 * k - 1) * Math.PI) / (2 * order)));
    sections.push(designBiquad(kind, cutoffHz, fsHz, q));
  }
  return sections;
}
