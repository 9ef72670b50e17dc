/**
 * The realism report of one class: a synthetic set against a real set of that class.
 * - intervals (RR, PR, QRS, QT; `intervalSamples`): each sample's size, mean and sd, shared-bin
 *   histograms and the 1-D Wasserstein distance (ms);
 * - spectrum (`normalisedSpectra`): the mean normalised PSD of each set and the unbiased spectral MMD²
 *   with the median-heuristic bandwidth;
 * - the classifier two-sample test, added by the caller (it needs a trainer): `withClassifier`.
 * Plain data: the JSON of the report is `JSON.stringify(report)`; `realismFigures` draws it.
 */
import type { ClassName } from '../../core/units.ts';
import type { TwoSampleResult } from './classifier-test.ts';
import { windowCount, type EcgSet } from './ecg-set.ts';
import { pairHistogram, type PairHistogram } from './histogram.ts';
import {
  INTERVAL_NAMES,
  intervalSamples,
  type IntervalName,
  type SetLoopOptions,
} from './interval-samples.ts';
import { mmdUnbiased } from './mmd.ts';
import { DEFAULT_GRID, gridFrequencies, meanSpectrum, normalisedSpectra } from './spectra.ts';
import { wasserstein1 } from './wasserstein.ts';

/** Size, mean and sd of a sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  sd: number;
}

/** One interval compared. */
export interface IntervalComparison {
  unit: 'ms';
  /** W₁ between the real and the synthetic sample (ms); null when either is empty. */
  wasserstein: number | null;
  real: SampleSummary;
  synthetic: SampleSummary;
  /** Shared-bin densities (1/ms): `a` real, `b` synthetic. */
  histogram: PairHistogram;
}

/** The spectra compared. */
export interface SpectrumComparison {
  freqHz: number[];
  /** Mean normalised PSD of each set (fraction of the 0.5-40 Hz power per bin). */
  real: number[];
  synthetic: number[];
  /** Unbiased MMD² and the kernel bandwidth (median heuristic). */
  mmd2: number;
  bandwidth: number;
}

/** The report. */
export interface RealismReport {
  className: ClassName;
  real: { nWindows: number; fsHz: number; windowS: number };
  synthetic: { nWindows: number; fsHz: number; windowS: number };
  intervals: Record<IntervalName, IntervalComparison>;
  spectrum: SpectrumComparison;
  classifier: TwoSampleResult | { skipped: string };
}

function summary(values: readonly number[]): SampleSummary {
  const n = values.length;
  const mean = n > 0 ? values.reduce((s, v) => s + v, 0) / n : NaN;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : NaN;
  return { n, mean, sd };
}

/**
 * Interval and spectrum statistics of `synthetic` against `real` for class `className` (see the module
 * comment); the classifier part says it was not run until `withClassifier` fills it in.
 */
export function realismStatistics(
  className: ClassName,
  real: EcgSet,
  synthetic: EcgSet,
  options: SetLoopOptions = {},
): RealismReport {
  const nReal = windowCount(real);
  const nSyn = windowCount(synthetic);
  const total = 2 * (nReal + nSyn);
  let base = 0;
  const progress = (done: number): void => options.onProgress?.(base + done, total);
  const loop = { signal: options.signal, onProgress: progress };
  const ir = intervalSamples(real, loop);
  base += nReal;
  const is = intervalSamples(synthetic, loop);
  base += nSyn;
  const sr = normalisedSpectra(real, DEFAULT_GRID, loop);
  base += nReal;
  const ss = normalisedSpectra(synthetic, DEFAULT_GRID, loop);
  const pick: Record<IntervalName, (s: typeof ir) => number[]> = {
    rr: (s) => s.rrMs,
    pr: (s) => s.prMs,
    qrs: (s) => s.qrsMs,
    qt: (s) => s.qtMs,
  };
  const intervals = {} as Record<IntervalName, IntervalComparison>;
  for (const name of INTERVAL_NAMES) {
    const a = pick[name](ir);
    const b = pick[name](is);
    const w = wasserstein1(a, b);
    intervals[name] = {
      unit: 'ms',
      wasserstein: Number.isFinite(w) ? w : null,
      real: summary(a),
      synthetic: summary(b),
      histogram: pairHistogram(a, b),
    };
  }
  const mmd = mmdUnbiased(sr, ss);
  return {
    className,
    real: { nWindows: nReal, fsHz: real.fsHz, windowS: real.windowSamples / real.fsHz },
    synthetic: { nWindows: nSyn, fsHz: synthetic.fsHz, windowS: synthetic.windowSamples / synthetic.fsHz },
    intervals,
    spectrum: {
      freqHz: Array.from(gridFrequencies(DEFAULT_GRID)),
      real: Array.from(meanSpectrum(sr)),
      synthetic: Array.from(meanSpectrum(ss)),
      mmd2: mmd.mmd2,
      bandwidth: mmd.bandwidth,
    },
    classifier: { skipped: 'not run' },
  };
}

/** `report` with the classifier two-sample test's result (or the reason it was skipped). */
export function withClassifier(
  report: RealismReport,
  result: TwoSampleResult | { skipped: string },
): RealismReport {
  return { ...report, classifier: result };
}
