/**
 * Messages of the variety view, served by the same worker as the strip (`synth.worker.ts`). Pure types.
 *
 * Protocol: like the strip's, the client sends `VarietyRequest`s with strictly increasing ids and keeps
 * at most one in flight; the worker answers each exactly once with a `VarietyResult`, a `VarietyFailure`
 * or, when a newer variety request replaced it before it finished, a `VarietyDropped`. The worker
 * computes a variety request one record at a time and serves any waiting strip request first, so the
 * variety view never delays the live strip by more than one record. Sample buffers travel by transfer.
 */
import type { SynthReply, SynthRequest } from './synth-protocol.ts';

/** Ask for `count` records of the parameters' class: record i has seed `recordSeed(seed, class, i)`. */
export interface VarietyRequest {
  type: 'variety';
  /** Strictly increasing per client. */
  id: number;
  /** A complete parameter object (validated by the worker); every record uses it except for the seed. */
  params: unknown;
  /** Number of records. */
  count: number;
  /** Length of the start of each record that is sent back, s. */
  windowS: number;
}

/** The start of one variety record. */
export interface VarietyThumb {
  /** The record's seed: setting `seed` to it opens this exact record. */
  seed: number;
  /** Its class. */
  className: string;
  /** Sampling rate, Hz. */
  fsHz: number;
  /** Lead II over the first `windowS` seconds (or the whole record when shorter), mV. */
  signalMv: Float32Array;
  /** R-peak samples of the ventricular (`V`) beats within `signalMv`. */
  ventricularPeaks: Int32Array;
}

/** The records of a variety request; their buffers were transferred. */
export interface VarietyResult {
  type: 'variety-result';
  id: number;
  /** The window the request asked for, s. */
  windowS: number;
  thumbs: VarietyThumb[];
  /** Worker time spent synthesizing, ms. */
  synthMs: number;
}

/** The variety request could not be served (`key` names an invalid parameter, or null). */
export interface VarietyFailure {
  type: 'variety-error';
  id: number;
  key: string | null;
  message: string;
}

/** A newer variety request replaced this one before it finished. */
export interface VarietyDropped {
  type: 'variety-dropped';
  id: number;
}

/** Any reply to a `VarietyRequest`. */
export type VarietyReply = VarietyResult | VarietyFailure | VarietyDropped;

/** Any message the main thread sends the worker. */
export type WorkerRequest = SynthRequest | VarietyRequest;

/** Any message the worker sends back. */
export type WorkerReply = SynthReply | VarietyReply;
