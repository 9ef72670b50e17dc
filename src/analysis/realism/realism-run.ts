/**
 * One realism run, as both `pqrst realism` and the studio's Realism view do it: the windows of one class
 * taken from a dataset (`classSet`), each side thinned evenly to at most `maxWindows` windows
 * (`thinSet`), the interval and spectrum statistics, then the classifier two-sample test on the given
 * trainer (or the reason it is not run); a side too small for the test's splits gives a report whose
 * classifier part says why (`skipped`), not an error.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import type { ClassName } from '../../core/units.ts';
import type { RealDataset } from '../../train/experiment/real-dataset.ts';
import type { Trainer } from '../../train/types.ts';
import { classifierTwoSample } from './classifier-test.ts';
import { windowCount, type EcgSet } from './ecg-set.ts';
import { realismStatistics, withClassifier, type RealismReport } from './realism-report.ts';

/** The windows of class `className` in `dataset`, their records as groups (null when it holds none). */
export function classSet(dataset: RealDataset, className: ClassName): EcgSet | null {
  const keep: number[] = [];
  dataset.windows.forEach((w, i) => {
    if (w.className === className) keep.push(i);
  });
  if (keep.length === 0) return null;
  const L = dataset.windowSamples;
  const x = new Float32Array(keep.length * L);
  keep.forEach((i, k) => x.set(dataset.x.subarray(i * L, (i + 1) * L), k * L));
  return { fsHz: dataset.fsHz, windowSamples: L, x, groups: keep.map((i) => dataset.windows[i].record) };
}

/** Windows per class of `dataset`, as `nsr 180, af 6` (in the order first met). */
export function classCountsText(dataset: RealDataset): string {
  const counts = new Map<string, number>();
  for (const w of dataset.windows) counts.set(w.className, (counts.get(w.className) ?? 0) + 1);
  return [...counts.entries()].map(([c, n]) => `${c} ${n}`).join(', ');
}

/** At most `max` windows of `set`, taken evenly (window floor(k·n/max) for k = 0 … max-1); `set` itself when it has no more. */
export function thinSet(set: EcgSet, max: number): EcgSet {
  const n = windowCount(set);
  if (n <= max) return set;
  const L = set.windowSamples;
  const x = new Float32Array(max * L);
  const groups: string[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.floor((k * n) / max);
    x.set(set.x.subarray(i * L, (i + 1) * L), k * L);
    groups.push(set.groups?.[i] ?? `#${i}`);
  }
  return { ...set, x, groups };
}

/** The stages of a run, in order. */
export type RealismStage = 'statistics' | 'classifier';

/** Options of `realismRun`. */
export interface RealismRunOptions {
  /** Windows per side kept (thinned evenly); the CLI's `--max-windows`, default 1000. */
  maxWindows?: number;
  /** Seed and epochs of the classifier test (defaults 1 and 3). */
  seed?: number;
  epochs?: number;
  signal?: AbortSignalLike;
  /** Progress of a stage, 0 … 1. */
  onProgress?: (stage: RealismStage, fraction: number) => void;
}

/**
 * The realism report of `synthetic` against `real` for class `className` (see the module comment).
 * `test.trainer` runs the classifier test; `{ skipped }` leaves it out with that reason.
 */
export async function realismRun(
  className: ClassName,
  realAll: EcgSet,
  syntheticAll: EcgSet,
  test: { trainer: Trainer } | { skipped: string },
  options: RealismRunOptions = {},
): Promise<RealismReport> {
  const max = options.maxWindows ?? 1000;
  const real = thinSet(realAll, max);
  const synthetic = thinSet(syntheticAll, max);
  const report = realismStatistics(className, real, synthetic, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('statistics', total > 0 ? done / total : 1),
  });
  if (!('trainer' in test)) return withClassifier(report, { skipped: test.skipped });
  options.onProgress?.('classifier', 0);
  try {
    const result = await classifierTwoSample(test.trainer, real, synthetic, {
      seed: options.seed ?? 1,
      epochs: options.epochs ?? 3,
      signal: options.signal,
      onProgress: (fraction) => options.onProgress?.('classifier', fraction),
    });
    return withClassifier(report, result);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return withClassifier(report, { skipped: e.message });
  }
}
