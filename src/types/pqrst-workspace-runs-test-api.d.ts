/** `window.__pqrstKept`: the test hook of kept experiment runs and models (src/workspace/workspace-runs-test-api.ts). */

/** One kept run. */
export interface KeptRunFacts {
  id: string;
  status: 'running' | 'paused' | 'cancelled' | 'done';
  /** Finished runs it holds. */
  results: number;
}

/** The hook. */
export interface PqrstKeptTestApi {
  /** Resolves once the kept work started (newest run shown, models mirrored) and every queued save is done. */
  whenSaved(): Promise<void>;
  runs(): Promise<KeptRunFacts[]>;
  /** The lab's kept-run banner state, or null. */
  shown(): { itemId: string; interrupted: boolean; message: string | null } | null;
}

declare global {
  interface Window {
    /** Kept runs' and models' test hook. */
    __pqrstKept?: PqrstKeptTestApi;
  }
}
