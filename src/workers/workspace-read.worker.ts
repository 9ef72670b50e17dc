/**
 * The workspace read worker: reads a kept import's Blob (its IndexedDB chunks joined) into one buffer
 * off the main thread, so a busy page does not slow the read and the read does not slow the page;
 * the buffer is transferred back, not copied. A buffer prepared ahead (allocated and each page written
 * once, the costly first touch of new memory) is read into when it is large enough.
 */
import { readBlobBytes } from '../workspace/blob-read.ts';
import type { WorkspaceReadReply, WorkspaceReadRequest } from './workspace-read-protocol.ts';

/** Progress messages per second. */
const PROGRESS_PER_S = 8;
/** A prepared buffer is used when it exceeds the Blob by at most this plus 1 %, bytes. */
const SPARE_BYTES_MAX = 1 << 20;
/** Memory page size assumed for the first touch, bytes. */
const PAGE_BYTES = 4096;

const post = (reply: WorkspaceReadReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

/** The buffer prepared for the next read, or null. */
let prepared: ArrayBuffer | null = null;

function prepare(bytes: number): void {
  prepared = null;
  if (!(bytes > 0)) return;
  const buffer = new ArrayBuffer(bytes);
  const view = new Uint8Array(buffer);
  for (let at = 0; at < bytes; at += PAGE_BYTES) view[at] = 0;
  prepared = buffer;
}

async function read(id: number, blob: Blob): Promise<void> {
  // The prepared buffer serves this read only; a later read without its own prepare allocates anew.
  const fits =
    prepared !== null &&
    prepared.byteLength >= blob.size &&
    prepared.byteLength <= blob.size + SPARE_BYTES_MAX + blob.size / 100;
  const into = fits ? prepared! : undefined;
  prepared = null;
  let shownAt = -Infinity;
  try {
    const bytes = await readBlobBytes(
      blob,
      (doneBytes, totalBytes) => {
        const now = performance.now();
        if (now - shownAt < 1000 / PROGRESS_PER_S) return;
        shownAt = now;
        post({ type: 'progress', id, doneBytes, totalBytes });
      },
      into,
    );
    const buffer = bytes.buffer as ArrayBuffer;
    post({ type: 'done', id, buffer, byteLength: bytes.byteLength }, [buffer]);
  } catch (e) {
    post({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = (event: MessageEvent<WorkspaceReadRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') prepare(request.bytes);
  else void read(request.id, request.blob);
};
