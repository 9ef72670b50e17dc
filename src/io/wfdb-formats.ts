import { IoError } from './io-error.ts';

/**
 * What the record reader needs to know of one WFDB storage format (signal(5)): how samples are laid out
 * in the byte stream of a signal file and which value marks an invalid sample.
 */
export interface WfdbFormatInfo {
  /** The format code, e.g. 212. */
  format: number;
  /** Bits one sample takes in the file on average (12 for 212, 32/3 for 310 and 311; 0 for format 0). */
  bitsPerSample: number;
  /**
   * The ADC value that marks an invalid (missing or clipped) sample in this format: the most negative
   * value it can store (-2048 for 212, -32768 for 16 ...). Format 8 stores differences and has none:
   * the reader uses -32768 (WFDB_INVALID_SAMPLE) for samples it must invent.
   */
  invalidAdc: number;
  /** Format 8 stores first differences: the decoded values must be summed from the initial value. */
  differences: boolean;
}

const FORMATS: Record<number, WfdbFormatInfo> = {
  0: { format: 0, bitsPerSample: 0, invalidAdc: -32768, differences: false },
  8: { format: 8, bitsPerSample: 8, invalidAdc: -32768, differences: true },
  16: { format: 16, bitsPerSample: 16, invalidAdc: -32768, differences: false },
  24: { format: 24, bitsPerSample: 24, invalidAdc: -8388608, differences: false },
  32: { format: 32, bitsPerSample: 32, invalidAdc: -2147483648, differences: false },
  61: { format: 61, bitsPerSample: 16, invalidAdc: -32768, differences: false },
  80: { format: 80, bitsPerSample: 8, invalidAdc: -128, differences: false },
  160: { format: 160, bitsPerSample: 16, invalidAdc: -32768, differences: false },
  212: { format: 212, bitsPerSample: 12, invalidAdc: -2048, differences: false },
  310: { format: 310, bitsPerSample: 32 / 3, invalidAdc: -512, differences: false },
  311: { format: 311, bitsPerSample: 32 / 3, invalidAdc: -512, differences: false },
};

const FLAC_FORMATS = new Set([508, 516, 524]);

/**
 * The layout of a WFDB format, or an `IoError` naming `where` (e.g. `100.hea, signal 0 format`): the
 * FLAC-compressed formats 508/516/524 are refused with a message saying so, other codes as unknown.
 */
export function wfdbFormatInfo(
  format: number,
  where: { file?: string; field?: string } = {},
): WfdbFormatInfo {
  const info = Object.prototype.hasOwnProperty.call(FORMATS, format) ? FORMATS[format] : undefined;
  if (info !== undefined) return info;
  if (FLAC_FORMATS.has(format)) {
    const reason =
      `format ${format} is FLAC-compressed, which this reader does not decode; ` +
      'convert the record to format 16 first (e.g. with WFDB xform -O 16 or wfdb-python)';
    throw new IoError(reason, where);
  }
  throw new IoError(`unknown signal format ${format}`, where);
}

/** Bytes that `count` consecutive samples of the stream take in a file of this format. */
export function bytesForSamples(format: number, count: number): number {
  const whole = Math.floor(count / 2);
  const third = Math.floor(count / 3);
  switch (format) {
    case 0:
      return 0;
    case 8:
    case 80:
      return count;
    case 16:
    case 61:
    case 160:
      return count * 2;
    case 24:
      return count * 3;
    case 32:
      return count * 4;
    case 212: // two samples in 3 bytes; a lone last sample takes 2
      return whole * 3 + (count % 2) * 2;
    case 310: // three samples in 4 bytes; one left over takes 2 bytes, two take 4
      return third * 4 + [0, 2, 4][count % 3];
    case 311: // three samples in 4 bytes; one left over takes 2 bytes, two take 3
      return third * 4 + [0, 2, 3][count % 3];
    default:
      throw new IoError(`unknown signal format ${format}`, { field: 'format' });
  }
}

/** How many whole samples of the stream `byteLength` bytes of this format hold. */
export function samplesInBytes(format: number, byteLength: number): number {
  const n = Math.max(0, Math.floor(byteLength));
  switch (format) {
    case 0:
      return 0;
    case 212:
      return Math.floor(n / 3) * 2 + (n % 3 >= 2 ? 1 : 0);
    case 310:
      return Math.floor(n / 4) * 3 + (n % 4 >= 2 ? 1 : 0);
    case 311:
      return Math.floor(n / 4) * 3 + [0, 0, 1, 2][n % 4];
    default:
      return Math.floor((n * 8) / wfdbFormatInfo(format).bitsPerSample);
  }
}

function decode212(bytes: Uint8Array, p: number, count: number, out: Int32Array): void {
  let i = 0;
  for (; i + 1 < count; i += 2, p += 3) {
    const mid = bytes[p + 1];
    out[i] = ((bytes[p] | ((mid & 0x0f) << 8)) << 20) >> 20;
    out[i + 1] = ((bytes[p + 2] | ((mid & 0xf0) << 4)) << 20) >> 20;
  }
  if (i < count) out[i] = ((bytes[p] | ((bytes[p + 1] & 0x0f) << 8)) << 20) >> 20;
}

