/**
 * Messages between the studio and the workspace read worker: a kept item's binary part goes in as a
 * Blob (a handle, nothing copied); progress comes back a few times a second, then the bytes as a
 * transferred ArrayBuffer, or the reason the read failed. A `prepare` message, sent as soon as the
 * size is known, lets the worker allocate and touch the buffer while the Blob is still being looked up.
 */

/**
 * Main thread → worker: read `blob`, or get a buffer of `bytes` ready for the next read (0: drop the
 * buffer prepared before, if any).
 */
export type WorkspaceReadRequest =
  { type: 'read'; id: number; blob: Blob } | { type: 'prepare'; bytes: number };

/** Worker → main thread. `buffer` holds the bytes in its first `byteLength`. */
export type WorkspaceReadReply =
  | { type: 'progress'; id: number; doneBytes: number; totalBytes: number }
  | { type: 'done'; id: number; buffer: ArrayBuffer; byteLength: number }
  | { type: 'failed'; id: number; message: string };
