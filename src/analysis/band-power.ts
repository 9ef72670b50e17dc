/** Band power of a one-sided PSD, the rectangle-rule integral used for HRV bands (Task Force 1996). */
import type { Spectrum } from './welch-psd.ts';

/**
 * Power (units², e.g. mV² or s²) of `spectrum` between `lowHz` and `highHz`: the sum of psd·Δf over the
 * bins whose frequency f satisfies lowHz ≤ f ≤ highHz (Δf the bin spacing). Over 0 … fs/2 it equals
 * the signal's variance (see `welchPsd`).
 */
export function bandPower(spectrum: Spectrum, lowHz: number, highHz: number): number {
  const { freqHz, psd } = spectrum;
  if (freqHz.length < 2) return 0;
  const df = freqHz[1] - freqHz[0];
  let sum = 0;
  for (let k = 0; k < freqHz.length; k++) {
    const f = freqHz[k];
    if (f >= lowHz && f <= highHz) sum += psd[k];
  }
  return sum * df;
}
