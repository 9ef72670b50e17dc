/**
 * The main-thread side of the variety view's requests, coalesced through a latest-wins queue (see
 * latest-wins.ts), so only the newest parameters are ever computed after the current job.
 */
import type { SynthParams } from '../synth/index.ts';
import type {
  VarietyFailure,
  VarietyReply,
  VarietyRequest,
  VarietyResult,
} from '../workers/variety-protocol.ts';
import { LatestWins } from './latest-wins.ts';
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
  private readonly queue: LatestWins<SynthParams>;

  constructor(
    port: ChannelPort<VarietyRequest, VarietyReply>,
    shape: VarietyShape,
    private readonly handlers: VarietyClientHandlers,
  ) {
    this.queue = new LatestWins((id, params) => port.postMessage({ type: 'variety', id, params, ...shape }));
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      this.queue.reset();
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
    this.queue.request(params);
  }

  /** Whether no request is in flight or queued. */
  isIdle(): boolean {
    return this.queue.isIdle();
  }

  private receive(reply: VarietyReply): void {
    const params = this.queue.settle(reply.id);
    if (params === null) return;
    if (reply.type === 'variety-result') this.handlers.onResult(reply, params);
    else if (reply.type === 'variety-error') this.handlers.onFailure(reply);
  }
}
