/**
 * Where the studio's dataset archive goes, as a zip byte sink that writes to disk as the archive is
 * made (never holding it whole): a file the user picks (File System Access API), or a temporary file in
 * the origin-private file system that is offered as a download once complete. Chunks are gathered and
 * written a few MiB at a time. `discard` leaves nothing that looks complete: the picked file is not
 * replaced (its writable stream is aborted), the temporary file is removed.
 */
import type { ZipByteSink } from '../io/zip.ts';
import { streamWriter, syncHandleWriter, type FileWriter } from './dataset-file-writer.ts';

/** Where an export goes: a file the user picks, or the browser's downloads. */
export type ExportDestination = 'file' | 'download';

/** Folder of the origin-private file system that holds the archives being made. */
export const STORAGE_FOLDER = 'pqrst-exports';
/** Suffix of an archive still being written there. */
export const PARTIAL_SUFFIX = '.partial';
/** Bytes gathered before one write. */
export const FLUSH_BYTES = 4 << 20;
/** Most bytes waiting for the disk before `write` waits. */
export const MAX_QUEUED_BYTES = 32 << 20;

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
 * A sink gathering chunks into FLUSH_BYTES writes to `writer`. Writes run in the background, one after
 * another, so the export keeps handing batches to the workers while the disk works; `write` waits only
 * when more than MAX_QUEUED_BYTES are waiting for the disk.
 */
export function bufferedSink(
  destination: ExportDestination,
  fileName: string,
  writer: FileWriter,
  finish: () => Promise<File | null>,
  cleanUp: () => Promise<void>,
): ArchiveSink {
  let chunks: Uint8Array[] = [];
  let pending = 0;
  let total = 0;
  let queued = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Wakes the `write` waiting for the disk to catch up (one at a time: the zip writer awaits each). */
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let state: 'open' | 'committed' | 'discarded' = 'open';
  const flush = () => {
    if (pending === 0) return;
    const block = new Uint8Array(pending);
    let at = 0;
    for (const c of chunks) {
      block.set(c, at);
      at += c.length;
    }
    chunks = [];
    pending = 0;
    const size = block.length; // the writer may transfer (detach) the block
    queued += size;
    writing = writing.then(async () => {
      try {
        if (failure === null) await writer.write(block);
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
      chunks.push(chunk);
      pending += chunk.length;
      total += chunk.length;
      if (pending >= FLUSH_BYTES) flush();
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
    async discard() {
      if (state === 'discarded') return;
      chunks = [];
      pending = 0;
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
  const writer = streamWriter(await handle.createWritable({ keepExistingData: false }));
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

/** Remove every archive the studio left in the origin-private file system (finished or not). */
export async function clearStoredArchives(): Promise<void> {
  if (typeof navigator.storage?.getDirectory !== 'function') return;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(STORAGE_FOLDER, { recursive: true }).catch(() => {});
}

/**
 * A sink into `fileName + PARTIAL_SUFFIX` in the origin-private file system; `commit` renames it to
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
  const writer =
    typeof handle.createWritable === 'function'
      ? streamWriter(await handle.createWritable({ keepExistingData: false }))
      : await syncHandleWriter(STORAGE_FOLDER, partial);
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
