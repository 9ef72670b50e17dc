/**
 * Fibrillatory (or flutter) waves of a rhythm segment, measured in place of a P wave. The ventricular
 * activity of each episode is removed by QRST cancellation (`atrialActivity`) over the whole episode
 * (so that the median QRST template is taken over many beats and holds almost none of the f-waves);
 * the residual is then cut into windows (default 10 s, the length of a dataset record; a last piece of
 * ≥ 4 s is kept) and in each
 * - the frequency is the largest spectral peak (Welch, 4-s segments) in 3-12 Hz;
 * - the amplitude is that of a sinusoid with the residual's power within 0.6-1.4 × that frequency
 *   (a² / 2 = P): the band of the fundamental and its frequency wander, below the 2nd harmonic.
 * The synthesizer's `afFWaveAmpMv` is the amplitude of that fundamental (src/synth/atrial-waves.ts). The
 * estimate reads 5-25 % low on synthetic AF (cancellation leaves part of the f-wave power out of the
 * band); the tests state the tolerance.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { atrialActivity } from '../atrial-activity.ts';
import { bandPower } from '../band-power.ts';
import { peakFrequency } from '../peak-frequency.ts';
import { welchPsd } from '../welch-psd.ts';
import type { FWaveFit } from './fit-types.ts';

/** One window's f-wave measure. */
export interface FWaveWindow extends FWaveFit {
  /** Window start and end (s from the record start). */
  startS: number;
  endS: number;
}

const MIN_WINDOW_S = 4;
const MIN_BEATS = 3;
const SEGMENT_S = 4;
const BAND_HZ: [number, number] = [3, 12];
const FUNDAMENTAL_BAND = [0.6, 1.4];

/**
 * f-wave amplitude (mV) and dominant frequency (Hz) of each window of the episodes `spans` (s) of
 * `signalMv` (mV at `fsHz`), whose R peaks are `rSamples` (ascending). Episodes with fewer than 3 beats
 * or shorter than 4 s are left out.
 */
export function fitFWaves(
  signalMv: Float32Array,
  fsHz: number,
  rSamples: Int32Array,
  spans: readonly { startS: number; endS: number }[],
  windowS = 10,
  signal?: AbortSignalLike,
): FWaveWindow[] {
  const out: FWaveWindow[] = [];
  const minS = Math.min(windowS, MIN_WINDOW_S);
  for (const span of spans) {
    signal?.throwIfAborted();
    const lo = Math.max(0, Math.round(span.startS * fsHz));
    const hi = Math.min(signalMv.length, Math.round(span.endS * fsHz));
    if (hi - lo < minS * fsHz) continue;
    const peaks: number[] = [];
    for (const r of rSamples) if (r >= lo && r < hi) peaks.push(r - lo);
    if (peaks.length < MIN_BEATS) continue;
    const residual = atrialActivity(signalMv.subarray(lo, hi), fsHz, peaks).residualMv;
    const step = Math.round(windowS * fsHz);
    for (let a = 0; residual.length - a >= minS * fsHz; a += step) {
      const b = Math.min(residual.length, a + step);
      const spectrum = welchPsd(residual.subarray(a, b), fsHz, Math.round(SEGMENT_S * fsHz));
      const f0 = peakFrequency(spectrum, BAND_HZ[0], BAND_HZ[1]);
      if (!Number.isFinite(f0)) continue;
      const power = bandPower(spectrum, FUNDAMENTAL_BAND[0] * f0, FUNDAMENTAL_BAND[1] * f0);
      out.push({ startS: (lo + a) / fsHz, endS: (lo + b) / fsHz, freqHz: f0, ampMv: Math.sqrt(2 * power) });
    }
  }
  return out;
}
