/**
 * Rational polyphase resampling (L/M) of a sampled signal with the Kaiser-window anti-alias filter of
 * `resampleFilter`, delay-compensated: output sample m lies at time m / fsOut exactly, like input sample
 * i at i / fsIn, so features such as R peaks keep their times. Beyond the ends the signal is held at its
 * first and last values (no step into zeros). Pure.
 */
import type { AbortSignalLike } from './abort.ts';
import { resampleFilter } from './resample-filter.ts';

/** Options of `resample`. */
export interface ResampleOptions {
  /** Cancels the call between chunks of output. */
  signal?: AbortSignalLike;
  /** Called after each chunk with output samples done and the total. */
  onProgress?: (doneSamples: number, totalSamples: number) => void;
}

/** Output samples computed between progress reports and abort checks. */
const CHUNK_SAMPLES = 1 << 16;

/**
 * Samples after resampling `nSamplesIn` samples from `fsInHz` to `fsOutHz`: ceil(n·fsOut / fsIn), i.e.
 * every output time m / fsOut before the input's end n / fsIn.
 */
export function resampledLength(nSamplesIn: number, fsInHz: number, fsOutHz: number): number {
  if (nSamplesIn <= 0) return 0;
  if (fsInHz === fsOutHz) return nSamplesIn;
  const { up, down } = resampleFilter(fsInHz, fsOutHz);
  return Math.ceil((nSamplesIn * up) / down);
}

/**
 * The polyphase branches: for phase φ, `bank[φ·width + q]` ∝ h[φ + (width − 1 − q)·L] (reversed), each
 * branch scaled to a sum of exactly 1 (≈ L·h: the scaling is within the stopband leakage, ≤ 1e-3), so a
 * constant input stays exactly constant instead of carrying a faint L-periodic ripple.
 */
function polyphaseBank(taps: Float64Array, up: number): { bank: Float64Array; width: number } {
  const width = Math.ceil(taps.length / up);
  const bank = new Float64Array(up * width);
  for (let phase = 0; phase < up; phase++) {
    let sum = 0;
    for (let q = 0; q < width; q++) {
      const k = phase + q * up;
      if (k < taps.length) {
        bank[phase * width + (width - 1 - q)] = taps[k];
        sum += taps[k];
      }
    }
    for (let q = 0; q < width; q++) bank[phase * width + q] /= sum;
  }
  return { bank, width };
}

/**
 * `signal` (any units; finite values) resampled from `fsInHz` to `fsOutHz` (positive integer rates, Hz)
 * through the anti-alias low-pass of `resampleFilter`: passband ripple ≤ 0.1 dB up to 0.8 × min(fsIn,
 * fsOut)/2, attenuation ≥ 60 dB above min(fsIn, fsOut)/2. Returns `resampledLength(...)` samples; equal
 * rates return a copy. Linear phase with the delay removed: no time shift.
 */
export function resample(
  signal: Float32Array | Float64Array,
  fsInHz: number,
  fsOutHz: number,
  options: ResampleOptions = {},
): Float32Array {
  const nIn = signal.length;
  if (fsInHz === fsOutHz) {
    if (!Number.isInteger(fsInHz) || fsInHz <= 0) {
      throw new RangeError(`resample: rates must be positive integers in Hz, got ${fsInHz}`);
    }
    return Float32Array.from(signal);
  }
  const f = resampleFilter(fsInHz, fsOutHz);
  if (nIn === 0) return new Float32Array(0);
  const { up, down } = f;
  const delay = f.lowpass.delaySamples;
  const { bank, width } = polyphaseBank(f.lowpass.taps, up);
  const nOut = resampledLength(nIn, fsInHz, fsOutHz);
  // Output m takes input samples j0 − width + 1 … j0, j0 = floor((m·M + delay) / L).
  const leftPad = width;
  const lastJ = Math.floor(((nOut - 1) * down + delay) / up);
  const rightPad = Math.max(0, lastJ - (nIn - 1)) + 1;
  const padded = new Float64Array(leftPad + nIn + rightPad);
  padded.fill(signal[0], 0, leftPad);
  for (let i = 0; i < nIn; i++) padded[leftPad + i] = signal[i];
  padded.fill(signal[nIn - 1], leftPad + nIn);
  const out = new Float32Array(nOut);
  // Output m reads branch φ = (m·M + delay) mod L from input j0 = floor((m·M + delay) / L): both advance
  // by whole steps per output, so they are tracked without a division.
  const jumpJ = Math.floor(down / up);
  const jumpPhase = down - jumpJ * up;
  let j0 = Math.floor(delay / up);
  let phase = delay - j0 * up;
  const offset = leftPad - width + 1;
  const width4 = width - (width % 4);
  for (let start = 0; start < nOut; start += CHUNK_SAMPLES) {
    options.signal?.throwIfAborted();
    const end = Math.min(nOut, start + CHUNK_SAMPLES);
    for (let m = start; m < end; m++) {
      const b = phase * width;
      const x0 = j0 + offset;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let q = 0;
      for (; q < width4; q += 4) {
        a0 += bank[b + q] * padded[x0 + q];
        a1 += bank[b + q + 1] * padded[x0 + q + 1];
        a2 += bank[b + q + 2] * padded[x0 + q + 2];
        a3 += bank[b + q + 3] * padded[x0 + q + 3];
      }
      for (; q < width; q++) a0 += bank[b + q] * padded[x0 + q];
      out[m] = a0 + a1 + (a2 + a3);
      j0 += jumpJ;
      phase += jumpPhase;
      if (phase >= up) {
        phase -= up;
        j0++;
      }
    }
    options.onProgress?.(end, nOut);
  }
  return out;
}
