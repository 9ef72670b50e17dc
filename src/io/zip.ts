/**
 * A streaming zip writer: STORED entries with a fixed timestamp (1980-01-01 00:00), written to a byte
 * sink as they come, so an archive is never held whole in memory (only its central directory, about
 * 70 bytes per entry). ZIP64 extra fields and end records are used when an entry or offset reaches
 * 4 GiB or the archive has 65,535 entries or more. The same calls always give the same bytes.
 *
 * An entry's CRC may be given by the caller (computed where the bytes were made, e.g. in a worker),
 * given per chunk (joined with `crc32Combine`), or computed here. When an entry is begun without its
 * CRC, its local header has bit 3 set and the CRC follows the data in a data descriptor (APPNOTE
 * 4.3.9); its size must still be declared up front and is checked.
 */
import { crc32, crc32Combine } from './crc32.ts';
import { IoError } from './io-error.ts';
import { entryName } from './zip-entry-name.ts';
import { framedEntries } from './zip-framed.ts';
import {
  centralHeaderLength,
  dataDescriptor,
  endRecords,
  FLAG_DATA_DESCRIPTOR,
  FLAG_UTF8,
  localHeader,
  writeCentralHeader,
  type ZipEntryRecord,
} from './zip-records.ts';

/**
 * Where the archive's bytes go, in order. The writer never touches a chunk after handing it over; the
 * caller of `writeData` may reuse its chunk once that call has resolved, so a sink that keeps a chunk
 * longer (to write it later) must copy it.
 */
export interface ZipByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** What `finish` reports. */
export interface ZipSummary {
  entries: number;
  /** Total archive length in bytes. */
  archiveBytes: number;
  /** Whether the ZIP64 end records were written. */
  zip64: boolean;
}

/** The state of the entry being streamed. */
interface OpenEntry {
  path: string;
  record: ZipEntryRecord;
  written: number;
  /** CRC of the bytes so far (when the CRC was not declared). */
  runningCrc: number;
  declaredCrc: boolean;
}

/** The central directory, growing as entries are added. */
class CentralDirectory {
  private bytes = new Uint8Array(1 << 16);
  length = 0;
  add(e: ZipEntryRecord): void {
    const n = centralHeaderLength(e);
    if (this.length + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    writeCentralHeader(e, this.bytes, this.length);
    this.length += n;
  }
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * Writes a zip archive into a `ZipByteSink`. Calls must be awaited one after another: `addFile`, or
 * `beginFile` + `writeData`… + `endFile`, for each entry, then `finish` once.
 */
export class ZipWriter {
  private offset = 0;
  private entries = 0;
  private readonly central = new CentralDirectory();
  private open: OpenEntry | undefined;
  private finished = false;

  constructor(private readonly sink: ZipByteSink) {}

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.offset;
  }

  /** Hand a chunk to the sink; a promise only when the sink returned one. */
  private emit(chunk: Uint8Array): void | Promise<void> {
    this.offset += chunk.length;
    return this.sink.write(chunk);
  }

  private checkIdle(what: string): void {
    if (this.finished) throw new IoError(`${what} after finish`, { field: 'zip' });
    if (this.open) {
      throw new IoError(`${what} while entry "${this.open.path}" is open`, { field: 'zip' });
    }
  }

  /** Add a whole entry; `crc` is computed when not given. */
  async addFile(path: string, data: Uint8Array, crc: number = crc32(data)): Promise<void> {
    await this.beginFile(path, data.length, crc);
    await this.writeData(data);
    await this.endFile();
  }

  /**
   * Add the whole entries framed in `block` by `frameZipEntries` (local headers and data, in order) as
   * one chunk: the same bytes as `addFile` for each. The caller may reuse `block` once this resolved.
   */
  async addFramedFiles(block: Uint8Array): Promise<void> {
    this.checkIdle('addFramedFiles');
    const base = this.offset;
    for (const e of framedEntries(block)) {
      e.offset += base;
      this.central.add(e);
      this.entries++;
    }
    if (block.length > 0) await this.emit(block);
  }

  /**
   * Begin an entry of `sizeBytes` bytes. With `crc` its local header is complete; without it the CRC
   * is taken from the chunks (given or computed) and written in a data descriptor after the data.
   */
  async beginFile(path: string, sizeBytes: number, crc?: number): Promise<void> {
    this.checkIdle(`beginFile("${path}")`);
    if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0) {
      throw new IoError(`size ${sizeBytes} is not a non-negative integer`, { field: `zip entry "${path}"` });
    }
    const name = entryName(path);
    const ascii = name.length === path.length;
    const deferred = crc === undefined;
    const record: ZipEntryRecord = {
      name,
      flags: (deferred ? FLAG_DATA_DESCRIPTOR : 0) | (ascii ? 0 : FLAG_UTF8),
      crc32: deferred ? 0 : crc >>> 0,
      sizeBytes,
      offset: this.offset,
    };
    this.open = { path, record, written: 0, runningCrc: 0, declaredCrc: !deferred };
    await this.emit(localHeader(record));
  }

  /** Append data to the open entry; `chunkCrc` (the chunk's own CRC-32) saves computing it here. */
  async writeData(chunk: Uint8Array, chunkCrc?: number): Promise<void> {
    const e = this.open;
    if (!e) throw new IoError('writeData with no entry begun', { field: 'zip' });
    if (e.written + chunk.length > e.record.sizeBytes) {
      throw new IoError(`more than the declared ${e.record.sizeBytes} bytes`, {
        field: `zip entry "${e.path}"`,
      });
    }
    if (!e.declaredCrc && chunk.length > 0) {
      const c = chunkCrc ?? crc32(chunk);
      e.runningCrc = e.written === 0 ? c >>> 0 : crc32Combine(e.runningCrc, c, chunk.length);
    }
    e.written += chunk.length;
    if (chunk.length > 0) await this.emit(chunk);
  }

  /** Close the open entry (checks its size; writes the data descriptor of a bit-3 entry). */
  async endFile(): Promise<void> {
    const e = this.open;
    if (!e) throw new IoError('endFile with no entry begun', { field: 'zip' });
    if (e.written !== e.record.sizeBytes) {
      throw new IoError(`${e.written} bytes written, ${e.record.sizeBytes} declared`, {
        field: `zip entry "${e.path}"`,
      });
    }
    this.open = undefined;
    if (!e.declaredCrc) {
      e.record.crc32 = e.runningCrc;
      await this.emit(dataDescriptor(e.record));
    }
    this.central.add(e.record);
    this.entries++;
  }

  /** Write the central directory and end records; no entry may be added afterwards. */
  async finish(): Promise<ZipSummary> {
    this.checkIdle('finish');
    this.finished = true;
    const cd = { entries: this.entries, sizeBytes: this.central.length, offset: this.offset };
    if (cd.sizeBytes > 0) await this.emit(this.central.view().slice());
    const tail = endRecords(cd);
    await this.emit(tail);
    return { entries: cd.entries, archiveBytes: this.offset, zip64: tail.length > 22 };
  }
}
