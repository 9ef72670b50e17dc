/**
 * A latest-wins paint queue: while one paint runs, newer items replace the waiting one, so a plot
 * never falls behind a fast slider and always ends on the newest data.
 */

/** The handle of a painter. */
export interface LatestPainter<T> {
  /** Paint `item` now, or after the running paint (replacing any item already waiting). */
  schedule(item: T): void;
  /** Drop the waiting item and ignore later schedules. */
  dispose(): void;
}

/** Create a painter around `paint`; a failed paint is passed to `onError` and the queue continues. */
export function createLatestPainter<T>(
  paint: (item: T) => Promise<void>,
  onError: (err: unknown) => void,
): LatestPainter<T> {
  let running = false;
  let waiting: { item: T } | null = null;
  let disposed = false;

  const run = async (item: T) => {
    running = true;
    try {
      await paint(item);
    } catch (err) {
      if (!disposed) onError(err);
    }
    running = false;
    const next = waiting;
    waiting = null;
    if (next && !disposed) void run(next.item);
  };

  return {
    schedule(item) {
      if (disposed) return;
      if (running) waiting = { item };
      else void run(item);
    },
    dispose() {
      disposed = true;
      waiting = null;
    },
  };
}
