/**
 * Starts the workspace on page load: list what is kept (the panel shows it at once), move the saved
 * presets over, then restore kept imports for the Training lab in the background. Also the panel's
 * actions that must refresh the presets afterwards.
 */
import { workspaceStore } from '../state/workspace-store.ts';
import {
  clearWorkspace,
  deleteWorkspaceItems,
  onArchiveImported,
  refreshWorkspace,
  renameWorkspaceItem,
  restoreAllImports,
} from './workspace-actions.ts';
import { startWorkspacePresets } from './workspace-presets.ts';

let started: Promise<void> | null = null;

async function presetsAgain(): Promise<void> {
  try {
    await startWorkspacePresets();
  } catch (e) {
    workspaceStore.setState({ message: { level: 'error', text: `Saved presets: ${String(e)}` } });
  }
}

/** Start the workspace (once). */
export function startWorkspace(): Promise<void> {
  started ??= (async () => {
    if (typeof indexedDB === 'undefined') {
      workspaceStore.setState({
        ready: true,
        message: { level: 'error', text: 'This browser has no IndexedDB: nothing can be kept.' },
      });
      return;
    }
    await refreshWorkspace();
    await presetsAgain();
    onArchiveImported(async () => {
      await presetsAgain();
      await restoreAllImports();
    });
    await restoreAllImports();
  })();
  return started;
}

/** Rename an item, then refresh the presets (a preset may have been renamed). */
export async function renameAndRefresh(id: string, name: string): Promise<void> {
  await renameWorkspaceItem(id, name);
  await presetsAgain();
}

/** Delete items, then refresh the presets. */
export async function deleteAndRefresh(ids: readonly string[]): Promise<void> {
  await deleteWorkspaceItems(ids);
  await presetsAgain();
}

/** Clear everything, then refresh the presets. */
export async function clearAndRefresh(): Promise<void> {
  await clearWorkspace();
  await presetsAgain();
}
