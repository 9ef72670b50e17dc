/**
 * Interval samples of a set of ECG windows, measured by the analysis module exactly as on any record:
 * every RR interval between consecutive `detectRPeaks` R peaks, and per window the PR, QRS and QT of its
 * median beat (`measureIntervals`). A window where a measure is not possible (no P wave in AF, too few
 * beats) adds nothing to that sample.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { detectRPeaks } from '../detect-r-peaks.ts';
import { measureIntervals } from '../measure-intervals.ts';
import { windowCount, windowOf, type EcgSet } from './ecg-set.ts';

/** The four interval samples (ms) of a set of windows. */
export interface IntervalSamples {
  rrMs: number[];
  prMs: number[];
  qrsMs: number[];
  qtMs: number[];
  /** Windows measured, and windows with no beat. */
  nWindows: number;
  nNoBeats: number;
}

/** The interval names, in report order. */
export const INTERVAL_NAMES = ['rr', 'pr', 'qrs', 'qt'] as const;
/** One of RR, PR, QRS, QT. */
export type IntervalName = (typeof INTERVAL_NAMES)[number];

/** Options of the per-window loops. */
export interface SetLoopOptions {
  signal?: AbortSignalLike;
  /** Called with (windows done, windows in all). */
  onProgress?: (done: number, total: number) => void;
}

/** RR, PR, QRS and QT samples (ms) of `set` (see the module comment). */
export function intervalSamples(set: EcgSet, options: SetLoopOptions = {}): IntervalSamples {
  const n = windowCount(set);
  const out: IntervalSamples = { rrMs: [], prMs: [], qrsMs: [], qtMs: [], nWindows: n, nNoBeats: 0 };
  const push = (to: number[], v: number): void => {
    if (Number.isFinite(v)) to.push(v);
  };
  for (let i = 0; i < n; i++) {
    options.signal?.throwIfAborted();
    const x = windowOf(set, i);
    const r = detectRPeaks(x, set.fsHz);
    if (r.length === 0) {
      out.nNoBeats++;
      continue;
    }
    for (let k = 1; k < r.length; k++) out.rrMs.push(((r[k] - r[k - 1]) / set.fsHz) * 1000);
    const m = measureIntervals(x, set.fsHz);
    push(out.prMs, m.prMs);
    push(out.qrsMs, m.qrsMs);
    push(out.qtMs, m.qtMs);
    if ((i + 1) % 32 === 0) options.onProgress?.(i + 1, n);
  }
  options.onProgress?.(n, n);
  return out;
}
