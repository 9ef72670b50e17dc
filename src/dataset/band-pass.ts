/**
 * The optional band-pass of an import: a Butterworth high-pass (order 2) at `lowHz` and low-pass
 * (order 4) at `highHz`, run forward and backward (src/analysis `filtfilt`), so it has zero phase (R
 * peaks stay put) and the squared magnitude: −6 dB at each corner, effective orders 4 and 8. Pure.
 */
import { butterworthSections } from '../analysis/biquad.ts';
import { filtfilt } from '../analysis/filtfilt.ts';

/** Band-pass corners, Hz. */
export interface BandpassSpec {
  /** High-pass corner, Hz (> 0). */
  lowHz: number;
  /** Low-pass corner, Hz (< fs / 2). */
  highHz: number;
}

/** Orders of the two Butterworth filters (each run twice). */
export const BANDPASS_ORDERS = { highpass: 2, lowpass: 4 } as const;

/** Parse `LOW-HIGH` in Hz, e.g. `0.5-40`; throws RangeError unless 0 < LOW < HIGH. */
export function parseBandpass(text: string): BandpassSpec {
  const m = /^\s*([0-9.]+(?:e-?\d+)?)\s*-\s*([0-9.]+(?:e-?\d+)?)\s*$/i.exec(text);
  const lowHz = m === null ? NaN : Number(m[1]);
  const highHz = m === null ? NaN : Number(m[2]);
  if (!(lowHz > 0 && highHz > lowHz && Number.isFinite(highHz))) {
    throw new RangeError(`expected LOW-HIGH in Hz with 0 < LOW < HIGH (e.g. 0.5-40), got '${text}'`);
  }
  return { lowHz, highHz };
}

/**
 * `signalMv` (finite values) band-passed between `spec.lowHz` and `spec.highHz` at `fsHz` with zero
 * phase; throws RangeError when the high corner is not below fs / 2.
 */
export function bandpassZeroPhase(signalMv: Float32Array, fsHz: number, spec: BandpassSpec): Float32Array {
  if (!(spec.highHz < fsHz / 2)) {
    throw new RangeError(`band-pass: ${spec.highHz} Hz is not below the Nyquist frequency ${fsHz / 2} Hz`);
  }
  const sections = [
    ...butterworthSections('highpass', BANDPASS_ORDERS.highpass, spec.lowHz, fsHz),
    ...butterworthSections('lowpass', BANDPASS_ORDERS.lowpass, spec.highHz, fsHz),
  ];
  return Float32Array.from(filtfilt(signalMv, sections));
}
