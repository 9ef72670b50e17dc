/** Installs `window.__pqrst.dataset`, the Dataset builder's test hook. */
import { previewCurrent } from '../../app/dataset-preview.ts';
import { currentRecipe, datasetStore, exportRunning } from '../../state/dataset-store.ts';
import type { PqrstDatasetTestApi } from '../../types/pqrst-dataset-test-api.d.ts';

const POLL_MS = 10;

function settled(): boolean {
  const state = datasetStore.getState();
  return !exportRunning(state) && previewCurrent(currentRecipe(state).recipe);
}

/** The hook. */
export function createDatasetTestApi(): PqrstDatasetTestApi {
  return {
    getRecipe: () => currentRecipe(datasetStore.getState()).recipe,
    getFormError: () => {
      const { error } = currentRecipe(datasetStore.getState());
      return error && `${error.control}: ${error.message}`;
    },
    getPreview: () => {
      const p = datasetStore.getState().preview;
      return (
        p && {
          classes: p.classes.map((c) => ({
            className: c.className,
            names: [...c.names],
            seeds: c.thumbs.map((t) => t.seed),
            samples: c.thumbs.map((t) => t.signalMv.length),
          })),
          estimatedBytes: p.estimatedBytes,
          exact: p.exact,
        }
      );
    },
    getProgress: () => {
      const s = datasetStore.getState();
      return exportRunning(s) && s.progress
        ? { doneRows: s.progress.doneRows, totalRows: s.progress.totalRows }
        : null;
    },
    getLastExport: () => {
      const o = datasetStore.getState().outcome;
      return o && { ...o };
    },
    whenIdle: () =>
      new Promise<void>((resolve) => {
        const check = () => (settled() ? resolve() : setTimeout(check, POLL_MS));
        check();
      }),
  };
}

/** Put the hook on `win.__pqrst.dataset` (when the studio's hook is there). */
export function installDatasetTestApi(win: Window): void {
  if (win.__pqrst) win.__pqrst.dataset = createDatasetTestApi();
}
