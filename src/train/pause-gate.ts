/**
 * A pause inside a fit: the training loop waits at this gate between batches, so a paused run keeps its
 * model, optimiser state and place in the epoch, and resumes exactly where it stopped (the numbers equal
 * those of a run never paused). A cancel while paused ends the wait with the signal's reason.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { nowMs, yieldToEventLoop } from './trainer-yield.ts';

/** How often a paused loop looks at its cancel signal, in milliseconds. */
const POLL_MS = 50;

/** Pause and resume of a running fit; one gate can serve a whole experiment. */
export class PauseGate {
  private readonly waiters = new Set<() => void>();
  private pausedFlag = false;

  /** Whether the gate is closed (the fit waits at its next batch). */
  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Close the gate: the fit stops before its next batch. */
  pause(): void {
    this.pausedFlag = true;
  }

  /** Open the gate: a waiting fit goes on. */
  resume(): void {
    this.pausedFlag = false;
    for (const w of [...this.waiters]) w();
  }

  /**
   * Wait while the gate is closed; returns the milliseconds spent waiting (0 when open), so throughput
   * figures can leave the pause out. Throws the signal's reason if the run is cancelled while paused.
   */
  async wait(signal?: AbortSignalLike): Promise<number> {
    if (!this.pausedFlag) return 0;
    const t0 = nowMs();
    while (this.pausedFlag) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        sleep(POLL_MS).then(wake, wake);
      });
    }
    signal?.throwIfAborted();
    return nowMs() - t0;
  }
}

/** Resolve after about `ms` milliseconds (setTimeout where there is one, else event-loop turns). */
function sleep(ms: number): Promise<void> {
  const g = globalThis as { setTimeout?: (f: () => void, ms: number) => unknown };
  if (g.setTimeout) return new Promise((resolve) => g.setTimeout!(resolve, ms));
  return yieldToEventLoop();
}
