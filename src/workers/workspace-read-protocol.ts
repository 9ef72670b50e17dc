/**
 * Messages between the studio and the workspace read worker: a kept item's binary part goes in as a
 * Blob (a handle, nothing copied); progress comes back a few times a second, then the bytes as one
 * transferred ArrayBuffer, or the reason the read failed.
 */

/** Main thread → worker: read `blob`. */
export interface WorkspaceReadRequest {
  id: number;
  blob: Blob;
}

/** Worker → main thread. */
export type WorkspaceReadReply =
  | { type: 'progress'; id: number; doneBytes: number; totalBytes: number }
  | { type: 'done'; id: number; buffer: ArrayBuffer }
  | { type: 'failed'; id: number; message: string };