function decode310(bytes: Uint8Array, p: number, count: number, out: Int32Array): void {
  for (let i = 0; i < count; i += 3, p += 4) {
    // Two little-endian words: bits 1-10 of each are samples 0 and 1; their top 5 bits make sample 2.
    const w0 = bytes[p] | (bytes[p + 1] << 8);
    out[i] = (w0 << 21) >> 22;
    if (i + 1 >= count) break;
    const w1 = bytes[p + 2] | (bytes[p + 3] << 8);
    out[i + 1] = (w1 << 21) >> 22;
    if (i + 2 < count) out[i + 2] = ((((w0 >> 11) & 0x1f) | (((w1 >> 11) & 0x1f) << 5)) << 22) >> 22;
  }
}

function decode311(bytes: Uint8Array, p: number, count: number, out: Int32Array): void {
  for (let i = 0; i < count; i += 3, p += 4) {
    // One little-endian 32-bit word: samples in bits 0-9, 10-19 and 20-29.
    const lo = bytes[p] | (bytes[p + 1] << 8);
    out[i] = (lo << 22) >> 22;
    if (i + 1 >= count) break;
    const w = lo | (bytes[p + 2] << 16) | ((i + 2 < count ? bytes[p + 3] : 0) << 24);
    out[i + 1] = (w << 12) >> 22;
    if (i + 2 < count) out[i + 2] = (w << 2) >> 22;
  }
}

/**
 * Decodes `count` consecutive samples of a signal file's sample stream (all signals of the file
 * interleaved frame by frame, as stored) starting at byte `start`, into `out[0..count)`. The caller
 * guarantees that `bytesForSamples(format, count)` bytes are present from `start`. Values are as stored:
 * format 8 yields the signed 8-bit differences (to be summed), 80 and 160 are offset binary made signed.
 */
export function decodeSamples(
  format: number,
  bytes: Uint8Array,
  start: number,
  count: number,
  out: Int32Array,
): void {
  let p = start;
  switch (format) {
    case 0:
      return;
    case 8:
      for (let i = 0; i < count; i++) out[i] = (bytes[p++] << 24) >> 24;
      return;
    case 80:
      for (let i = 0; i < count; i++) out[i] = bytes[p++] - 128;
      return;
    case 16:
      for (let i = 0; i < count; i++, p += 2) out[i] = ((bytes[p] | (bytes[p + 1] << 8)) << 16) >> 16;
      return;
    case 61:
      for (let i = 0; i < count; i++, p += 2) out[i] = ((bytes[p + 1] | (bytes[p] << 8)) << 16) >> 16;
      return;
    case 160:
      for (let i = 0; i < count; i++, p += 2) out[i] = (bytes[p] | (bytes[p + 1] << 8)) - 32768;
      return;
    case 24:
      for (let i = 0; i < count; i++, p += 3) {
        out[i] = ((bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16)) << 8) >> 8;
      }
      return;
    case 32:
      for (let i = 0; i < count; i++, p += 4) {
        out[i] = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
      }
      return;
    case 212:
      return decode212(bytes, p, count, out);
    case 310:
      return decode310(bytes, p, count, out);
    case 311:
      return decode311(bytes, p, count, out);
    default:
      throw new IoError(`unknown signal format ${format}`, { field: 'format' });
  }
}

/** Bytes per sample of the byte-aligned formats that store values directly (not format 8 differences). */
const ALIGNED_BYTES: Record<number, number> = { 16: 2, 61: 2, 160: 2, 24: 3, 32: 4, 80: 1 };

/**
 * Decodes every `stride`-th sample of a file's sample stream (one signal of interleaved frames): samples
 * `first`, `first + stride`, ... (`count` of them) into `out`, without decoding the others. Supported for
 * the byte-aligned formats 16, 24, 32, 61, 80 and 160, and for 212 with an even stride (then every sample
 * of the signal sits at the same place in its 3-byte pair); returns false, doing nothing, otherwise. The
 * caller guarantees the bytes are present.
 */
export function decodeStrided(
  format: number,
  bytes: Uint8Array,
  start: number,
  first: number,
  stride: number,
  count: number,
  out: Int32Array,
): boolean {
  if (format === 212) {
    if (stride % 2 !== 0) return false;
    const step = (stride / 2) * 3;
    let p = start + (first >> 1) * 3;
    if ((first & 1) === 0) {
      for (let i = 0; i < count; i++, p += step)
        out[i] = ((bytes[p] | ((bytes[p + 1] & 0x0f) << 8)) << 20) >> 20;
    } else {
      for (let i = 0; i < count; i++, p += step)
        out[i] = ((bytes[p + 2] | ((bytes[p + 1] & 0xf0) << 4)) << 20) >> 20;
    }
    return true;
  }
  const width = ALIGNED_BYTES[format];
  if (width === undefined) return false;
  const step = stride * width;
  let p = start + first * width;
  switch (format) {
    case 16:
      for (let i = 0; i < count; i++, p += step) out[i] = ((bytes[p] | (bytes[p + 1] << 8)) << 16) >> 16;
      return true;
    case 61:
      for (let i = 0; i < count; i++, p += step) out[i] = ((bytes[p + 1] | (bytes[p] << 8)) << 16) >> 16;
      return true;
    case 160:
      for (let i = 0; i < count; i++, p += step) out[i] = (bytes[p] | (bytes[p + 1] << 8)) - 32768;
      return true;
    case 80:
      for (let i = 0; i < count; i++, p += step) out[i] = bytes[p] - 128;
      return true;
    default:
      // 24 and 32: little-endian two's complement of `width` bytes
      for (let i = 0; i < count; i++, p += step) {
        let v = 0;
        for (let k = width - 1; k >= 0; k--) v = (v << 8) | bytes[p + k];
        out[i] = width === 3 ? (v << 8) >> 8 : v | 0;
      }
      return true;
  }
}
