/**
 * Power spectra of ECG windows on one frequency grid, for comparing sets recorded at different rates:
 * each window's Welch PSD (`welchPsd`, 2-s Hann segments: 0.5 Hz resolution; the whole window when
 * shorter) is interpolated linearly onto 0.5, 1.0, … 40 Hz (the ECG band that every rate ≥ 100 Hz
 * holds) and normalised to sum 1, so that a spectrum describes the shape of the power distribution,
 * not the signal's amplitude.
 */
import { welchPsd } from '../welch-psd.ts';
import { windowCount, windowOf, type EcgSet } from './ecg-set.ts';
import type { SetLoopOptions } from './interval-samples.ts';

/** The grid of the normalised spectra (Hz). */
export interface SpectrumGrid {
  loHz: number;
  hiHz: number;
  stepHz: number;
}

/** 0.5-40 Hz by 0.5 Hz. */
export const DEFAULT_GRID: Readonly<SpectrumGrid> = Object.freeze({ loHz: 0.5, hiHz: 40, stepHz: 0.5 });

const SEGMENT_S = 2;

/** The grid frequencies (Hz). */
export function gridFrequencies(grid: SpectrumGrid = DEFAULT_GRID): Float64Array {
  const n = Math.floor((grid.hiHz - grid.loHz) / grid.stepHz + 1e-9) + 1;
  return Float64Array.from({ length: n }, (_, k) => grid.loHz + k * grid.stepHz);
}

/** Normalised spectra of every window of `set`, one Float64Array per window (see the module comment). */
export function normalisedSpectra(
  set: EcgSet,
  grid: SpectrumGrid = DEFAULT_GRID,
  options: SetLoopOptions = {},
): Float64Array[] {
  const f = gridFrequencies(grid);
  if (grid.hiHz > set.fsHz / 2) {
    throw new RangeError(
      `spectra up to ${grid.hiHz} Hz need a sampling rate above ${2 * grid.hiHz} Hz, got ${set.fsHz}`,
    );
  }
  const n = windowCount(set);
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    options.signal?.throwIfAborted();
    const s = welchPsd(windowOf(set, i), set.fsHz, Math.round(SEGMENT_S * set.fsHz));
    const df = s.freqHz[1] - s.freqHz[0];
    const row = new Float64Array(f.length);
    let sum = 0;
    for (let k = 0; k < f.length; k++) {
      const p = f[k] / df;
      const j = Math.min(s.psd.length - 2, Math.floor(p));
      row[k] = s.psd[j] + (p - j) * (s.psd[j + 1] - s.psd[j]);
      sum += row[k];
    }
    if (sum > 0) for (let k = 0; k < f.length; k++) row[k] /= sum;
    out.push(row);
    if ((i + 1) % 64 === 0) options.onProgress?.(i + 1, n);
  }
  return out;
}

/** The mean of `rows` (equal length); empty for no rows. */
export function meanSpectrum(rows: readonly Float64Array[]): Float64Array {
  if (rows.length === 0) return new Float64Array(0);
  const out = new Float64Array(rows[0].length);
  for (const r of rows) for (let k = 0; k < out.length; k++) out[k] += r[k] / rows.length;
  return out;
}
