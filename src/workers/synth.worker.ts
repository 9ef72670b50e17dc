/**
 * Module worker: runs `synthesize` and `beatComponents` off the main thread. Requests that a newer one
 * superseded before they ran are answered `dropped`; invalid parameters are answered with an error
 * naming the parameter (the worker never throws out of its handler). Buffers go back by transfer.
 */
import { beatComponents, ParamError, synthesize, validateParams } from '../synth/index.ts';
import type { SynthReply, SynthRequest, SynthResult } from './synth-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let newestId = -Infinity;
let waiting: SynthRequest | null = null;
let scheduled = false;

function send(reply: SynthReply): void {
  if (reply.type !== 'result') {
    self.postMessage(reply);
    return;
  }
  const { beat } = reply;
  const buffers = [
    reply.signalMv.buffer,
    reply.rPeak.buffer,
    beat.timeS.buffer,
    beat.sumMv.buffer,
    ...Object.values(beat.componentsMv).map((c) => c.buffer),
  ] as ArrayBuffer[];
  self.postMessage(reply, buffers);
}

function serve(request: SynthRequest): SynthReply {
  const startMs = performance.now();
  try {
    const params = validateParams(request.params);
    const record = synthesize(params);
    const beat = beatComponents(params);
    const result: SynthResult = {
      type: 'result',
      id: request.id,
      signalMv: record.signalMv,
      fsHz: record.fsHz,
      rPeak: record.rPeak,
      beat: {
        timeS: beat.timeS,
        componentsMv: beat.components,
        sumMv: beat.sumMv,
        boundariesS: beat.boundariesS,
      },
      synthMs: performance.now() - startMs,
    };
    return result;
  } catch (err) {
    const key = err instanceof ParamError ? err.key : null;
    const message = err instanceof Error ? err.message : String(err);
    return { type: 'error', id: request.id, key, message };
  }
}

/** Serve the newest waiting request; messages that arrived meanwhile have already replaced it. */
function runNewest(): void {
  scheduled = false;
  const request = waiting;
  waiting = null;
  if (request) send(serve(request));
}

self.onmessage = (event: MessageEvent<SynthRequest>) => {
  const request = event.data;
  if (request?.type !== 'synth' || typeof request.id !== 'number') {
    send({ type: 'error', id: -1, key: null, message: 'malformed request' });
    return;
  }
  if (request.id <= newestId) {
    send({ type: 'dropped', id: request.id });
    return;
  }
  newestId = request.id;
  if (waiting) send({ type: 'dropped', id: waiting.id });
  waiting = request;
  // Yield one task so that requests already queued behind this one can supersede it.
  if (!scheduled) {
    scheduled = true;
    setTimeout(runNewest, 0);
  }
};
