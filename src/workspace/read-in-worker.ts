/**
 * Read a kept item's Blob into bytes in the workspace read worker (started on first use, kept for the
 * page), with progress; where workers are unavailable or the worker fails, on the main thread.
 */
import type { WorkspaceReadReply, WorkspaceReadRequest } from '../workers/workspace-read-protocol.ts';
import { readBlobBytes, type ReadProgress } from './blob-read.ts';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { onProgress?: ReadProgress; done: (r: Uint8Array | Error) => void }>();

function failAll(message: string): void {
  for (const w of waiting.values()) w.done(new Error(message));
  waiting.clear();
}

function readWorker(): Worker | null {
  if (worker !== null || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('../workers/workspace-read.worker.ts', import.meta.url), {
      type: 'module',
      name: 'workspace-read',
    });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<WorkspaceReadReply>) => {
    const reply = event.data;
    const w = waiting.get(reply.id);
    if (w === undefined) return;
    if (reply.type === 'progress') {
      w.onProgress?.(reply.doneBytes, reply.totalBytes);
      return;
    }
    waiting.delete(reply.id);
    w.done(
      reply.type === 'done' ? new Uint8Array(reply.buffer, 0, reply.byteLength) : new Error(reply.message),
    );
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    failAll(`the workspace read worker failed: ${event.message}`);
  };
  return worker;
}

/**
 * Have the worker allocate and touch a buffer of `bytes` for the next read (a hint, sent as soon as
 * the size is known: the first touch of new memory then overlaps the Blob's lookup).
 */
export function prepareReadInWorker(bytes: number): void {
  readWorker()?.postMessage({ type: 'prepare', bytes } satisfies WorkspaceReadRequest);
}

/** All of `blob` as bytes, read in the worker (or here, without one); `onProgress` follows the read. */
export async function readBytesInWorker(blob: Blob, onProgress?: ReadProgress): Promise<Uint8Array> {
  const w = readWorker();
  if (w === null) return readBlobBytes(blob, onProgress);
  const id = nextId++;
  const result = await new Promise<Uint8Array | Error>((done) => {
    waiting.set(id, { onProgress, done });
    w.postMessage({ type: 'read', id, blob } satisfies WorkspaceReadRequest);
  });
  if (result instanceof Error) throw result;
  return result;
}
