/**
 * The channel for the variety view's records: the connector publishes each worker result here and the
 * panel draws it on its canvases from a subscription, so samples never pass through React state. The
 * panel's captions read only `labels` (seed and class of each record), a stable array per result.
 */
import type { SynthParams } from '../synth/index.ts';
import type { VarietyThumb } from '../workers/variety-protocol.ts';

/** Seed and class of one variety record. */
export interface VarietyLabel {
  seed: number;
  className: string;
}

/** A variety result and the parameters it was drawn from. */
export interface PublishedVariety {
  thumbs: VarietyThumb[];
  /** Seconds of each record in `thumbs`. */
  windowS: number;
  /** The parameters of the request (every record uses them, except for its seed). */
  params: SynthParams;
  /** Seed and class of each thumb, in order. */
  labels: VarietyLabel[];
}

type Listener = (published: PublishedVariety) => void;

const listeners = new Set<Listener>();
let latest: PublishedVariety | null = null;

/** Publish the records of a variety result to every subscriber. */
export function publishVariety(thumbs: VarietyThumb[], windowS: number, params: SynthParams): void {
  const labels = thumbs.map(({ seed, className }) => ({ seed, className }));
  latest = { thumbs, windowS, params, labels };
  for (const listener of listeners) listener(latest);
}

/** The most recent variety result, or null before the first one. */
export function latestVariety(): PublishedVariety | null {
  return latest;
}

/** The labels of the most recent result (the same array until the next result), or null. */
export function latestVarietyLabels(): VarietyLabel[] | null {
  return latest?.labels ?? null;
}

/** Call `listener` on every new result; returns the unsubscribe function. */
export function subscribeVariety(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
