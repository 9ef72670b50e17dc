/**
 * The band-limited signal and slope on which `isoelectricLengths` and `classifyRhythm` judge flatness:
 * a zero-phase 2nd-order Butterworth high-pass at 0.5 Hz and 4th-order low-pass (default 15 Hz, at
 * most 0.4·fs), and the slope as the central difference over ±10 ms.
 */
import { butterworthSections } from './biquad.ts';
import { filtfilt } from './filtfilt.ts';

const HIGHPASS_HZ = 0.5;
const SLOPE_HALF_S = 0.01;

/**
 * Band-limited copy `y` (mV) of `signalMv` (mV at `fsHz`) and its slope (mV/s; +Infinity within 10 ms
 * of the ends, so that no flat run reaches them).
 */
export function isoelectricSignal(
  signalMv: ArrayLike<number>,
  fsHz: number,
  lowpassHz = 15,
): { y: Float64Array; slope: Float64Array } {
  const n = signalMv.length;
  const sections = [
    ...butterworthSections('highpass', 2, HIGHPASS_HZ, fsHz),
    ...butterworthSections('lowpass', 4, Math.min(lowpassHz, 0.4 * fsHz), fsHz),
  ];
  const y = filtfilt(signalMv, sections);
  const h = Math.max(1, Math.round(SLOPE_HALF_S * fsHz));
  const slope = new Float64Array(n).fill(Infinity);
  for (let i = h; i < n - h; i++) slope[i] = ((y[i + h] - y[i - h]) * fsHz) / (2 * h);
  return { y, slope };
}
