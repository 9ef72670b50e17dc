/** `window.__pqrstKept`: the test hook of kept experiment runs (saves done, kept runs, the lab's banner). */
import { trainStore } from '../state/train-store.ts';
import type { PqrstKeptTestApi } from '../types/pqrst-workspace-runs-test-api.d.ts';
import { startKeptWork } from './workspace-kept-start.ts';
import { keptRuns, runsSaved } from './workspace-runs.ts';

/** Build the hook. */
export function createKeptTestApi(): PqrstKeptTestApi {
  return {
    async whenSaved() {
      await startKeptWork();
      await runsSaved();
    },
    runs: () => keptRuns(),
    shown() {
      const k = trainStore.getState().keptRun;
      return k && { itemId: k.itemId, interrupted: k.interrupted, message: k.message };
    },
  };
}

/** Install the hook on `win.__pqrstKept`. */
export function installKeptTestApi(win: Window): void {
  win.__pqrstKept = createKeptTestApi();
}
