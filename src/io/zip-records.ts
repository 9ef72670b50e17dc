/**
 * The fixed records of a zip archive (PKWARE APPNOTE 6.3.10): local file header, data descriptor,
 * central directory header, ZIP64 end of central directory record and locator, end of central
 * directory record. Entries are STORED (method 0) with the fixed time 1980-01-01 00:00, so the same
 * entries always give the same bytes.
 */

/** The 32-bit field value that means "see the ZIP64 extra field". */
export const ZIP32_MAX = 0xffffffff;
/** The 16-bit entry-count value that means "see the ZIP64 end record". */
export const ZIP16_MAX = 0xffff;

/** DOS date of 1980-01-01 ((year - 1980) << 9 | month << 5 | day); the time is 00:00:00 (0). */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
/** Version 2.0: stored entries, data descriptors. */
const VERSION_20 = 20;
/** Version 4.5: ZIP64. */
const VERSION_45 = 45;
/** Made by: UNIX (3) in the high byte, spec version 4.5 in the low byte. */
const MADE_BY = (3 << 8) | VERSION_45;
/** External attributes: a regular file, mode 0644, in the UNIX high half. */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
/** General purpose flag bit 3: CRC and sizes follow the data in a data descriptor. */
export const FLAG_DATA_DESCRIPTOR = 1 << 3;
/** General purpose flag bit 11: the name is UTF-8. */
export const FLAG_UTF8 = 1 << 11;

/** One entry as the central directory records it. */
export interface ZipEntryRecord {
  /** The name's bytes (UTF-8). */
  name: Uint8Array;
  /** General purpose flags. */
  flags: number;
  crc32: number;
  sizeBytes: number;
  /** Offset of the entry's local header from the start of the archive. */
  offset: number;
}

/** Little-endian field writer over a byte array (plain stores: a DataView per header costs more). */
class Fields {
  constructor(
    readonly bytes: Uint8Array,
    private pos = 0,
  ) {}
  u16(v: number): this {
    const b = this.bytes;
    b[this.pos++] = v & 0xff;
    b[this.pos++] = (v >>> 8) & 0xff;
    return this;
  }
  u32(v: number): this {
    const b = this.bytes;
    b[this.pos++] = v & 0xff;
    b[this.pos++] = (v >>> 8) & 0xff;
    b[this.pos++] = (v >>> 16) & 0xff;
    b[this.pos++] = (v >>> 24) & 0xff;
    return this;
  }
  /** A 64-bit unsigned value from a safe integer. */
  u64(v: number): this {
    return this.u32(v % 0x100000000).u32(Math.floor(v / 0x100000000));
  }
  raw(src: Uint8Array): this {
    this.bytes.set(src, this.pos);
    this.pos += src.length;
    return this;
  }
}

/** A writer over a fresh array of `length` bytes. */
function fresh(length: number): Fields {
  return new Fields(new Uint8Array(length));
}

/** The capped 32-bit value of a size or offset (0xFFFFFFFF when it needs ZIP64). */
function cap32(v: number): number {
  return v >= ZIP32_MAX ? ZIP32_MAX : v;
}

/**
 * A local file header. With a known CRC it holds the CRC and size (with a ZIP64 extra field of both
 * sizes when the size is ≥ 4 GiB). With `flags` bit 3 (CRC not known yet) CRC and sizes are zero, as
 * APPNOTE 4.4.4 requires; they follow the data in `dataDescriptor`.
 */
export function localHeader(e: ZipEntryRecord): Uint8Array {
  const out = new Uint8Array(localHeaderLength(e));
  writeLocalHeader(e, out, 0);
  return out;
}

/** The length of `e`'s local header (30 bytes, the name, a ZIP64 extra field when needed). */
export function localHeaderLength(e: ZipEntryRecord): number {
  const deferred = (e.flags & FLAG_DATA_DESCRIPTOR) !== 0;
  return 30 + e.name.length + (!deferred && e.sizeBytes >= ZIP32_MAX ? 20 : 0);
}

/** Write `localHeader(e)` into `out` at `pos` (`localHeaderLength(e)` bytes). */
export function writeLocalHeader(e: ZipEntryRecord, out: Uint8Array, pos: number): void {
  const deferred = (e.flags & FLAG_DATA_DESCRIPTOR) !== 0;
  const zip64 = !deferred && e.sizeBytes >= ZIP32_MAX;
  const extraBytes = zip64 ? 20 : 0;
  const f = new Fields(out, pos)
    .u32(0x04034b50)
    .u16(zip64 ? VERSION_45 : VERSION_20)
    .u16(e.flags)
    .u16(0)
    .u16(0)
    .u16(DOS_DATE_1980_01_01)
    .u32(deferred ? 0 : e.crc32)
    .u32(deferred ? 0 : cap32(e.sizeBytes))
    .u32(deferred ? 0 : cap32(e.sizeBytes))
    .u16(e.name.length)
    .u16(extraBytes)
    .raw(e.name);
  if (zip64) f.u16(0x0001).u16(16).u64(e.sizeBytes).u64(e.sizeBytes);
}

