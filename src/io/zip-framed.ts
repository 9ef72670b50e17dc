/**
 * Zip entries framed ahead of the writer: the local headers and data of whole files laid out in one
 * block where the files are made (a worker), so the thread writing the archive appends the block as one
 * chunk and only records the entries in its central directory (`ZipWriter.addFramedFiles`). A framed
 * entry is byte for byte what `ZipWriter.addFile` writes for the same path, data and CRC.
 */
import { IoError } from './io-error.ts';
import { decodeUtf8 } from './text-decode.ts';
import { entryName } from './zip-entry-name.ts';
import {
  FLAG_DATA_DESCRIPTOR,
  FLAG_UTF8,
  localHeaderLength,
  writeLocalHeader,
  ZIP32_MAX,
  type ZipEntryRecord,
} from './zip-records.ts';

/** A whole file to frame: its path in the archive, bytes and CRC-32. */
export interface FramedFileInput {
  path: string;
  data: Uint8Array;
  crc32: number;
}

/**
 * The local header and data of each file, in order, in one block: a view at the start of `reuse` when
 * it is large enough, else a new buffer with a quarter to spare (so the next batch can reuse it).
 * Throws `IoError` for a path `addFile` would refuse; files must be under 4 GiB (no ZIP64 here).
 */
export function frameZipEntries(files: readonly FramedFileInput[], reuse?: ArrayBuffer): Uint8Array {
  const records: ZipEntryRecord[] = [];
  let total = 0;
  for (const f of files) {
    const name = entryName(f.path);
    if (f.data.length >= ZIP32_MAX) {
      throw new IoError('a framed entry must be under 4 GiB', { field: `zip entry "${f.path}"` });
    }
    const record: ZipEntryRecord = {
      name,
      flags: name.length === f.path.length ? 0 : FLAG_UTF8,
      crc32: f.crc32 >>> 0,
      sizeBytes: f.data.length,
      offset: total,
    };
    records.push(record);
    total += localHeaderLength(record) + f.data.length;
  }
  const block =
    reuse !== undefined && reuse.byteLength >= total
      ? new Uint8Array(reuse, 0, total)
      : new Uint8Array(new ArrayBuffer(Math.ceil(total * 1.25)), 0, total);
  for (let i = 0; i < files.length; i++) {
    const r = records[i];
    writeLocalHeader(r, block, r.offset);
    block.set(files[i].data, r.offset + localHeaderLength(r));
  }
  return block;
}

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) =>
  (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;

function notFramed(pos: number, why: string): IoError {
  return new IoError(why, { field: `framed zip entry at byte ${pos}` });
}

/**
 * The entries of a framed block, read back from their local headers: name (a view into `block`),
 * flags, CRC, size and offset from the block's start. Throws `IoError` for bytes that are not a
 * block `frameZipEntries` makes.
 */
export function* framedEntries(block: Uint8Array): Generator<ZipEntryRecord> {
  let pos = 0;
  while (pos < block.length) {
    if (pos + 30 > block.length || u32(block, pos) !== 0x04034b50) throw notFramed(pos, 'no local header');
    const flags = u16(block, pos + 6);
    const nameBytes = u16(block, pos + 26);
    if ((flags & FLAG_DATA_DESCRIPTOR) !== 0 || u16(block, pos + 28) !== 0) {
      throw notFramed(pos, 'a data descriptor or extra field');
    }
    const sizeBytes = u32(block, pos + 18);
    const end = pos + 30 + nameBytes + sizeBytes;
    if (end > block.length) throw notFramed(pos, 'the entry runs past the block');
    yield {
      name: block.subarray(pos + 30, pos + 30 + nameBytes),
      flags,
      crc32: u32(block, pos + 14),
      sizeBytes,
      offset: pos,
    };
    pos = end;
  }
}

/** The files of a framed block (path, a view of the data, CRC), e.g. to write them into a folder. */
export function framedFiles(block: Uint8Array): FramedFileInput[] {
  const files: FramedFileInput[] = [];
  for (const e of framedEntries(block)) {
    const start = e.offset + 30 + e.name.length;
    files.push({
      path: decodeUtf8(e.name),
      data: block.subarray(start, start + e.sizeBytes),
      crc32: e.crc32,
    });
  }
  return files;
}
