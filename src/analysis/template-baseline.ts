/**
 * Baseline (wander) estimate by beat-template subtraction: the ECG is modelled by placing a template
 * beat at every R peak, the model is subtracted, and what remains (wander plus noise and beat-to-beat
 * differences) is low-passed at 1 Hz (2nd-order Butterworth, zero-phase). The same idea as QRST
 * cancellation for atrial activity (Slocum J et al. Computer detection of atrioventricular dissociation
 * from surface electrocardiograms during wide QRS complex tachycardias. Circulation 1992;86:1432-9).
 * Unlike median filters, it does not bend the baseline under P and T waves when the wander is steep.
 */
import { butterworthSections } from './biquad.ts';
import { filtfilt } from './filtfilt.ts';

const LOWPASS_HZ = 1;
/** Each beat's template covers the samples up to this fraction of the RR interval to the next beat. */
const SPLIT_FRACTION = 0.6;

/**
 * Baseline of `signalMv` (mV at `fsHz`) given its R peaks `rPeaks` (ascending samples) and a beat
 * template `templateMv` (mV) whose R peak is sample `rIndex`; same length as the signal, in mV.
 * Between consecutive R peaks R_k and R_(k+1), samples before R_k + 0.6·(R_(k+1) − R_k) belong to beat
 * k, the rest to beat k + 1; beyond the template's span a beat is extended by its first or last sample.
 */
export function templateBaseline(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks: ArrayLike<number>,
  templateMv: Float32Array | Float64Array,
  rIndex: number,
): Float32Array {
  const n = signalMv.length;
  const residual = Float64Array.from(signalMv);
  const m = templateMv.length;
  for (let k = 0; k < rPeaks.length; k++) {
    const r = rPeaks[k];
    const from = k > 0 ? rPeaks[k - 1] + Math.floor(SPLIT_FRACTION * (r - rPeaks[k - 1])) + 1 : 0;
    const to = k + 1 < rPeaks.length ? r + Math.floor(SPLIT_FRACTION * (rPeaks[k + 1] - r)) : n - 1;
    for (let i = Math.max(0, from), e = Math.min(n - 1, to); i <= e; i++) {
      const j = i - r + rIndex;
      residual[i] -= templateMv[j < 0 ? 0 : j >= m ? m - 1 : j];
    }
  }
  filtfilt(residual, butterworthSections('lowpass', 2, LOWPASS_HZ, fsHz), residual);
  return Float32Array.from(residual);
}
