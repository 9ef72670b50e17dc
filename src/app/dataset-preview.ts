/**
 * The builder's preview client: one long-lived export worker computes the sample records of each class
 * and the expected archive size of the newest recipe; older answers are ignored (and requests the
 * worker had not started yet are dropped there).
 */
import { recipeJson } from '../dataset/recipe-validate.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import { datasetStore } from '../state/dataset-store.ts';
import type { ExportWorkerReply } from '../workers/export-protocol.ts';

/** Sample records shown per class. */
export const PREVIEW_PER_CLASS = 3;
/** Seconds of each sample record shown. */
export const PREVIEW_WINDOW_S = 5;

let worker: Worker | null = null;
let newestId = 0;
let newestKey: string | null = null;
let pendingKey: string | null = null;

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'export-preview',
  });
  w.onmessage = (event: MessageEvent<ExportWorkerReply>) => receive(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    worker = null;
    pendingKey = null;
    datasetStore.setState({ previewError: `the preview worker failed: ${event.message}` });
  };
  worker = w;
  return w;
}

function receive(reply: ExportWorkerReply): void {
  if (reply.id !== newestId) return;
  if (reply.type === 'preview') {
    pendingKey = null;
    datasetStore.setState({
      preview: {
        recipeKey: newestKey ?? '',
        classes: reply.classes,
        rows: reply.rows,
        estimatedBytes: reply.estimatedBytes,
        exact: reply.exact,
      },
      previewError: null,
    });
  } else if (reply.type === 'error') {
    pendingKey = null;
    datasetStore.setState({ previewError: `could not preview the dataset: ${reply.message}` });
  }
}

/** Ask for the preview of `recipe` (nothing when it is the one shown or being computed). */
export function requestPreview(recipe: SyntheticRecipe): void {
  const key = recipeJson(recipe);
  if (key === pendingKey || (pendingKey === null && key === datasetStore.getState().preview?.recipeKey))
    return;
  newestId++;
  newestKey = key;
  pendingKey = key;
  getWorker().postMessage({
    type: 'preview',
    id: newestId,
    recipe,
    perClass: PREVIEW_PER_CLASS,
    windowS: PREVIEW_WINDOW_S,
  });
}

/** Whether the preview shown is that of `recipe` (and none is being computed). */
export function previewCurrent(recipe: SyntheticRecipe | null): boolean {
  if (pendingKey !== null) return false;
  return recipe === null || datasetStore.getState().preview?.recipeKey === recipeJson(recipe);
}
