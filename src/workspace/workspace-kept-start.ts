/**
 * The workspace's recipes, models and experiment runs: started after the workspace itself (main.tsx),
 * and the Workspace panel's rename / delete / clear, which also rename or remove a model's
 * `indexeddb://` copy and let go of a run the Training lab shows.
 */
import type { WorkspaceItemMeta } from '../dataset/workspace-types.ts';
import { trainStore } from '../state/train-store.ts';
import { workspaceStore } from '../state/workspace-store.ts';
import { onArchiveImported } from './workspace-actions.ts';
import {
  deleteModels,
  modelsImported,
  removeAllModelCopies,
  renameModel,
  syncModels,
} from './workspace-models.ts';
import { discardKeptRun, forgetRuns, startWorkspaceRuns } from './workspace-runs.ts';
import { clearAndRefresh, deleteAndRefresh, renameAndRefresh, startWorkspace } from './workspace-start.ts';

let syncing: Promise<unknown> = Promise.resolve();

function sync(): void {
  syncing = syncing
    .then(syncModels)
    .catch((e: unknown) =>
      workspaceStore.setState({ message: { level: 'error', text: `Saved models not kept: ${String(e)}` } }),
    );
}

let started: Promise<void> | null = null;

/** Start (once): show the newest kept run, keep new runs, mirror saved models. */
export function startKeptWork(): Promise<void> {
  started ??= (async () => {
    await startWorkspace();
    if (typeof indexedDB === 'undefined') return;
    onArchiveImported(modelsImported);
    trainStore.subscribe((s, prev) => {
      if (s.stored !== prev.stored) sync();
    });
    await startWorkspaceRuns();
    sync();
    await syncing;
  })();
  return started;
}

/** Rename `item` (a model's `indexeddb://` name too). */
export function renameKept(item: WorkspaceItemMeta, name: string): Promise<void> {
  return item.kind === 'model' ? renameModel(item.id, name) : renameAndRefresh(item.id, name);
}

async function letGoOfShownRun(ids: readonly string[] | null): Promise<void> {
  const kept = trainStore.getState().keptRun;
  if (kept !== null && (ids === null || ids.includes(kept.itemId))) await discardKeptRun();
  forgetRuns(ids);
}

/** Delete `items` (models from `indexeddb://` too). */
export async function deleteKept(items: readonly WorkspaceItemMeta[]): Promise<void> {
  const models = items.filter((m) => m.kind === 'model').map((m) => m.id);
  const rest = items.filter((m) => m.kind !== 'model').map((m) => m.id);
  await letGoOfShownRun(rest);
  if (models.length > 0) await deleteModels(models);
  if (rest.length > 0) await deleteAndRefresh(rest);
}

/** Delete everything kept (models from `indexeddb://` too). */
export async function clearKept(): Promise<void> {
  await letGoOfShownRun(null);
  await removeAllModelCopies();
  await clearAndRefresh();
}
