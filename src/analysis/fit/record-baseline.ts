/**
 * Baseline (wander) of a record whose beats are of several types, by beat-template subtraction as in
 * `medianBeat` / `templateBaseline`, but with each beat's own type's median template: a first baseline
 * from `estimateBaseline` (200 + 600 ms medians), then twice: a median template per beat type of the
 * signal minus the baseline, every beat's template subtracted (between consecutive R peaks R_k and
 * R_k+1, samples before R_k + 0.6·(R_k+1 − R_k) belong to beat k), and the residual low-passed at 1 Hz
 * (2nd-order Butterworth, zero-phase). With one template for all beats, the difference between an
 * ectopic beat and the normal template would leak into the baseline and bend the ectopic template.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { butterworthSections } from '../biquad.ts';
import { estimateBaseline } from '../estimate-baseline.ts';
import { filtfilt } from '../filtfilt.ts';
import { medianOf } from '../median-of.ts';

/** Template span (s before and after R) of the templates and the baseline model. */
export const TEMPLATE_BEFORE_S = 0.4;
export const TEMPLATE_AFTER_S = 0.6;

const PASSES = 2;
const LOWPASS_HZ = 1;
const SPLIT_FRACTION = 0.6;

/** Sample-wise median of x over windows [r − before, r + after] of the given beats (skipping partial ones). */
export function medianTemplate(
  x: Float32Array,
  base: Float32Array | null,
  rSamples: ArrayLike<number>,
  beats: ArrayLike<number>,
  before: number,
  after: number,
): { templateMv: Float32Array; nBeats: number } {
  const starts: number[] = [];
  for (let k = 0; k < beats.length; k++) {
    const r = rSamples[beats[k]];
    if (r - before >= 0 && r + after < x.length) starts.push(r - before);
  }
  const length = before + after + 1;
  const out = new Float32Array(length).fill(NaN);
  if (starts.length === 0) return { templateMv: out, nBeats: 0 };
  const scratch = new Float64Array(starts.length);
  for (let i = 0; i < length; i++) {
    for (let b = 0; b < starts.length; b++) {
      const j = starts[b] + i;
      scratch[b] = base === null ? x[j] : x[j] - base[j];
    }
    out[i] = medianOf(scratch, starts.length);
  }
  return { templateMv: out, nBeats: starts.length };
}

/**
 * Baseline of `x` (mV at `fsHz`) with beats at `rSamples` (ascending) of types `types` (see the module
 * comment); same length as `x`, mV.
 */
export function recordBaseline(
  x: Float32Array,
  fsHz: number,
  rSamples: Int32Array,
  types: readonly string[],
  signal?: AbortSignalLike,
): Float32Array {
  const n = x.length;
  const before = Math.round(TEMPLATE_BEFORE_S * fsHz);
  const after = Math.round(TEMPLATE_AFTER_S * fsHz);
  const m = before + after + 1;
  const byType = new Map<string, number[]>();
  types.forEach((t, k) => byType.set(t, [...(byType.get(t) ?? []), k]));
  let base = estimateBaseline(x, fsHz);
  for (let pass = 0; pass < PASSES; pass++) {
    signal?.throwIfAborted();
    const templates = new Map<string, Float32Array>();
    for (const [t, beats] of byType) {
      const { templateMv, nBeats } = medianTemplate(x, base, rSamples, beats, before, after);
      if (nBeats > 0) templates.set(t, templateMv);
    }
    const residual = Float64Array.from(x);
    for (let k = 0; k < rSamples.length; k++) {
      const template = templates.get(types[k]);
      if (template === undefined) continue;
      const r = rSamples[k];
      const from = k > 0 ? rSamples[k - 1] + Math.floor(SPLIT_FRACTION * (r - rSamples[k - 1])) + 1 : 0;
      const to = k + 1 < rSamples.length ? r + Math.floor(SPLIT_FRACTION * (rSamples[k + 1] - r)) : n - 1;
      for (let i = Math.max(0, from), e = Math.min(n - 1, to); i <= e; i++) {
        const j = i - r + before;
        residual[i] -= template[j < 0 ? 0 : j >= m ? m - 1 : j];
      }
    }
    filtfilt(residual, butterworthSections('lowpass', 2, LOWPASS_HZ, fsHz), residual);
    base = Float32Array.from(residual);
  }
  return base;
}
