/**
 * The measured figures of a low-pass FIR: worst passband ripple and least stopband attenuation, read
 * from its frequency response on a dense grid (the taps zero-padded to ≥ 16 points per tap and
 * transformed by FFT). Pure.
 */
import { fftInPlace, nextPow2 } from './fft.ts';

/** Measured figures of a low-pass. */
export interface LowpassFigures {
  /** Largest |gain| deviation from the DC gain in [0, passband edge], dB. */
  passbandRippleDb: number;
  /** Smallest attenuation relative to the DC gain in [stopband edge, fs/2], dB (positive). */
  stopbandAttenuationDb: number;
  /** Frequency spacing of the grid the figures were read on, Hz. */
  gridStepHz: number;
}

/**
 * Measure the low-pass `taps` at rate `fsHz` between 0 and `passbandEdgeHz` (ripple) and between
 * `stopbandEdgeHz` and fsHz / 2 (attenuation), both relative to the gain at 0 Hz. `minPoints` sets the
 * smallest FFT size (default 2^16).
 */
export function lowpassFigures(
  taps: Float64Array,
  fsHz: number,
  passbandEdgeHz: number,
  stopbandEdgeHz: number,
  minPoints = 1 << 16,
): LowpassFigures {
  const n = nextPow2(Math.max(minPoints, 16 * taps.length));
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re.set(taps);
  fftInPlace(re, im);
  const dc = Math.hypot(re[0], im[0]);
  const step = fsHz / n;
  let worstRipple = 0;
  let worstStop = 0;
  for (let k = 0; k <= n / 2; k++) {
    const f = k * step;
    const gain = Math.hypot(re[k], im[k]) / dc;
    if (f <= passbandEdgeHz) worstRipple = Math.max(worstRipple, Math.abs(20 * Math.log10(gain)));
    if (f >= stopbandEdgeHz) worstStop = Math.max(worstStop, gain);
  }
  return {
    passbandRippleDb: worstRipple,
    stopbandAttenuationDb: worstStop > 0 ? -20 * Math.log10(worstStop) : Infinity,
    gridStepHz: step,
  };
}
