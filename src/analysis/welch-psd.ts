/**
 * Power spectral density by Welch's method (Welch PD. The use of fast Fourier transform for the
 * estimation of power spectra. IEEE Trans Audio Electroacoust 1967;15(2):70-3): Hann-windowed segments
 * with 50 % overlap, the mean removed per segment, periodograms averaged, one-sided.
 */
import { fftInPlace, nextPow2 } from '../core/fft.ts';

/** A one-sided spectrum: `psd[k]` is the density at `freqHz[k]` (units² / Hz, e.g. mV²/Hz). */
export interface Spectrum {
  /** Bin frequencies (Hz), k · fs / nfft for k = 0 … nfft / 2 (evenly spaced from 0). */
  freqHz: Float64Array;
  /** One-sided power spectral density at each bin (signal units² / Hz). */
  psd: Float64Array;
}

/**
 * Welch PSD of `x` (e.g. mV) sampled at `fsHz`, in units²/Hz (mV²/Hz). Segments are `segmentLength`
 * samples (the whole signal if shorter), zero-padded to the next power of two for the FFT, hopped by
 * half a segment (trailing samples that do not fill a segment are not used). Scaling:
 * psd[k] = c_k · |FFT(w·(x − mean))_k|² / (fs · Σw²), averaged over segments, with c_k = 2 except at
 * 0 Hz and Nyquist (c = 1), so that the sum of psd·Δf over all bins is the mean windowed power (the
 * variance, for a stationary signal). Window: symmetric Hann, w[i] = 0.5 − 0.5 cos(2πi/(L−1)).
 */
export function welchPsd(x: Float32Array | Float64Array, fsHz: number, segmentLength = 1024): Spectrum {
  const len = Math.min(Math.floor(segmentLength), x.length);
  if (len < 4) throw new Error(`welchPsd: need at least 4 samples per segment, got ${len}`);
  const nfft = nextPow2(len);
  const hop = Math.max(1, len >> 1);
  const window = new Float64Array(len);
  let wSq = 0;
  for (let i = 0; i < len; i++) {
    window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (len - 1));
    wSq += window[i] * window[i];
  }
  const half = nfft >> 1;
  const psd = new Float64Array(half + 1);
  const re = new Float64Array(nfft);
  const im = new Float64Array(nfft);
  let segments = 0;
  for (let start = 0; start + len <= x.length; start += hop) {
    let mean = 0;
    for (let i = 0; i < len; i++) mean += x[start + i];
    mean /= len;
    for (let i = 0; i < len; i++) re[i] = (x[start + i] - mean) * window[i];
    re.fill(0, len);
    im.fill(0);
    fftInPlace(re, im);
    for (let k = 0; k <= half; k++) psd[k] += re[k] * re[k] + im[k] * im[k];
    segments++;
  }
  const scale = 1 / (fsHz * wSq * segments);
  const freqHz = new Float64Array(half + 1);
  for (let k = 0; k <= half; k++) {
    psd[k] *= k === 0 || k === half ? scale : 2 * scale;
    freqHz[k] = (k * fsHz) / nfft;
  }
  return { freqHz, psd };
}
