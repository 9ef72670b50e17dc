/**
 * Messages between the main thread and `synth.worker.ts`. Pure types: the client and the worker both
 * import them, so every message is checked at compile time on both sides.
 *
 * Protocol: the client sends `SynthRequest`s with strictly increasing ids and keeps at most one in
 * flight. The worker answers every request exactly once, with a `SynthResult`, a `SynthFailure` or,
 * when a newer request superseded it before it ran, a `SynthDropped`. Sample buffers travel by transfer.
 * The same worker also serves the variety view (see `variety-protocol.ts`); its replies have their own
 * `variety-*` types, so the two request streams never mix.
 */
import type { BeatView } from '../synth/index.ts';

/** Ask for one record and its single-beat views. `params` is validated by the worker. */
export interface SynthRequest {
  type: 'synth';
  /** Strictly increasing per client; a lower id than one already seen is stale. */
  id: number;
  /** A complete parameter object (unknown until the worker has validated it). */
  params: unknown;
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
  /**
   * The class's typical beat(s) split into named parts (see `beatViews`): one view, or two for `pvc`
   * (a sinus beat and a PVC). Times are relative to the R peak, s; amplitudes in mV.
   */
  beatViews: BeatView[];
  /** Worker time spent in `synthesize` + `beatViews`, ms. */
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

/** Any reply to a `SynthRequest`. */
export type SynthReply = SynthResult | SynthFailure | SynthDropped;
