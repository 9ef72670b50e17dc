/**
 * Turns a record's lead into the dataset's signal: invalid (NaN) samples are bridged by holding the last
 * valid value and remembered as time spans, then the lead is resampled to the output rate (anti-alias
 * filter of src/core/resample.ts) and optionally band-passed. Pure.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { resample } from '../core/resample.ts';
import { bandpassZeroPhase, type BandpassSpec } from './band-pass.ts';

/** A prepared lead. */
export interface PreparedLead {
  /** The lead at the output rate, mV. */
  signalMv: Float32Array;
  /** Stretches of invalid source samples, s from the record start, sorted. */
  invalidSpans: { startS: number; endS: number }[];
}

/** Options of `prepareLead`. */
export interface PrepareLeadOptions {
  bandpass?: BandpassSpec;
  signal?: AbortSignalLike;
}

/** The runs of non-finite samples as [startS, endS), and the signal with them bridged (copied if any). */
function bridgeInvalid(x: Float32Array, fsHz: number): PreparedLead {
  const spans: { startS: number; endS: number }[] = [];
  const firstValid = x.findIndex((v) => Number.isFinite(v));
  if (firstValid < 0) {
    return { signalMv: new Float32Array(x.length), invalidSpans: [{ startS: 0, endS: x.length / fsHz }] };
  }
  let y = x;
  let runStart = -1;
  let last = x[firstValid];
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      if (runStart >= 0) spans.push({ startS: runStart / fsHz, endS: i / fsHz });
      runStart = -1;
      last = v;
      continue;
    }
    if (y === x) y = Float32Array.from(x);
    if (runStart < 0) runStart = i;
    y[i] = last;
  }
  if (runStart >= 0) spans.push({ startS: runStart / fsHz, endS: x.length / fsHz });
  return { signalMv: y, invalidSpans: spans };
}

/**
 * `signalMv` (mV at `fsInHz`, NaN where invalid) at `fsOutHz`, band-passed when `options.bandpass` is
 * given, with the invalid stretches listed (see the module comment).
 */
export function prepareLead(
  signalMv: Float32Array,
  fsInHz: number,
  fsOutHz: number,
  options: PrepareLeadOptions = {},
): PreparedLead {
  const bridged = bridgeInvalid(signalMv, fsInHz);
  let out = resample(bridged.signalMv, fsInHz, fsOutHz, { signal: options.signal });
  options.signal?.throwIfAborted();
  if (options.bandpass !== undefined && out.length > 0)
    out = bandpassZeroPhase(out, fsOutHz, options.bandpass);
  return { signalMv: out, invalidSpans: bridged.invalidSpans };
}
