/**
 * What the workspace does: list what is kept with the storage estimate, keep an import, preset or
 * (later) a recipe, model or run; rename, delete, clear; export to and import from an archive; restore
 * kept imports for the Training lab after a reload (in workspace-restore.ts, re-exported here).
 */
import {
  decodeWorkspaceArchive,
  encodeWorkspaceArchive,
  itemSizeBytes,
} from '../dataset/workspace-archive.ts';
import type { WorkspaceItem, WorkspaceItemMeta, WorkspaceKind } from '../dataset/workspace-types.ts';
import { workspaceStore, type WorkspaceMessage } from '../state/workspace-store.ts';
import { formatMb, isQuotaError, quotaMessage } from './quota.ts';
import { clearItems, deleteItems, listItems, putItems, readItem, renameItem } from './workspace-db.ts';

function say(level: WorkspaceMessage['level'], text: string): void {
  workspaceStore.setState({ message: { level, text } });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A new item id of `kind`. */
export function newItemId(kind: WorkspaceKind): string {
  return `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An item of `kind` named `name` with `data` and `bytes`, dated now (keeping `createdAt` when given). */
export function makeItem(
  kind: WorkspaceKind,
  id: string,
  name: string,
  data: unknown,
  bytes: Uint8Array | null,
  createdAt?: number,
): WorkspaceItem {
  const now = Date.now();
  return {
    meta: {
      id,
      kind,
      name,
      sizeBytes: itemSizeBytes(data, bytes),
      createdAt: createdAt ?? now,
      updatedAt: now,
    },
    data,
    bytes,
  };
}

async function estimate(): Promise<{ usageBytes: number; quotaBytes: number } | null> {
  if (typeof navigator.storage?.estimate !== 'function') return null;
  const e = await navigator.storage.estimate();
  return { usageBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 };
}

/** Reload the list of items and the storage estimate. */
export async function refreshWorkspace(): Promise<WorkspaceItemMeta[]> {
  try {
    const items = await listItems();
    const first = workspaceStore.getState().listedAtMs === null;
    workspaceStore.setState({ items, ready: true, ...(first ? { listedAtMs: performance.now() } : {}) });
    const est = await estimate();
    const persisted =
      typeof navigator.storage?.persisted === 'function' ? await navigator.storage.persisted() : null;
    workspaceStore.setState({
      usageBytes: est?.usageBytes ?? null,
      quotaBytes: est?.quotaBytes ?? null,
      persisted,
    });
    return items;
  } catch (e) {
    workspaceStore.setState({ ready: true });
    say('error', `Workspace unavailable: ${errorText(e)}`);
    return [];
  }
}

/**
 * Keep `items` (one transaction). A save that does not fit is refused with a message naming what to
 * delete; nothing kept before changes. Throws the message as an Error.
 */
export async function saveItems(items: readonly WorkspaceItem[], what: string): Promise<void> {
  workspaceStore.setState({ busy: true });
  try {
    await putItems(items);
  } catch (e) {
    const needed = items.reduce((n, it) => n + it.meta.sizeBytes, 0);
    const text = isQuotaError(e)
      ? quotaMessage(what, needed, await estimate().catch(() => null), workspaceStore.getState().items)
      : `Could not keep ${what}: ${errorText(e)}`;
    say('error', text);
    throw new Error(text, { cause: e });
  } finally {
    workspaceStore.setState({ busy: false });
    await refreshWorkspace();
  }
}

/** Keep `item` and say so. Returns whether it was kept. */
export async function keepItem(item: WorkspaceItem, what: string): Promise<boolean> {
  try {
    await saveItems([item], what);
  } catch {
    return false;
  }
  say('info', `Kept ${what} (${formatMb(item.meta.sizeBytes)}).`);
  return true;
}

/** Rename item `id`. */
export async function renameWorkspaceItem(id: string, name: string): Promise<void> {
  try {
    await renameItem(id, name.trim(), Date.now());
    say('info', `Renamed to '${name.trim()}'.`);
  } catch (e) {
    say('error', `Could not rename: ${errorText(e)}`);
  }
  await refreshWorkspace();
}

/** Delete the items `ids` (after the caller asked for confirmation). */
export async function deleteWorkspaceItems(ids: readonly string[]): Promise<void> {
  try {
    await deleteItems(ids);
    say('info', `Deleted ${ids.length} item${ids.length === 1 ? '' : 's'}.`);
  } catch (e) {
    say('error', `Could not delete: ${errorText(e)}`);
  }
  await refreshWorkspace();
}

/** Delete everything kept (after the caller asked for confirmation). */
export async function clearWorkspace(): Promise<void> {
  try {
    await clearItems();
    say('info', 'Workspace cleared.');
  } catch (e) {
    say('error', `Could not clear the workspace: ${errorText(e)}`);
  }
  await refreshWorkspace();
}

/** The archive of the items `ids` (all when omitted). */
export async function exportWorkspace(ids?: readonly string[]): Promise<Uint8Array> {
  const metas = ids ?? (await listItems()).map((m) => m.id);
  const items: WorkspaceItem[] = [];
  for (const id of metas) {
    const it = await readItem(id);
    if (it !== undefined) items.push(it);
  }
  return encodeWorkspaceArchive(items, Date.now());
}

/**
 * Import an archive (`fileName` for messages): check all of it first, then keep its items in one
 * transaction (items with the same id are replaced). A refused file leaves the workspace as it was.
 */
export async function importWorkspaceArchive(bytes: Uint8Array, fileName: string): Promise<boolean> {
  let items: WorkspaceItem[];
  try {
    items = decodeWorkspaceArchive(bytes, fileName);
  } catch (e) {
    say('error', `Refused: ${errorText(e)}. The workspace is unchanged.`);
    return false;
  }
  try {
    await saveItems(items, `the ${items.length} items of ${fileName}`);
  } catch {
    return false;
  }
  say('info', `Imported ${items.length} item${items.length === 1 ? '' : 's'} from ${fileName}.`);
  for (const hook of afterImportHooks) await hook(items);
  return true;
}

const afterImportHooks: ((items: readonly WorkspaceItem[]) => Promise<void> | void)[] = [];

/** Run `hook` after an archive was imported (presets reload their cache, imports restore). */
export function onArchiveImported(hook: (items: readonly WorkspaceItem[]) => Promise<void> | void): void {
  afterImportHooks.push(hook);
}

/** Ask the browser to keep this origin's storage (not evicted under pressure); shows the answer. */
export async function requestPersistence(): Promise<void> {
  if (typeof navigator.storage?.persist !== 'function') {
    say('error', 'This browser cannot make storage persistent.');
    return;
  }
  const granted = await navigator.storage.persist();
  workspaceStore.setState({ persisted: granted });
  say(
    granted ? 'info' : 'error',
    granted
      ? 'Persistent storage granted: the browser will not evict the workspace.'
      : 'Persistent storage not granted (the browser decides; bookmarking or installing the site helps).',
  );
}

export { restoreAllImports, restoreImport } from './workspace-restore.ts';
