/** `window.__pqrst.realism`: the Realism view's test hook (see src/ui/realism/realism-test-api.ts). */
import type { RealismReport } from '../analysis/realism/index.ts';

/** The Realism view's test hook. */
export interface PqrstRealismTestApi {
  /** Where the comparison stands, its stage and the last error or refusal. */
  getState(): { phase: string; stage: string | null; error: string | null };
  /** The last report (null before one). */
  getReport(): RealismReport | null;
  /** The names of the last report's files (report.json, the SVG figures, recipe.json). */
  getFileNames(): string[];
  /** Resolves when no comparison is running. */
  whenIdle(): Promise<void>;
}

declare module './pqrst-test-api.d.ts' {
  interface PqrstTestApi {
    /** The Realism view's hook (installed when the view mounts). */
    realism?: PqrstRealismTestApi;
  }
}
