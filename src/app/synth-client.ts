/**
 * The main-thread side of the synthesis worker. At most one request is in flight; while it runs, later
 * requests replace the queued one (coalescing), so a fast slider drag costs one synthesis per worker
 * round trip and the queued, superseded requests are cancelled before they are ever sent.
 */
import type { SynthParams } from '../synth/index.ts';
import type { SynthFailure, SynthReply, SynthRequest, SynthResult } from '../workers/synth-protocol.ts';

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
  private nextId = 1;
  private inFlight: { id: number; inputAtMs: number | null } | null = null;
  private queued: Pending | null = null;

  constructor(
    private readonly port: SynthPort,
    private readonly handlers: SynthClientHandlers,
  ) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault();
      this.inFlight = null;
      this.queued = null;
      handlers.onFailure({ type: 'error', id: -1, key: null, message: `worker failed: ${event.message}` });
    };
  }

  /** Ask for a record of `params`; `inputAtMs` is the input event behind it (for latency). */
  request(params: SynthParams, inputAtMs: number | null): void {
    if (this.inFlight) this.queued = { params, inputAtMs };
    else this.send({ params, inputAtMs });
  }

  /** Whether no request is in flight or queued. */
  isIdle(): boolean {
    return this.inFlight === null && this.queued === null;
  }

  private send(pending: Pending): void {
    const id = this.nextId++;
    this.inFlight = { id, inputAtMs: pending.inputAtMs };
    this.port.postMessage({ type: 'synth', id, params: pending.params });
  }

  private receive(reply: SynthReply): void {
    const current = this.inFlight;
    if (current === null || reply.id !== current.id) return;
    this.inFlight = null;
    const next = this.queued;
    this.queued = null;
    // Send the queued request first, so the worker computes it while this result is being drawn.
    if (next) this.send(next);
    if (reply.type === 'result') this.handlers.onResult(reply, current.inputAtMs);
    else if (reply.type === 'error') this.handlers.onFailure(reply);
  }
}
