/**
 * Messages between the main thread and `synth.worker.ts`. Pure types: the client and the worker both
 * import them, so every message is checked at compile time on both sides.
 *
 * Protocol: the client sends `SynthRequest`s with strictly increasing ids and keeps at most one in
 * flight. The worker answers every request exactly once, with a `SynthResult`, a `SynthFailure` or,
 * when a newer request superseded it before it ran, a `SynthDropped`. Sample buffers travel by transfer.
 */
import type { Wave } from '../synth/index.ts';

/** Ask for one record and its single-beat view. `params` is validated by the worker. */
export interface SynthRequest {
  type: 'synth';
  /** Strictly increasing per client; a lower id than one already seen is stale. */
  id: number;
  /** A complete parameter object (unknown until the worker has validated it). */
  params: unknown;
}

/** The base beat split into its Gaussian components (see `beatComponents`). */
export interface BeatPayload {
  /** Time of each sample relative to the R peak, s. */
  timeS: Float64Array;
  /** Each wave's Gaussian alone, mV. */
  componentsMv: Record<Wave, Float64Array>;
  /** The sum of the five, mV. */
  sumMv: Float64Array;
  /** Wave boundaries relative to the R peak, s. */
  boundariesS: { pOn: number; pOff: number; qrsOn: number; qrsOff: number; tOff: number };
}

/** A synthesized record; its buffers were transferred, not copied. */
export interface SynthResult {
  type: 'result';
  id: number;
  /** Lead II, mV. */
  signalMv: Float32Array;
  /** Sampling rate, Hz. */
  fsHz: number;
  /** R-peak sample indices (ascending). */
  rPeak: Int32Array;
  /** The single-beat view. */
  beat: BeatPayload;
  /** Worker time spent in `synthesize` + `beatComponents`, ms. */
  synthMs: number;
}

/** The request could not be served: invalid parameters (`key` names the parameter) or a failure. */
export interface SynthFailure {
  type: 'error';
  id: number;
  /** The offending parameter, or null when the error is not about one parameter. */
  key: string | null;
  message: string;
}

/** The request was superseded by a newer one before it ran. */
export interface SynthDropped {
  type: 'dropped';
  id: number;
}

/** Any message the worker sends back. */
export type SynthReply = SynthResult | SynthFailure | SynthDropped;
