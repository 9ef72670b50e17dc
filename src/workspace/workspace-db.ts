/**
 * The workspace in IndexedDB (`pqrst-workspace`): store `items` holds each item's meta and JSON part
 * (listed without touching the signals), store `chunks` its binary part in 16-MiB pieces keyed
 * `[id, index]`, each a Blob (older workspaces hold ArrayBuffers; both are read). Blobs are read back
 * as files, several times faster than ArrayBuffer values, and count against the quota when written.
 * Every write is one transaction: a save that does not fit (QuotaExceededError) changes nothing that
 * was kept.
 */
import type { WorkspaceItem, WorkspaceItemMeta } from '../dataset/workspace-types.ts';
import { readBlobBytes, type ReadProgress } from './blob-read.ts';
import { openDatabase, requestResult, transact } from './idb.ts';

const DB_NAME = 'pqrst-workspace';
const DB_VERSION = 1;
const ITEMS = 'items';
const CHUNKS = 'chunks';

/** Bytes per stored piece of a binary part. */
export const CHUNK_BYTES = 16 * 1024 * 1024;

/** What `items` holds per item. */
interface StoredItem {
  meta: WorkspaceItemMeta;
  data: unknown;
  /** Binary part length, or -1 when none. */
  byteLength: number;
}

let opening: Promise<IDBDatabase> | null = null;

/** The open database (opened once per page). */
export function workspaceDb(): Promise<IDBDatabase> {
  opening ??= openDatabase(DB_NAME, DB_VERSION, (db) => {
    if (!db.objectStoreNames.contains(ITEMS)) db.createObjectStore(ITEMS, { keyPath: 'meta.id' });
    if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS);
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

function chunkRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
}

/** Every item's meta, newest first. */
export async function listItems(): Promise<WorkspaceItemMeta[]> {
  const db = await workspaceDb();
  const all = await transact(db, [ITEMS], 'readonly', (tx) =>
    requestResult(tx.objectStore(ITEMS).getAll() as IDBRequest<StoredItem[]>),
  );
  return all.map((s) => s.meta).sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** The JSON part of item `id` (undefined when it is not kept). */
export async function readItemData(
  id: string,
): Promise<{ meta: WorkspaceItemMeta; data: unknown } | undefined> {
  const db = await workspaceDb();
  const s = await transact(db, [ITEMS], 'readonly', (tx) =>
    requestResult(tx.objectStore(ITEMS).get(id) as IDBRequest<StoredItem | undefined>),
  );
  return s && { meta: s.meta, data: s.data };
}

/** Item `id` with its binary part as one Blob (its chunks joined; nothing read yet). */
export interface BlobItem {
  meta: WorkspaceItemMeta;
  data: unknown;
  blob: Blob | null;
}

/** Item `id` with its binary part as a Blob (undefined when it is not kept). */
export async function readItemBlob(id: string): Promise<BlobItem | undefined> {
  const db = await workspaceDb();
  const found = await transact(db, [ITEMS, CHUNKS], 'readonly', async (tx) => {
    const s = await requestResult(tx.objectStore(ITEMS).get(id) as IDBRequest<StoredItem | undefined>);
    if (s === undefined || s.byteLength < 0) return s && { s, parts: null };
    const parts = await requestResult(
      tx.objectStore(CHUNKS).getAll(chunkRange(id)) as IDBRequest<(Blob | ArrayBuffer)[]>,
    );
    return { s, parts };
  });
  if (found === undefined) return undefined;
  const { s, parts } = found;
  if (parts === null) return { meta: s.meta, data: s.data, blob: null };
  const blob = new Blob(parts);
  if (blob.size !== s.byteLength)
    throw new Error(`workspace item '${s.meta.name}': ${blob.size} of ${s.byteLength} bytes kept`);
  return { meta: s.meta, data: s.data, blob };
}

/** Item `id` with its binary part (undefined when it is not kept); `onProgress` follows the read. */
export async function readItem(id: string, onProgress?: ReadProgress): Promise<WorkspaceItem | undefined> {
  const it = await readItemBlob(id);
  if (it === undefined) return undefined;
  const bytes = it.blob === null ? null : await readBlobBytes(it.blob, onProgress);
  return { meta: it.meta, data: it.data, bytes };
}

function putInto(tx: IDBTransaction, item: WorkspaceItem): void {
  const { meta, data, bytes } = item;
  const stored: StoredItem = { meta, data, byteLength: bytes === null ? -1 : bytes.byteLength };
  const chunks = tx.objectStore(CHUNKS);
  chunks.delete(chunkRange(meta.id));
  tx.objectStore(ITEMS).put(stored);
  if (bytes === null) return;
  for (let i = 0, at = 0; at < bytes.byteLength || i === 0; i++, at += CHUNK_BYTES) {
    const piece = bytes.subarray(at, Math.min(bytes.byteLength, at + CHUNK_BYTES));
    chunks.put(new Blob([piece as Uint8Array<ArrayBuffer>]), [meta.id, i]);
  }
}

/** Save `items` (replacing items of the same ids) in one transaction: all are kept, or none. */
export async function putItems(items: readonly WorkspaceItem[]): Promise<void> {
  const db = await workspaceDb();
  await transact(db, [ITEMS, CHUNKS], 'readwrite', (tx) => {
    for (const it of items) putInto(tx, it);
  });
}

/** Change the name of item `id`. */
export async function renameItem(id: string, name: string, now: number): Promise<void> {
  const db = await workspaceDb();
  await transact(db, [ITEMS], 'readwrite', async (tx) => {
    const store = tx.objectStore(ITEMS);
    const s = await requestResult(store.get(id) as IDBRequest<StoredItem | undefined>);
    if (s === undefined) throw new Error(`no workspace item '${id}'`);
    store.put({ ...s, meta: { ...s.meta, name, updatedAt: now } });
  });
}

/** Delete the items `ids`. */
export async function deleteItems(ids: readonly string[]): Promise<void> {
  const db = await workspaceDb();
  await transact(db, [ITEMS, CHUNKS], 'readwrite', (tx) => {
    for (const id of ids) {
      tx.objectStore(ITEMS).delete(id);
      tx.objectStore(CHUNKS).delete(chunkRange(id));
    }
  });
}

/** Delete everything kept. */
export async function clearItems(): Promise<void> {
  const db = await workspaceDb();
  await transact(db, [ITEMS, CHUNKS], 'readwrite', (tx) => {
    tx.objectStore(ITEMS).clear();
    tx.objectStore(CHUNKS).clear();
  });
}
