/**
 * Reads a zip archive's central directory (ZIP64 included) and its STORED entries' bytes: enough to
 * check archives this project writes (tests, the studio's e2e) without a zip library.
 */
import { IoError } from './io-error.ts';
import { ZIP16_MAX, ZIP32_MAX } from './zip-records.ts';

/** One central directory entry. */
export interface ZipDirectoryEntry {
  path: string;
  flags: number;
  method: number;
  crc32: number;
  sizeBytes: number;
  compressedBytes: number;
  /** Offset of the local header in the archive. */
  offset: number;
  /** DOS date and time fields as stored. */
  dosDate: number;
  dosTime: number;
}

/** The central directory: its entries and whether ZIP64 end records were found. */
export interface ZipDirectory {
  entries: ZipDirectoryEntry[];
  zip64: boolean;
}

function fail(reason: string): never {
  throw new IoError(reason, { field: 'zip' });
}

function u64(v: DataView, pos: number): number {
  return v.getUint32(pos, true) + v.getUint32(pos + 4, true) * 0x100000000;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * Parse the central directory of an archive. `tail` holds the archive's bytes from `tailOffset` to its
 * end (the whole archive when `tailOffset` is 0) and must include the central directory. Names are
 * returned as written (this project writes ASCII names).
 */
export function readZipDirectory(tail: Uint8Array, tailOffset = 0): ZipDirectory {
  const v = new DataView(tail.buffer, tail.byteOffset, tail.length);
  let eocd = -1;
  for (let p = tail.length - 22; p >= Math.max(0, tail.length - 22 - 0xffff); p--) {
    if (v.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) fail('no end of central directory record');
  let entries = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  const zip64 = locator >= 0 && v.getUint32(locator, true) === 0x07064b50;
  if (zip64) {
    const rec = u64(v, locator + 8) - tailOffset;
    if (rec < 0 || v.getUint32(rec, true) !== 0x06064b50) fail('ZIP64 locator points to no ZIP64 record');
    entries = u64(v, rec + 32);
    cdSize = u64(v, rec + 40);
    cdOffset = u64(v, rec + 48);
  } else if (entries === ZIP16_MAX || cdSize === ZIP32_MAX || cdOffset === ZIP32_MAX) {
    fail('end record fields say ZIP64 but there is no ZIP64 locator');
  }
  const out: ZipDirectoryEntry[] = [];
  let p = cdOffset - tailOffset;
  if (p < 0 || p + cdSize > tail.length) fail('central directory lies outside the given bytes');
  for (let i = 0; i < entries; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) fail(`central header ${i}: bad signature`);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const e: ZipDirectoryEntry = {
      path: latin1(tail.subarray(p + 46, p + 46 + nameLen)),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      dosTime: v.getUint16(p + 12, true),
      dosDate: v.getUint16(p + 14, true),
      crc32: v.getUint32(p + 16, true),
      compressedBytes: v.getUint32(p + 20, true),
      sizeBytes: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
    };
    // ZIP64 extra field (tag 1): the 8-byte values of the fields that hold 0xFFFFFFFF, in order.
    for (let x = p + 46 + nameLen; x < p + 46 + nameLen + extraLen;) {
      const tag = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (tag === 1) {
        let q = x + 4;
        if (e.sizeBytes === ZIP32_MAX) [e.sizeBytes, q] = [u64(v, q), q + 8];
        if (e.compressedBytes === ZIP32_MAX) [e.compressedBytes, q] = [u64(v, q), q + 8];
        if (e.offset === ZIP32_MAX) e.offset = u64(v, q);
      }
      x += 4 + len;
    }
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries: out, zip64 };
}

/** The stored bytes of `entry` in a whole archive `bytes` (method 0 only). */
export function zipEntryData(bytes: Uint8Array, entry: ZipDirectoryEntry): Uint8Array {
  if (entry.method !== 0) fail(`entry "${entry.path}" is compressed (method ${entry.method})`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (v.getUint32(entry.offset, true) !== 0x04034b50) fail(`entry "${entry.path}": bad local header`);
  const start =
    entry.offset + 30 + v.getUint16(entry.offset + 26, true) + v.getUint16(entry.offset + 28, true);
  return bytes.subarray(start, start + entry.sizeBytes);
}
