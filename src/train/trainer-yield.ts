/**
 * Let the event loop run (a macrotask turn), so a worker sees a cancel message between batches and the
 * CLI sees SIGINT. Uses setImmediate (Node), else a MessageChannel (browsers, workers), else setTimeout.
 */

interface Scheduler {
  setImmediate?: (f: () => void) => unknown;
  MessageChannel?: new () => {
    port1: { onmessage: (() => void) | null; close(): void };
    port2: { postMessage(m: unknown): void; close(): void };
  };
  setTimeout?: (f: () => void, ms: number) => unknown;
}

/** Resolve after one turn of the event loop. */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as Scheduler;
  return new Promise((resolve) => {
    if (g.setImmediate) g.setImmediate(resolve);
    else if (g.MessageChannel) {
      const ch = new g.MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    } else if (g.setTimeout) g.setTimeout(resolve, 0);
    else resolve();
  });
}

/** Milliseconds from a monotonic clock where there is one (performance.now), else Date.now. */
export function nowMs(): number {
  const p = (globalThis as { performance?: { now(): number } }).performance;
  return p ? p.now() : Date.now();
}
