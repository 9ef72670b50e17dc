/**
 * A zip byte sink writing to a temporary file beside the target (`.NAME.partial-PID`), renamed into
 * place only when the archive is complete, so an interrupted run leaves nothing that looks complete.
 * Chunks are gathered and written 4 MiB at a time with one writev, while the next 4 MiB gather (at
 * most one write in flight: memory stays bounded and the workers are not kept waiting on the disk).
 */
import { closeSync, openSync, renameSync, rmSync, writev } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ZipByteSink } from '../io/zip.ts';

const writevAsync = promisify(writev);
const FLUSH_BYTES = 4 << 20;

/** A file sink with `commit` (flush, close, rename into place) and `discard`. */
export interface ZipFileSink extends ZipByteSink {
  /** The temporary file being written. */
  readonly tempPath: string;
  commit(): Promise<void>;
  discard(): void;
}

/** Create the temporary file for `outPath` (throws the fs error when it cannot be created). */
export function createZipFileSink(outPath: string): ZipFileSink {
  const tempPath = join(dirname(outPath), `.${basename(outPath)}.partial-${process.pid}`);
  let fd: number | undefined = openSync(tempPath, 'w');
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Start writing what is pending after the write in flight; resolves when the earlier one is done. */
  const flush = (): Promise<void> => {
    const chunks = pending;
    const before = writing;
    pending = [];
    pendingBytes = 0;
    writing = before.then(async () => {
      if (chunks.length > 0 && fd !== undefined) await writevAsync(fd, chunks);
    });
    writing.catch(() => {}); // reported by the next flush or commit
    return before;
  };
  return {
    tempPath,
    write(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      return pendingBytes >= FLUSH_BYTES ? flush() : undefined;
    },
    async commit() {
      await flush();
      await writing;
      closeSync(fd!);
      fd = undefined;
      renameSync(tempPath, outPath);
    },
    discard() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(tempPath, { force: true });
    },
  };
}
