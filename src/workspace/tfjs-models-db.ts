/**
 * The models the Training lab saves with tfjs's `indexeddb://NAME`, read and written on the main thread
 * without loading tfjs: tfjs keeps them in IndexedDB `tensorflowjs` (version 1), store `models_store`
 * (`{modelPath, modelArtifacts, modelArtifactsInfo}`, the weights as one ArrayBuffer) and store
 * `model_info_store` (`{modelPath, modelArtifactsInfo}`), both keyed by `modelPath`.
 */
import { openDatabase, requestResult, transact } from './idb.ts';

const DB_NAME = 'tensorflowjs';
const MODELS = 'models_store';
const INFO = 'model_info_store';

/** tfjs's summary of a saved model. */
export interface TfjsModelInfo {
  dateSaved: Date | string;
  modelTopologyType?: string;
  modelTopologyBytes?: number;
  weightSpecsBytes?: number;
  weightDataBytes?: number;
}

/** tfjs's saved model: topology, weight specs and the weights (one buffer, or pieces). */
export interface TfjsModelArtifacts {
  modelTopology?: unknown;
  weightSpecs?: unknown[];
  weightData?: ArrayBuffer | ArrayBuffer[];
  [key: string]: unknown;
}

interface InfoRow {
  modelPath: string;
  modelArtifactsInfo: TfjsModelInfo;
}

interface ModelRow extends InfoRow {
  modelArtifacts: TfjsModelArtifacts;
}

async function exists(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
}

async function withDb<T>(work: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase(DB_NAME, 1, (d) => {
    if (!d.objectStoreNames.contains(MODELS)) d.createObjectStore(MODELS, { keyPath: 'modelPath' });
    if (!d.objectStoreNames.contains(INFO)) d.createObjectStore(INFO, { keyPath: 'modelPath' });
  });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Every saved model's name and summary (none when tfjs never saved one). */
export async function listTfjsModels(): Promise<{ name: string; info: TfjsModelInfo }[]> {
  if (!(await exists())) return [];
  return withDb(async (db) => {
    const rows = await transact(db, [INFO], 'readonly', (tx) =>
      requestResult(tx.objectStore(INFO).getAll() as IDBRequest<InfoRow[]>),
    );
    return rows.map((r) => ({ name: r.modelPath, info: r.modelArtifactsInfo }));
  });
}

/** The weights of `artifacts` as one buffer. */
export function joinedWeights(artifacts: TfjsModelArtifacts): Uint8Array {
  const w = artifacts.weightData;
  if (w === undefined) return new Uint8Array(0);
  const parts = Array.isArray(w) ? w : [w];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out;
}

/** Saved model `name` (undefined when there is none). */
export async function readTfjsModel(
  name: string,
): Promise<{ artifacts: TfjsModelArtifacts; info: TfjsModelInfo } | undefined> {
  if (!(await exists())) return undefined;
  return withDb(async (db) => {
    const row = await transact(db, [MODELS], 'readonly', (tx) =>
      requestResult(tx.objectStore(MODELS).get(name) as IDBRequest<ModelRow | undefined>),
    );
    return row && { artifacts: row.modelArtifacts, info: row.modelArtifactsInfo };
  });
}

/** Save model `name` as tfjs would (both stores, one transaction), replacing one of that name. */
export async function writeTfjsModel(
  name: string,
  artifacts: TfjsModelArtifacts,
  info: TfjsModelInfo,
): Promise<void> {
  await withDb((db) =>
    transact(db, [MODELS, INFO], 'readwrite', (tx) => {
      tx.objectStore(INFO).put({ modelPath: name, modelArtifactsInfo: info } satisfies InfoRow);
      tx.objectStore(MODELS).put({
        modelPath: name,
        modelArtifacts: artifacts,
        modelArtifactsInfo: info,
      } satisfies ModelRow);
    }),
  );
}

/** Remove saved models `names`. */
export async function removeTfjsModels(names: readonly string[]): Promise<void> {
  if (names.length === 0 || !(await exists())) return;
  await withDb((db) =>
    transact(db, [MODELS, INFO], 'readwrite', (tx) => {
      for (const n of names) {
        tx.objectStore(MODELS).delete(n);
        tx.objectStore(INFO).delete(n);
      }
    }),
  );
}

/** Rename saved model `from` to `to` (one transaction); refuses when `to` exists or `from` does not. */
export async function moveTfjsModel(from: string, to: string): Promise<void> {
  await withDb((db) =>
    transact(db, [MODELS, INFO], 'readwrite', async (tx) => {
      const models = tx.objectStore(MODELS);
      const row = await requestResult(models.get(from) as IDBRequest<ModelRow | undefined>);
      if (row === undefined) throw new Error(`no saved model '${from}'`);
      if ((await requestResult(models.getKey(to))) !== undefined) {
        throw new Error(`a saved model '${to}' exists already`);
      }
      models.delete(from);
      tx.objectStore(INFO).delete(from);
      models.put({ ...row, modelPath: to });
      tx.objectStore(INFO).put({ modelPath: to, modelArtifactsInfo: row.modelArtifactsInfo });
    }),
  );
}
