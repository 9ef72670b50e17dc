/**
 * One variety request being computed in the worker, a record per `step()`, so the worker can serve a
 * strip request between two records and drop the job as soon as a newer variety request arrives.
 * Record i is the exact record `synthesize({ ...params, seed: recordSeed(params.seed, class, i) })`;
 * only its first `windowS` seconds are kept.
 */
import { recordSeed, synthesize, validateParams, type SynthParams } from '../synth/index.ts';
import { describeError } from './serve-synth.ts';
import type { VarietyReply, VarietyRequest, VarietyThumb } from './variety-protocol.ts';

/** Most records one request may ask for. */
export const MAX_VARIETY_COUNT = 64;

/** A variety request in progress. */
export class VarietyJob {
  private readonly thumbs: VarietyThumb[] = [];
  private readonly params: SynthParams | null = null;
  private failure: VarietyReply | null = null;
  private spentMs = 0;

  constructor(readonly request: VarietyRequest) {
    const { id, count, windowS } = request;
    try {
      if (!Number.isInteger(count) || count < 1 || count > MAX_VARIETY_COUNT) {
        throw new RangeError(`variety count must be 1-${MAX_VARIETY_COUNT}, got ${count}`);
      }
      if (!(windowS > 0)) throw new RangeError(`variety window must be positive, got ${windowS}`);
      this.params = validateParams(request.params);
    } catch (err) {
      this.failure = { type: 'variety-error', id, ...describeError(err) };
    }
  }

  /** Whether every record is computed (or the request failed). */
  get done(): boolean {
    return this.failure !== null || this.thumbs.length >= this.request.count;
  }

  /** Synthesize the next record. */
  step(): void {
    const params = this.params;
    if (this.done || !params) return;
    const startMs = performance.now();
    try {
      const seed = recordSeed(params.seed, params.className, this.thumbs.length);
      const record = synthesize({ ...params, seed });
      const n = Math.min(record.signalMv.length, Math.round(this.request.windowS * record.fsHz));
      const ventricular: number[] = [];
      record.rPeak.forEach((r, k) => {
        if (r < n && record.beatSymbol[k] === 'V') ventricular.push(r);
      });
      this.thumbs.push({
        seed,
        className: params.className,
        fsHz: record.fsHz,
        signalMv: n === record.signalMv.length ? record.signalMv : record.signalMv.slice(0, n),
        ventricularPeaks: Int32Array.from(ventricular),
      });
    } catch (err) {
      this.failure = { type: 'variety-error', id: this.request.id, ...describeError(err) };
    }
    this.spentMs += performance.now() - startMs;
  }

  /** The reply (once `done`). */
  reply(): VarietyReply {
    if (this.failure) return this.failure;
    const { id, windowS } = this.request;
    return { type: 'variety-result', id, windowS, thumbs: this.thumbs, synthMs: this.spentMs };
  }
}

/** The buffers of a variety reply. */
export function varietyTransferables(reply: VarietyReply): ArrayBuffer[] {
  if (reply.type !== 'variety-result') return [];
  return reply.thumbs.flatMap((t) => [t.signalMv.buffer, t.ventricularPeaks.buffer]) as ArrayBuffer[];
}
