/**
 * The workspace read worker: reads a kept import's Blob (its IndexedDB chunks joined) into one buffer
 * off the main thread, so a busy page does not slow the read and the read does not slow the page;
 * the buffer is transferred back, not copied.
 */
import { readBlobBytes } from '../workspace/blob-read.ts';
import type { WorkspaceReadReply, WorkspaceReadRequest } from './workspace-read-protocol.ts';

/** Progress messages per second. */
const PROGRESS_PER_S = 8;

const post = (reply: WorkspaceReadReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<WorkspaceReadRequest>) => {
  const { id, blob } = event.data;
  let shownAt = -Infinity;
  try {
    const bytes = await readBlobBytes(blob, (doneBytes, totalBytes) => {
      const now = performance.now();
      if (now - shownAt < 1000 / PROGRESS_PER_S) return;
      shownAt = now;
      post({ type: 'progress', id, doneBytes, totalBytes });
    });
    const buffer = bytes.buffer as ArrayBuffer;
    post({ type: 'done', id, buffer }, [buffer]);
  } catch (e) {
    post({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
  }
};
