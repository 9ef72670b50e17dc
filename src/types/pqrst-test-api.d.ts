/**
 * The typed test hook the studio installs on `window.__pqrst` (tiny, always present). End-to-end tests
 * and the latency benchmark read the page through it instead of scraping the plot's DOM.
 */
import type { SynthParams } from '../synth/index.ts';

/** The samples the strip plot handed to Plotly. */
export interface PlottedStrip {
  /** Sample times, s. */
  timeS: number[];
  /** Lead II, mV. */
  mv: number[];
}

/** `window.__pqrst`. */
export interface PqrstTestApi {
  /** The current parameters (a copy). */
  getParams(): SynthParams;
  /** Change parameters through the store, exactly as a control does; false when refused. */
  setParams(partial: Partial<Record<keyof SynthParams, unknown>>): boolean;
  /** The data last handed to `Plotly.react` for the lead II strip. */
  getPlottedStrip(): PlottedStrip;
  /** Resolves when no synthesis request is pending and the newest result is painted. */
  whenIdle(): Promise<void>;
  /** Number of strip paints so far. */
  readonly paintCount: number;
  /** Input event → frame after `Plotly.react` resolved, of the last strip paint, ms (null if none). */
  readonly lastPaintMs: number | null;
}

declare global {
  interface Window {
    /** The studio's test hook. */
    __pqrst: PqrstTestApi;
  }
}
