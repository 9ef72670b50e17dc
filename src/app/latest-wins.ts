/**
 * A latest-wins request queue for a worker: at most one request is in flight, and while it runs a newer
 * request replaces the queued one. A fast slider drag therefore costs one computation per worker round
 * trip, and superseded requests are dropped before they are ever sent.
 */
export class LatestWins<Payload> {
  private nextId = 1;
  private inFlight: { id: number; payload: Payload } | null = null;
  private queued: Payload | null = null;

  /** `post` sends one request with its id to the worker. */
  constructor(private readonly post: (id: number, payload: Payload) => void) {}

  /** Send `payload` now, or queue it (replacing any queued one) while a request is in flight. */
  request(payload: Payload): void {
    if (this.inFlight) this.queued = payload;
    else this.send(payload);
  }

  /** Whether no request is in flight or queued. */
  isIdle(): boolean {
    return this.inFlight === null && this.queued === null;
  }

  /**
   * A reply with `id` arrived. Returns the payload of the in-flight request when the reply is its own
   * (after sending the queued request, so the worker computes it while this reply is handled), else null.
   */
  settle(id: number): Payload | null {
    const current = this.inFlight;
    if (current === null || id !== current.id) return null;
    this.inFlight = null;
    const next = this.queued;
    this.queued = null;
    if (next !== null) this.send(next);
    return current.payload;
  }

  /** Forget the in-flight and queued requests (the worker failed). */
  reset(): void {
    this.inFlight = null;
    this.queued = null;
  }

  private send(payload: Payload): void {
    const id = this.nextId++;
    this.inFlight = { id, payload };
    this.post(id, payload);
  }
}
