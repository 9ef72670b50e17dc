/**
 * Yield to the event loop (a macrotask turn), so that long pure loops in the CLI, a worker or a page
 * let signal handlers, cancel buttons and I/O callbacks run. Uses the host's `setTimeout` where there
 * is one (browsers, workers, Node), else a resolved promise.
 */
const host = globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown };

/** A promise that resolves on a later turn of the event loop. */
export function nextTurn(): Promise<void> {
  const setTimer = host.setTimeout;
  return setTimer ? new Promise((resolve) => setTimer(resolve, 0)) : Promise.resolve();
}