/** The data descriptor after a bit-3 entry's data: signature, CRC, then both sizes (8 bytes each if ≥ 4 GiB). */
export function dataDescriptor(e: ZipEntryRecord): Uint8Array {
  if (e.sizeBytes >= ZIP32_MAX) {
    return fresh(24).u32(0x08074b50).u32(e.crc32).u64(e.sizeBytes).u64(e.sizeBytes).bytes;
  }
  return fresh(16).u32(0x08074b50).u32(e.crc32).u32(e.sizeBytes).u32(e.sizeBytes).bytes;
}

/** The length of `e`'s central directory header. */
export function centralHeaderLength(e: ZipEntryRecord): number {
  const extraData = (e.sizeBytes >= ZIP32_MAX ? 16 : 0) + (e.offset >= ZIP32_MAX ? 8 : 0);
  return 46 + e.name.length + (extraData > 0 ? 4 + extraData : 0);
}

/**
 * Write `e`'s central directory header into `out` at `pos` (`centralHeaderLength(e)` bytes), with a
 * ZIP64 extra field for each size or offset ≥ 4 GiB.
 */
export function writeCentralHeader(e: ZipEntryRecord, out: Uint8Array, pos: number): void {
  const bigSize = e.sizeBytes >= ZIP32_MAX;
  const bigOffset = e.offset >= ZIP32_MAX;
  const extraData = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
  const extraBytes = extraData > 0 ? 4 + extraData : 0;
  const f = new Fields(out, pos)
    .u32(0x02014b50)
    .u16(MADE_BY)
    .u16(extraBytes > 0 ? VERSION_45 : VERSION_20)
    .u16(e.flags)
    .u16(0)
    .u16(0)
    .u16(DOS_DATE_1980_01_01)
    .u32(e.crc32)
    .u32(cap32(e.sizeBytes))
    .u32(cap32(e.sizeBytes))
    .u16(e.name.length)
    .u16(extraBytes)
    .u16(0)
    .u16(0)
    .u16(0)
    .u32(FILE_ATTRIBUTES)
    .u32(cap32(e.offset))
    .raw(e.name);
  if (extraBytes > 0) {
    f.u16(0x0001).u16(extraData);
    if (bigSize) f.u64(e.sizeBytes).u64(e.sizeBytes);
    if (bigOffset) f.u64(e.offset);
  }
}

/** Where the central directory is: entry count, its size and offset in bytes. */
export interface CentralDirectoryInfo {
  entries: number;
  sizeBytes: number;
  offset: number;
}

/** Whether the archive needs the ZIP64 end records (too many entries, or a size or offset ≥ 4 GiB). */
export function needsZip64End(cd: CentralDirectoryInfo): boolean {
  return cd.entries >= ZIP16_MAX || cd.sizeBytes >= ZIP32_MAX || cd.offset >= ZIP32_MAX;
}

/**
 * The archive's tail after the central directory: the ZIP64 end of central directory record and its
 * locator when needed, then the end of central directory record (with 0xFFFF / 0xFFFFFFFF in the
 * fields that the ZIP64 record holds).
 */
export function endRecords(cd: CentralDirectoryInfo): Uint8Array {
  const zip64 = needsZip64End(cd);
  const f = fresh((zip64 ? 56 + 20 : 0) + 22);
  if (zip64) {
    const recordOffset = cd.offset + cd.sizeBytes;
    f.u32(0x06064b50)
      .u64(44)
      .u16(MADE_BY)
      .u16(VERSION_45)
      .u32(0)
      .u32(0)
      .u64(cd.entries)
      .u64(cd.entries)
      .u64(cd.sizeBytes)
      .u64(cd.offset);
    f.u32(0x07064b50).u32(0).u64(recordOffset).u32(1);
  }
  const count16 = cd.entries >= ZIP16_MAX ? ZIP16_MAX : cd.entries;
  f.u32(0x06054b50)
    .u16(0)
    .u16(0)
    .u16(count16)
    .u16(count16)
    .u32(cap32(cd.sizeBytes))
    .u32(cap32(cd.offset))
    .u16(0);
  return f.bytes;
}
