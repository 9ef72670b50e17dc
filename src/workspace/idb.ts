/** A small promise wrapper over IndexedDB: open a database, run a transaction, await its requests. */

/** The result of `request`, or its error. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Open database `name` at `version`; `upgrade` creates its stores. */
export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`could not open IndexedDB '${name}'`));
    request.onblocked = () => reject(new Error(`IndexedDB '${name}' is blocked by another tab`));
  });
}

/**
 * Run `work` in one transaction over `stores`; resolves with its value once the transaction has
 * committed, rejects (and nothing is written) when any request or the commit fails, e.g. with
 * QuotaExceededError.
 */
export function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode, { durability: 'default' });
    let value: T;
    let failed: unknown = null;
    tx.oncomplete = () => resolve(value);
    tx.onerror = (event) => {
      event.preventDefault();
      failed ??= tx.error;
    };
    tx.onabort = () => reject(failed ?? tx.error ?? new Error('IndexedDB transaction aborted'));
    Promise.resolve()
      .then(() => work(tx))
      .then(
        (v) => {
          value = v;
        },
        (e: unknown) => {
          failed = e;
          try {
            tx.abort();
          } catch {
            // already finished
          }
        },
      );
  });
}
