/** Frequency of the largest spectral peak in a band, refined by parabolic interpolation. */
import type { Spectrum } from './welch-psd.ts';

/**
 * Frequency (Hz) of the largest psd bin with lowHz ≤ f ≤ highHz, refined by fitting a parabola through
 * that bin and its two neighbours when it is a local maximum (offset limited to ±½ bin; no refinement
 * at the ends of the spectrum). NaN when no bin lies in the band.
 */
export function peakFrequency(spectrum: Spectrum, lowHz: number, highHz: number): number {
  const { freqHz, psd } = spectrum;
  let best = -1;
  for (let k = 0; k < freqHz.length; k++) {
    const f = freqHz[k];
    if (f >= lowHz && f <= highHz && (best < 0 || psd[k] > psd[best])) best = k;
  }
  if (best < 0) return NaN;
  if (best === 0 || best === freqHz.length - 1) return freqHz[best];
  const a = psd[best - 1];
  const b = psd[best];
  const c = psd[best + 1];
  // Only a local maximum is refined; a band edge on a slope stays at its bin.
  if (a > b || c > b) return freqHz[best];
  const denom = a - 2 * b + c;
  const delta = denom < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  return freqHz[best] + delta * (freqHz[1] - freqHz[0]);
}
