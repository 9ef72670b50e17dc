/** `window.__pqrst.fit`: the fit panel's test hook (see src/ui/fit/fit-test-api.ts). */
import type { BeatParams } from '../analysis/fit/index.ts';

/** One fitted template. */
export interface FitTemplateFacts {
  segment: string;
  className: string | null;
  beatType: string;
  nBeats: number;
  rmsUv: number;
  varianceExplained: number;
  params: BeatParams;
  /** Mean R amplitude over the accepted per-beat fits, mV (null without per-beat fits). */
  rAmpMeanMv: number | null;
}

/** The fit panel's test hook. */
export interface PqrstFitTestApi {
  /** Where the fit stands, the record, and the last error. */
  getState(): { phase: string; record: string | null; error: string | null };
  /** The templates of the last fit. */
  getTemplates(): FitTemplateFacts[];
  /** Worker time of the last fit, ms (null before one). */
  getFitMs(): number | null;
  /** The preset last applied (null before one). */
  getPreset(): { className: string; nBeats: number; params: Record<string, unknown> } | null;
  /** Resolves when no fit or preset is running. */
  whenIdle(): Promise<void>;
}

declare module './pqrst-test-api.d.ts' {
  interface PqrstTestApi {
    /** The fit panel's hook (installed when the panel mounts). */
    fit?: PqrstFitTestApi;
  }
}
