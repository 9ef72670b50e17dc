/**
 * The typed test hook the studio installs on `window.__pqrst` (tiny, always present). End-to-end tests
 * and the latency benchmark read the page through it instead of scraping the plot's DOM.
 */
import type { SynthParams } from '../synth/index.ts';
import type { PqrstImportTestApi } from './pqrst-import-test-api.d.ts';

/** The samples the strip plot handed to Plotly. */
export interface PlottedStrip {
  /** Sample times, s. */
  timeS: number[];
  /** Lead II, mV. */
  mv: number[];
}

/** One thumbnail of the variety view. */
export interface PlottedVarietyThumb {
  /** The record's seed (clicking the thumbnail sets the `seed` parameter to it). */
  seed: number;
  /** The record's class. */
  className: string;
}

/** One drawn single-beat view. */
export interface PlottedBeatView {
  /** The view's title, e.g. "PVC: no P, wide QRS, opposite T". */
  title: string;
  /** Names of the parts drawn under the sum, e.g. ["P", "Q", "R", "S", "T"]. */
  parts: string[];
}

/** `window.__pqrst`. */
export interface PqrstTestApi {
  /** The current parameters (a copy). */
  getParams(): SynthParams;
  /** Change parameters through the store, exactly as a control does; false when refused. */
  setParams(partial: Partial<Record<keyof SynthParams, unknown>>): boolean;
  /** The data last handed to `Plotly.react` for the lead II strip. */
  getPlottedStrip(): PlottedStrip;
  /** The variety thumbnails last drawn, in order (empty before the first draw). */
  getVariety(): PlottedVarietyThumb[];
  /** The single-beat views last drawn, left to right (empty before the first draw). */
  getBeatViews(): PlottedBeatView[];
  /** Resolves when no synthesis request is pending and the newest result is painted. */
  whenIdle(): Promise<void>;
  /** Number of strip paints so far. */
  readonly paintCount: number;
  /** Input event → frame after `Plotly.react` resolved, of the last strip paint, ms (null if none). */
  readonly lastPaintMs: number | null;
  /** The import panel's hook (installed when the panel mounts). */
  import?: PqrstImportTestApi;
}

declare global {
  interface Window {
    /** The studio's test hook. */
    __pqrst: PqrstTestApi;
  }
}
