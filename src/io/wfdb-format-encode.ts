import { IoError } from './io-error.ts';
import { bytesForSamples, wfdbFormatInfo } from './wfdb-formats.ts';

/** The signed range a format stores directly (format 8 stores 8-bit differences). */
function rangeOf(format: number): [number, number] {
  switch (format) {
    case 8:
    case 80:
      return [-128, 127];
    case 16:
    case 61:
    case 160:
      return [-32768, 32767];
    case 24:
      return [-8388608, 8388607];
    case 32:
      return [-2147483648, 2147483647];
    case 212:
      return [-2048, 2047];
    default:
      return [-512, 511]; // 310, 311
  }
}

/**
 * Encodes a sample stream (all signals of one file interleaved frame by frame, as `decodeSamples`
 * returns it) in a WFDB storage format: 8 (the values are the differences to store), 16, 24, 32, 61,
 * 80, 160, 212, 310 or 311, with the partial last group of the packed formats written as the WFDB
 * library writes it (212: a lone sample in 2 bytes; 310: 2 or 4 bytes; 311: 2 or 3 bytes). Throws
 * `IoError` for a value the format cannot hold and for formats it cannot write (0, FLAC, unknown).
 */
export function encodeSamples(format: number, samples: ArrayLike<number>): Uint8Array {
  wfdbFormatInfo(format, { field: 'format' });
  if (format === 0) throw new IoError('format 0 (null signal) stores no samples', { field: 'format' });
  const [lo, hi] = rangeOf(format);
  const n = samples.length;
  for (let i = 0; i < n; i++) {
    const v = samples[i];
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw new IoError(`${v} does not fit format ${format} (${lo}..${hi})`, { field: `sample ${i}` });
    }
  }
  const out = new Uint8Array(bytesForSamples(format, n));
  const s = (i: number): number => (i < n ? samples[i] : 0);
  let p = 0;
  switch (format) {
    case 8:
    case 80:
      for (let i = 0; i < n; i++) out[i] = format === 80 ? samples[i] + 128 : samples[i] & 0xff;
      break;
    case 16:
    case 160:
      for (let i = 0; i < n; i++, p += 2) {
        const v = format === 160 ? samples[i] + 32768 : samples[i] & 0xffff;
        out[p] = v & 0xff;
        out[p + 1] = v >>> 8;
      }
      break;
    case 61:
      for (let i = 0; i < n; i++, p += 2) {
        out[p] = (samples[i] >> 8) & 0xff;
        out[p + 1] = samples[i] & 0xff;
      }
      break;
    case 24:
    case 32:
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < format / 8; k++) out[p++] = (samples[i] >> (8 * k)) & 0xff;
      }
      break;
    case 212:
      for (let i = 0; i < n; i += 2, p += 3) {
        const a = s(i) & 0xfff;
        const b = s(i + 1) & 0xfff;
        out[p] = a & 0xff;
        out[p + 1] = (a >> 8) | ((b >> 4) & 0xf0);
        if (p + 2 < out.length) out[p + 2] = b & 0xff;
      }
      break;
    case 310:
      for (let i = 0; i < n; i += 3, p += 4) {
        const [a, b, c] = [s(i) & 0x3ff, s(i + 1) & 0x3ff, s(i + 2) & 0x3ff];
        const w0 = (a << 1) | ((c & 0x1f) << 11);
        const w1 = (b << 1) | ((c >> 5) << 11);
        const group = [w0 & 0xff, w0 >>> 8, w1 & 0xff, w1 >>> 8];
        for (let k = 0; k < 4 && p + k < out.length; k++) out[p + k] = group[k];
      }
      break;
    default: // 311
      for (let i = 0; i < n; i += 3, p += 4) {
        const w = ((s(i) & 0x3ff) | ((s(i + 1) & 0x3ff) << 10) | ((s(i + 2) & 0x3ff) << 20)) >>> 0;
        for (let k = 0; k < 4 && p + k < out.length; k++) out[p + k] = (w >>> (8 * k)) & 0xff;
      }
  }
  return out;
}
