/**
 * One synthesis worker, two clients: the strip's `SynthClient` and the `VarietyClient` each get a port
 * of their own. Replies are routed by type (`variety-*` to the variety port, the rest to the strip);
 * a worker failure reaches both, so neither waits forever for a reply that will not come.
 */
import type { SynthReply, SynthRequest } from '../workers/synth-protocol.ts';
import type { VarietyReply, VarietyRequest, WorkerReply } from '../workers/variety-protocol.ts';

/** A typed message port: what a client needs of the worker. */
export interface ChannelPort<Request, Reply> {
  postMessage(message: Request): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The two ports of one worker. */
export interface WorkerChannels {
  synth: ChannelPort<SynthRequest, SynthReply>;
  variety: ChannelPort<VarietyRequest, VarietyReply>;
}

function isVarietyReply(reply: WorkerReply): reply is VarietyReply {
  return reply.type.startsWith('variety-');
}

/** Split `worker` into the strip's and the variety view's ports. */
export function splitWorker(worker: Worker): WorkerChannels {
  const synth: ChannelPort<SynthRequest, SynthReply> = {
    postMessage: (message) => worker.postMessage(message),
    onmessage: null,
    onerror: null,
  };
  const variety: ChannelPort<VarietyRequest, VarietyReply> = {
    postMessage: (message) => worker.postMessage(message),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    if (isVarietyReply(event.data)) variety.onmessage?.(event as MessageEvent<VarietyReply>);
    else synth.onmessage?.(event as MessageEvent<SynthReply>);
  };
  worker.onerror = (event) => {
    variety.onerror?.(event);
    synth.onerror?.(event);
  };
  return { synth, variety };
}
