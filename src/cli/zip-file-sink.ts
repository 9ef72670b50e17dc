/**
 * A zip byte sink writing to a temporary file beside the target (`.NAME.partial-PID`), renamed into
 * place only when the archive is complete, so an interrupted run leaves nothing that looks complete.
 * Small chunks are copied into one of two 4 MiB staging buffers; a full buffer is written while the
 * other fills (one write in flight). Copying lets the caller reuse its chunks as soon as `write`
 * returns, and keeps memory fixed. Chunks of 256 KiB or more (a batch of rows) are written as they
 * are, after the staged bytes, and `write` resolves when they are: no copy on this thread.
 */
import { closeSync, openSync, renameSync, rmSync, write } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ZipByteSink } from '../io/zip.ts';

const writeAsync = promisify(write);
const STAGE_BYTES = 4 << 20;
/** Chunks at least this long are written without staging. */
const DIRECT_BYTES = 256 << 10;

/** A file sink with `commit` (flush, close, rename into place) and `discard`. */
export interface ZipFileSink extends ZipByteSink {
  /** The temporary file being written. */
  readonly tempPath: string;
  commit(): Promise<void>;
  discard(): void;
}

/** Write all of `bytes` to `fd` (a write may take fewer bytes than asked). */
async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await writeAsync(fd, bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}

/** Create the temporary file for `outPath` (throws the fs error when it cannot be created). */
export function createZipFileSink(outPath: string): ZipFileSink {
  const tempPath = join(dirname(outPath), `.${basename(outPath)}.partial-${process.pid}`);
  let fd: number | undefined = openSync(tempPath, 'w');
  let stage = new Uint8Array(STAGE_BYTES);
  let spare = new Uint8Array(STAGE_BYTES);
  let used = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Start writing the full stage (after the write in flight, which holds `spare`), then swap. */
  const flush = async (): Promise<void> => {
    const full = stage.subarray(0, used);
    await writing;
    [stage, spare] = [spare, stage];
    used = 0;
    writing = fd === undefined ? Promise.resolve() : writeAll(fd, full);
    writing.catch(() => {}); // reported by the next flush or by commit
  };
  const copyIn = async (chunk: Uint8Array): Promise<void> => {
    for (let done = 0; done < chunk.length;) {
      const n = Math.min(STAGE_BYTES - used, chunk.length - done);
      stage.set(chunk.subarray(done, done + n), used);
      used += n;
      done += n;
      if (used === STAGE_BYTES) await flush();
    }
  };
  /** Write `chunk` itself once the staged bytes before it are written; resolves when it is written. */
  const writeDirect = async (chunk: Uint8Array): Promise<void> => {
    if (used > 0) await flush();
    await writing;
    writing = fd === undefined ? Promise.resolve() : writeAll(fd, chunk);
    await writing;
  };
  return {
    tempPath,
    write(chunk) {
      if (chunk.length >= DIRECT_BYTES) return writeDirect(chunk);
      if (used + chunk.length < STAGE_BYTES) {
        stage.set(chunk, used);
        used += chunk.length;
        return undefined;
      }
      return copyIn(chunk);
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
