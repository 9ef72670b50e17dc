/**
 * The main-thread side of the variety view's requests. Like the strip's client: at most one request in
 * flight, and while it runs a newer request replaces the queued one, so only the newest parameters are
 * ever computed after the current job.
 */
import type { SynthParams } from '../synth/index.ts';
import type {
  VarietyFailure,
  VarietyReply,
  VarietyRequest,
  VarietyResult,
} from '../workers/variety-protocol.ts';
import type { ChannelPort } from './worker-channels.ts';

/** Callbacks of a variety client. */
export interface VarietyClientHandlers {
  /** The records of the newest request arrived; `params` are the parameters they were drawn from. */
  onResult(result: VarietyResult, params: SynthParams): void;
  /** The worker refused the request or failed. */
  onFailure(failure: VarietyFailure): void;
}

/** What each request asks for. */
export interface VarietyShape {
  /** Number of records. */
  count: number;
  /** Seconds of each record sent back. */
  windowS: number;
}

/** A coalescing client of the worker's variety requests. */
export class VarietyClient {
  private nextId = 1;
  private inFlight: { id: number; params: SynthParams } | null = null;
  private queued: SynthParams | null = null;

  constructor(
    private readonly port: ChannelPort<VarietyRequest, VarietyReply>,
    private readonly shape: VarietyShape,
    private readonly handlers: VarietyClientHandlers,
  ) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      this.inFlight = null;
      this.queued = null;
      handlers.onFailure({
        type: 'variety-error',
        id: -1,
        key: null,
        message: `worker failed: ${event.message}`,
      });
    };
  }

  /** Ask for the variety records of `params`. */
  request(params: SynthParams): void {
    if (this.inFlight) this.queued = params;
    else this.send(params);
  }

  /** Whether no request is in flight or queued. */
  isIdle(): boolean {
    return this.inFlight === null && this.queued === null;
  }

  private send(params: SynthParams): void {
    const id = this.nextId++;
    this.inFlight = { id, params };
    this.port.postMessage({ type: 'variety', id, params, ...this.shape });
  }

  private receive(reply: VarietyReply): void {
    const current = this.inFlight;
    if (current === null || reply.id !== current.id) return;
    this.inFlight = null;
    const next = this.queued;
    this.queued = null;
    if (next) this.send(next);
    if (reply.type === 'variety-result') this.handlers.onResult(reply, current.params);
    else if (reply.type === 'variety-error') this.handlers.onFailure(reply);
  }
}
