/**
 * Brings a real dataset to the experiment's rate and window: windows at another rate are resampled one
 * by one with the project's anti-alias polyphase resampler (src/core/resample.ts); windows of another
 * duration are refused (re-import them with the config's window).
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { resample } from '../../core/resample.ts';
import { ExperimentError } from './experiment-error.ts';
import type { RealDataset } from './real-dataset.ts';

/**
 * `dataset` with windows of `windowSamples` samples at `fsHz` (the same object when it already is);
 * `name` names the dataset in messages (e.g. `--train`).
 */
export function conformDataset(
  dataset: RealDataset,
  fsHz: number,
  windowSamples: number,
  name: string,
  signal?: AbortSignalLike,
): RealDataset {
  const durationS = dataset.windowSamples / dataset.fsHz;
  const wantedS = windowSamples / fsHz;
  if (Math.abs(durationS - wantedS) * dataset.fsHz > 0.5) {
    throw new ExperimentError(
      name,
      `windows are ${durationS} s (${dataset.windowSamples} samples at ${dataset.fsHz} Hz), the config's windowS is ` +
        `${wantedS} s: import the data with --window ${wantedS}, or set windowS to ${durationS}`,
    );
  }
  if (dataset.fsHz === fsHz && dataset.windowSamples === windowSamples) return dataset;
  if (!Number.isInteger(dataset.fsHz) || dataset.fsHz <= 0) {
    throw new ExperimentError(name, `sampling rate ${dataset.fsHz} Hz is not a whole number of Hz`);
  }
  const n = dataset.windows.length;
  const inL = dataset.windowSamples;
  const x = new Float32Array(n * windowSamples);
  for (let i = 0; i < n; i++) {
    signal?.throwIfAborted();
    const out = resample(dataset.x.subarray(i * inL, (i + 1) * inL), dataset.fsHz, fsHz);
    const row = x.subarray(i * windowSamples, (i + 1) * windowSamples);
    row.set(out.subarray(0, windowSamples));
    if (out.length < windowSamples) row.fill(out[out.length - 1] ?? 0, out.length);
  }
  return { fsHz, windowSamples, x, windows: dataset.windows };
}
