/**
 * Starts the workspace on page load: list what is kept (the panel shows it at once), then restore the
 * kept imports for the Training lab in the background while the estimate is asked and the saved
 * presets are moved over. Also the panel's actions that must refresh the presets afterwards.
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
    const listed = new Promise<void>((resolve) => {
      const stop = workspaceStore.subscribe((s) => {
        if (!s.ready) return;
        stop();
        resolve();
      });
    });
    const refreshed = refreshWorkspace();
    // The kept imports are read back as soon as the list is in; the estimate and the presets meanwhile.
    const restored = listed.then(restoreAllImports);
    await refreshed;
    onArchiveImported(async () => {
      await presetsAgain();
      await restoreAllImports();
    });
    await Promise.all([presetsAgain(), restored]);
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
