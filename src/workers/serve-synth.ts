/**
 * Serving one strip request in the worker: the record (`synthesize`) and the class's single-beat views
 * (`beatViews`), or an error naming the invalid parameter. Never throws.
 */
import { beatViews, ParamError, synthesize, validateParams } from '../synth/index.ts';
import type { SynthReply, SynthRequest } from './synth-protocol.ts';

/** The reply to `request`. */
export function serveSynth(request: SynthRequest): SynthReply {
  const startMs = performance.now();
  try {
    const params = validateParams(request.params);
    const record = synthesize(params);
    const views = beatViews(params);
    return {
      type: 'result',
      id: request.id,
      signalMv: record.signalMv,
      fsHz: record.fsHz,
      rPeak: record.rPeak,
      beatViews: views,
      synthMs: performance.now() - startMs,
    };
  } catch (err) {
    return { type: 'error', id: request.id, ...describeError(err) };
  }
}

/** The parameter an error is about (or null) and its message. */
export function describeError(err: unknown): { key: string | null; message: string } {
  return {
    key: err instanceof ParamError ? err.key : null,
    message: err instanceof Error ? err.message : String(err),
  };
}

/** The buffers of a strip reply, each once (a buffer listed twice cannot be transferred). */
export function synthTransferables(reply: SynthReply): ArrayBuffer[] {
  if (reply.type !== 'result') return [];
  const buffers = new Set<ArrayBufferLike>([reply.signalMv.buffer, reply.rPeak.buffer]);
  for (const view of reply.beatViews) {
    buffers.add(view.timeS.buffer);
    buffers.add(view.sumMv.buffer);
    for (const part of view.parts) buffers.add(part.mv.buffer);
  }
  return [...buffers] as ArrayBuffer[];
}
