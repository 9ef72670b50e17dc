/**
 * Band-limit an ECG for morphology measurements: zero-phase 4th-order Butterworth low-pass at 40 Hz
 * (applied forward and backward, so 8th-order magnitude), plus zero-phase notches (Q = 10) at the 50 Hz
 * and 60 Hz mains frequencies, or at their aliases when fs is below twice the mains frequency (60 Hz at
 * fs = 100 Hz appears at 40 Hz), where they lie below 0.49·fs. The 40 Hz corner is the usual upper edge of
 * "monitoring" ECG bandwidth; it leaves P, QRS and T timing within a few ms. Baseline is left in place
 * (see `estimateBaseline`).
 */
import { butterworthSections, designBiquad, type Biquad } from './biquad.ts';
import { filtfilt } from './filtfilt.ts';

const LOWPASS_HZ = 40;
const MAINS_HZ = [50, 60];
const NOTCH_Q = 10;

/**
 * Denoised copy of `signalMv` (mV, sampled at `fsHz`), in mV. The low-pass corner is lowered to
 * 0.4·fs for sampling rates below 100 Hz.
 */
export function denoiseEcg(signalMv: Float32Array | Float64Array, fsHz: number): Float32Array {
  const sections: Biquad[] = butterworthSections('lowpass', 4, Math.min(LOWPASS_HZ, 0.4 * fsHz), fsHz);
  for (const mainsHz of MAINS_HZ) {
    // Where fs < 2·mains the interference appears at its alias |mains − k·fs|.
    const aliasHz = Math.abs(mainsHz - fsHz * Math.round(mainsHz / fsHz));
    if (aliasHz > 1 && aliasHz < 0.49 * fsHz) sections.push(designBiquad('notch', aliasHz, fsHz, NOTCH_Q));
  }
  return Float32Array.from(filtfilt(signalMv, sections));
}
