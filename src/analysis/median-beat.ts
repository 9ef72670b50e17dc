/**
 * Median beat: the sample-wise median of baseline-corrected beats aligned on their R peaks, the usual
 * representative-beat construction for interval measurements (e.g. the GE 12SL and Glasgow programs;
 * NeuroKit2's `ecg_segment` followed by a median). The median rejects ectopic beats and noise bursts
 * that a mean would keep. Baseline correction: a first template is taken from the signal minus
 * `estimateBaseline` (200 + 600 ms medians, de Chazal et al. 2004), then refined three times from the
 * signal minus `templateBaseline` (the 1 Hz low-passed residual after subtracting the previous template
 * at every beat), which, unlike the median filters, does not bend P and T waves when the wander is steep.
 */
import { estimateBaseline } from './estimate-baseline.ts';
import { medianOf } from './median-of.ts';
import { templateBaseline } from './template-baseline.ts';

/** Template-subtraction passes; each shrinks the template error that leaks into the baseline. */
const TEMPLATE_PASSES = 3;

/** A median beat. */
export interface MedianBeat {
  /** Template in mV, baseline-corrected; length round(beforeS·fs) + round(afterS·fs) + 1 (NaN if no beats). */
  templateMv: Float32Array;
  /** Sample of the template that is the R peak (= round(beforeS·fs)). */
  rIndex: number;
  /** Number of beats the median was taken over. */
  nBeats: number;
}

/** Sample-wise median of (signal − baseline) over the windows starting at `starts`. */
function medianOfWindows(
  signal: Float32Array | Float64Array,
  baseline: Float32Array,
  starts: readonly number[],
  length: number,
): Float32Array {
  const out = new Float32Array(length);
  const scratch = new Float64Array(starts.length);
  for (let i = 0; i < length; i++) {
    for (let b = 0; b < starts.length; b++) {
      const j = starts[b] + i;
      scratch[b] = signal[j] - baseline[j];
    }
    out[i] = medianOf(scratch, starts.length);
  }
  return out;
}

/**
 * Median beat of `signalMv` (mV at `fsHz`) over the windows [R − beforeS, R + afterS] (seconds) around
 * each of `rPeaks` (ascending sample indices). Beats whose window does not fit inside the record are
 * skipped (but still used for the baseline model).
 */
export function medianBeat(
  signalMv: Float32Array | Float64Array,
  fsHz: number,
  rPeaks: ArrayLike<number>,
  beforeS = 0.4,
  afterS = 0.6,
): MedianBeat {
  const n = signalMv.length;
  const nBefore = Math.round(beforeS * fsHz);
  const nAfter = Math.round(afterS * fsHz);
  const length = nBefore + nAfter + 1;
  const starts: number[] = [];
  for (let k = 0; k < rPeaks.length; k++) {
    const start = rPeaks[k] - nBefore;
    if (start >= 0 && rPeaks[k] + nAfter < n) starts.push(start);
  }
  if (starts.length === 0) {
    return { templateMv: new Float32Array(length).fill(NaN), rIndex: nBefore, nBeats: 0 };
  }
  const first = medianOfWindows(signalMv, estimateBaseline(signalMv, fsHz), starts, length);
  let templateMv = first;
  for (let pass = 0; pass < TEMPLATE_PASSES; pass++) {
    const baseline = templateBaseline(signalMv, fsHz, rPeaks, templateMv, nBefore);
    templateMv = medianOfWindows(signalMv, baseline, starts, length);
  }
  return { templateMv, rIndex: nBefore, nBeats: starts.length };
}
