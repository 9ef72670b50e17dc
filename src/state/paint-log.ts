/**
 * What the strip plot last drew, for the status line and the test API: the exact arrays handed to
 * Plotly, how many paints happened, and the latency of the last one (input event → frame after
 * `Plotly.react`). A plain module, not React state.
 */

/** One completed paint of the strip. */
export interface StripPaint {
  /** Id of the synthesis request whose result was drawn. */
  requestId: number;
  /** The x values handed to Plotly, s. */
  timeS: ArrayLike<number>;
  /** The y values handed to Plotly, mV. */
  mv: ArrayLike<number>;
  /** Input event → frame after `Plotly.react` resolved, ms (null when no input event caused it). */
  latencyMs: number | null;
}

type Listener = (paint: StripPaint) => void;

const listeners = new Set<Listener>();
let last: StripPaint | null = null;
let count = 0;

/** Record a finished strip paint. */
export function recordStripPaint(paint: StripPaint): void {
  last = paint;
  count++;
  for (const listener of listeners) listener(paint);
}

/** The last strip paint, or null. */
export function lastStripPaint(): StripPaint | null {
  return last;
}

/** Number of strip paints since the page loaded. */
export function stripPaintCount(): number {
  return count;
}

/** Call `listener` after every strip paint; returns the unsubscribe function. */
export function subscribeStripPaints(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
