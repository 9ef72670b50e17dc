/**
 * The main-thread side of the synthesis worker, coalescing requests through a latest-wins queue (see
 * latest-wins.ts): a fast slider drag costs one synthesis per worker round trip.
 */
import type { SynthParams } from '../synth/index.ts';
import type { SynthFailure, SynthReply, SynthRequest, SynthResult } from '../workers/synth-protocol.ts';
import { LatestWins } from './latest-wins.ts';

/** What the client needs of a worker (a `Worker` fits). */
export interface SynthPort {
  postMessage(message: SynthRequest): void;
  onmessage: ((event: MessageEvent<SynthReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Callbacks of a client. */
export interface SynthClientHandlers {
  /** A result arrived; `inputAtMs` is the input-event time its request carried. */
  onResult(result: SynthResult, inputAtMs: number | null): void;
  /** The worker refused a request (invalid parameters) or failed. */
  onFailure(failure: SynthFailure): void;
}

interface Pending {
  params: SynthParams;
  inputAtMs: number | null;
}

/** A coalescing client of the synthesis worker. */
export class SynthClient {
  private readonly queue: LatestWins<Pending>;

  constructor(
    port: SynthPort,
    private readonly handlers: SynthClientHandlers,
  ) {
    this.queue = new LatestWins((id, pending) =>
      port.postMessage({ type: 'synth', id, params: pending.params }),
    );
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault();
      this.queue.reset();
      handlers.onFailure({ type: 'error', id: -1, key: null, message: `worker failed: ${event.message}` });
    };
  }

  /** Ask for a record of `params`; `inputAtMs` is the input event behind it (for latency). */
  request(params: SynthParams, inputAtMs: number | null): void {
    this.queue.request({ params, inputAtMs });
  }

  /** Whether no request is in flight or queued. */
  isIdle(): boolean {
    return this.queue.isIdle();
  }

  private receive(reply: SynthReply): void {
    const current = this.queue.settle(reply.id);
    if (current === null) return;
    if (reply.type === 'result') this.handlers.onResult(reply, current.inputAtMs);
    else if (reply.type === 'error') this.handlers.onFailure(reply);
  }
}
