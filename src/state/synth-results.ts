/**
 * The channel for live samples: the synthesis connector publishes each worker result here and the
 * plots subscribe and draw it directly, so samples never pass through React state (transient updates).
 */
import type { SynthResult } from '../workers/synth-protocol.ts';

/** A worker result together with the input event that caused it. */
export interface PublishedResult {
  result: SynthResult;
  /** `performance.now()` time of the input event behind the request, ms (null if none). */
  inputAtMs: number | null;
}

type Listener = (published: PublishedResult) => void;

const listeners = new Set<Listener>();
let latest: PublishedResult | null = null;

/** Hand a new result to every subscriber. */
export function publishResult(published: PublishedResult): void {
  latest = published;
  for (const listener of listeners) listener(published);
}

/** The most recent result, or null before the first one. */
export function latestResult(): PublishedResult | null {
  return latest;
}

/** Call `listener` on every new result; returns the unsubscribe function. */
export function subscribeResults(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
