/**
 * Where the studio's dataset archive goes, as a zip byte sink that writes to disk as the archive is
 * made (never holding it whole): a file the user picks (File System Access API; staged a segment at a
 * time in the origin-private file system where it can be), or a temporary file in the origin-private
 * file system that is offered as a download once complete. Chunks are gathered and written a few MiB
 * at a time. `discard` leaves nothing that looks complete: the picked file is not replaced (its
 * writable stream is aborted), the temporary file and the staging segments are removed.
 */
import type { ZipByteSink } from '../io/zip.ts';
import {
  stagedStreamWriter,
  stagingFits,
  streamWriter,
  syncHandleWriter,
  type FileWriter,
} from './dataset-file-writer.ts';

/** Where an export goes: a file the user picks, or the browser's downloads. */
export type ExportDestination = 'file' | 'download';

/** Folder of the origin-private file system that holds the archives being made. */
export const STORAGE_FOLDER = 'pqrst-exports';
/** Folder of the origin-private file system that stages a picked file's segments. */
export const STAGING_FOLDER = 'pqrst-export-staging';
/** Suffix of an archive still being written there. */
export const PARTIAL_SUFFIX = '.partial';
/** Bytes gathered before one write, unless the writer prefers another size. */
export const FLUSH_BYTES = 4 << 20;
/** Most bytes waiting for the disk before `write` waits. */
export const MAX_QUEUED_BYTES = 32 << 20;
/** Chunks of at least this many bytes go to a writer that adopts chunks whole, not copied into blocks. */
export const ADOPT_MIN_BYTES = 256 << 10;

/** A zip sink that ends with `commit` (the finished file: a File to download, or null) or `discard`. */
export interface ArchiveSink extends ZipByteSink {
  readonly destination: ExportDestination;
  readonly fileName: string;
  /** Bytes received so far. */
  readonly bytesWritten: number;
  /** Write what is left and close; for a download, the finished file. */
  commit(): Promise<File | null>;
  /** Stop; nothing complete-looking is left. Never throws. */
  discard(): Promise<void>;
  /**
   * The buffer of a chunk the sink adopted (took over whole instead of copying: its owner's view of it
   * is detached once `write` returns) and has written, for the owner to refill; or undefined.
   */
  takeReturned(): ArrayBuffer | undefined;
}

interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}
type SaveFilePicker = (options: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;

function savePicker(): SaveFilePicker | undefined {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

/** Whether the browser can write straight into a file the user picks. */
export function filePickerAvailable(): boolean {
  return savePicker() !== undefined;
}

/**
 * A sink gathering chunks into blocks of FLUSH_BYTES (or the writer's size) written to `writer` (it
 * copies them: a chunk may be reused by its owner once `write` resolved). Where the writer adopts
 * chunks (it has `takeReturned`: a transfer to the writer worker), a chunk of ADOPT_MIN_BYTES or more
 * that spans its whole buffer is not copied: the buffer is moved out of the owner's hands at once (the
 * owner's view is detached) and written after what was gathered before it; `takeReturned` gives it back
 * once written. Writes run in the background, one after another, so the export keeps handing batches
 * to the workers while the disk works; `write` waits only when more than MAX_QUEUED_BYTES are waiting
 * for the disk.
 */
export function bufferedSink(
  destination: ExportDestination,
  fileName: string,
  writer: FileWriter,
  finish: () => Promise<File | null>,
  cleanUp: () => Promise<void>,
): ArchiveSink {
  // Chunks are copied into a stage at once (the zip writer's caller may reuse a chunk as soon as its
  // write resolved); a full stage goes to the disk as one block and the next stage is a block the
  // writer has finished with, when there is one.
  const blockBytes = writer.blockBytes ?? FLUSH_BYTES;
  let stage = new Uint8Array(blockBytes);
  let fill = 0;
  let total = 0;
  let queued = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Wakes the `write` waiting for the disk to catch up (one at a time: the zip writer awaits each). */
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let state: 'open' | 'committed' | 'discarded' = 'open';
  /** Write `block` after every block queued before it. */
  const queue = (block: Uint8Array, adopted: boolean) => {
    const size = block.length; // the writer may transfer (detach) the block
    queued += size;
    writing = writing.then(async () => {
      try {
        if (failure === null) await writer.write(block, adopted);
      } catch (e) {
        failure = e;
      } finally {
        queued -= size;
        if (wake !== null && (queued <= MAX_QUEUED_BYTES || failure !== null)) {
          wake();
          wake = null;
        }
      }
    });
  };
  const flush = () => {
    if (fill === 0) return;
    const block = fill === stage.length ? stage : stage.slice(0, fill);
    // A block the writer is done with is refilled: fresh memory per block costs page faults and GC.
    const reused = fill === stage.length ? writer.takeFree() : undefined;
    stage = reused?.length === blockBytes ? reused : new Uint8Array(blockBytes);
    fill = 0;
    queue(block, false);
  };
  /** `chunk` moved into a buffer of the sink's own (no copy: the caller's buffer is detached). */
  const adopt = (chunk: Uint8Array): Uint8Array => {
    const { byteOffset, length } = chunk; // read first: the move detaches the chunk
    const moved = structuredClone(chunk.buffer, { transfer: [chunk.buffer as ArrayBuffer] });
    return new Uint8Array(moved, byteOffset, length);
  };
  const check = () => {
    if (failure !== null) throw failure;
  };
  return {
    destination,
    fileName,
    get bytesWritten() {
      return total;
    },
    async write(chunk) {
      if (state !== 'open') throw new Error(`${fileName}: write after the archive was closed`);
      check();
      const size = chunk.length;
      // Only a chunk that is its whole buffer is taken over: a view into a shared buffer (an export
      // worker's arena holding several files) must leave the others readable.
      const whole = chunk.byteOffset === 0 && size === chunk.buffer.byteLength;
      if (writer.takeReturned !== undefined && whole && size >= ADOPT_MIN_BYTES) {
        flush();
        queue(adopt(chunk), true);
      } else {
        for (let at = 0; at < size;) {
          const n = Math.min(stage.length - fill, size - at);
          stage.set(chunk.subarray(at, at + n), fill);
          fill += n;
          at += n;
          if (fill === stage.length) flush();
        }
      }
      total += size;
      if (queued > MAX_QUEUED_BYTES) {
        await new Promise<void>((resolve) => (wake = resolve));
        check();
      }
    },
    async commit() {
      flush();
      await writing;
      check();
      await writer.close();
      state = 'committed';
      return finish();
    },
    takeReturned: () => writer.takeReturned?.(),
    async discard() {
      if (state === 'discarded') return;
      fill = 0;
      failure ??= new Error('discarded');
      await writing;
      if (state === 'open') await writer.abort().catch(() => {});
      state = 'discarded';
      await cleanUp().catch(() => {});
    },
  };
}

/**
 * Ask the user for the file to write (call it first thing in a click handler: the picker needs the
 * click's user activation). Null when the user closed the picker.
 */
export async function pickFileSink(suggestedName: string): Promise<ArchiveSink | null> {
  const picker = savePicker();
  if (!picker) throw new Error('this browser cannot write into a file you pick; choose the download');
  let handle: FileSystemFileHandle;
  try {
    handle = await picker({
      suggestedName,
      types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }],
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
  const stream = await handle.createWritable({ keepExistingData: false });
  // Staged in private storage and copied over a segment at a time (about 1.35 times the rate of writing
  // the bytes into the stream); the bytes themselves where private storage cannot be used or is short.
  let writer: FileWriter;
  try {
    await removeFolder(STAGING_FOLDER);
    if (!stagingFits(await navigator.storage.estimate())) throw new Error('private storage is short');
    writer = await stagedStreamWriter(stream, STAGING_FOLDER);
  } catch {
    writer = streamWriter(stream);
  }
  return bufferedSink(
    'file',
    handle.name,
    writer,
    async () => null,
    async () => {},
  );
}

async function storageFolder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(STORAGE_FOLDER, { create: true });
}

/** Remove folder `name` of the origin-private file system with all it holds (if it is there). */
async function removeFolder(name: string): Promise<void> {
  if (typeof navigator.storage?.getDirectory !== 'function') return;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name, { recursive: true }).catch(() => {});
}

/**
 * Remove every archive and staging segment the studio left in the origin-private file system (finished
 * or not: a closed tab may have left some).
 */
export async function clearStoredArchives(): Promise<void> {
  await removeFolder(STORAGE_FOLDER);
  await removeFolder(STAGING_FOLDER);
}

/**
 * A sink into `fileName + PARTIAL_SUFFIX` in the origin-private file system (written by a worker through
 * a sync access handle, else through a writable stream); `commit` renames it to
 * `fileName` where the browser can and returns it for download. Earlier archives there are removed.
 */
export async function openStorageSink(fileName: string): Promise<ArchiveSink> {
  if (typeof navigator.storage?.getDirectory !== 'function') {
    throw new Error('this browser has no origin-private file system to write the archive into');
  }
  await clearStoredArchives();
  const folder = await storageFolder();
  const partial = fileName + PARTIAL_SUFFIX;
  const handle = await folder.getFileHandle(partial, { create: true });
  // A sync access handle in a writer worker first: its writes cost the browser a fraction of what a
  // writable stream's do (measured: about 23 ms of browser-process CPU per MB for the stream, a third
  // less export speed on 2 cores); the stream where the browser has no sync handles.
  let writer: FileWriter;
  try {
    writer = await syncHandleWriter(STORAGE_FOLDER, partial);
  } catch (e) {
    if (typeof handle.createWritable !== 'function') throw e;
    writer = streamWriter(await handle.createWritable({ keepExistingData: false }));
  }
  return bufferedSink(
    'download',
    fileName,
    writer,
    async () => {
      const move = (handle as unknown as { move?: (name: string) => Promise<void> }).move;
      if (typeof move === 'function') await move.call(handle, fileName).catch(() => {});
      return handle.getFile();
    },
    () => folder.removeEntry(partial).catch(() => folder.removeEntry(fileName)),
  );
}
