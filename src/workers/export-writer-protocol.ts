/**
 * Messages of the archive writer worker (`export-writer.worker.ts`), the fallback for browsers whose
 * origin-private file system has no `createWritable` on the page (it writes through a sync access
 * handle, which only workers have). Each request is answered once, in order, with `ok` or `error`;
 * a write's `ok` gives the block back, so the page refills it instead of allocating a new one.
 */

/** Create (or empty) file `name` in folder `folder` of the origin-private file system. */
export interface WriterOpen {
  type: 'open';
  folder: string;
  name: string;
}

/**
 * Append `bytes` (their buffer transferred). `adopted`: the buffer is a producer's (an export worker's
 * batch), not one of the page's stage blocks; the reply says so, to send it back where it came from.
 */
export interface WriterWrite {
  type: 'write';
  bytes: Uint8Array;
  adopted: boolean;
}

/**
 * Close the file (it stays). Not flushed to the disk first: the page reads it back at once for the
 * download, and an fsync of a 200-MB archive took about 80 ms of the export.
 */
export interface WriterClose {
  type: 'close';
}

/** Close and remove the file. */
export interface WriterAbort {
  type: 'abort';
}

/** Any request to the writer worker. */
export type WriterRequest = WriterOpen | WriterWrite | WriterClose | WriterAbort;

/**
 * The answer to a request; a write's `ok` hands the written block's buffer back (transferred) for reuse,
 * with the write's `adopted` flag.
 */
export type WriterReply =
  { type: 'ok'; written?: ArrayBuffer; adopted?: boolean } | { type: 'error'; message: string };
