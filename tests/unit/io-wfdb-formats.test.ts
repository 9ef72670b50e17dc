import { describe, expect, it } from 'vitest';
import { checkInputSize, DEFAULT_MAX_INPUT_BYTES } from '../../src/io/input-size.ts';
import { IoError } from '../../src/io/io-error.ts';
import { mvPerUnit } from '../../src/io/physical-units.ts';
import { decodeLatin1, decodeUtf8 } from '../../src/io/text-decode.ts';
import { encodeSamples } from '../../src/io/wfdb-format-encode.ts';
import { bytesForSamples, decodeSamples, samplesInBytes, wfdbFormatInfo } from '../../src/io/wfdb-formats.ts';

const FORMATS = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311];

function decode(format: number, bytes: number[] | Uint8Array, count?: number): number[] {
  const b = Uint8Array.from(bytes);
  const n = count ?? samplesInBytes(format, b.length);
  const out = new Int32Array(n);
  decodeSamples(format, b, 0, n, out);
  return [...out];
}

function ioErrorOf(fn: () => unknown): IoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IoError);
    return e as IoError;
  }
  throw new Error('expected an IoError');
}

describe('WFDB storage formats (signal(5)): hand-computed bytes', () => {
  it('reads 16 (LE), 61 (BE), 160 (offset binary), 24 and 32 (LE two’s complement)', () => {
    expect(decode(16, [0x34, 0x12, 0xfe, 0xff])).toEqual([0x1234, -2]);
    expect(decode(61, [0x12, 0x34, 0xff, 0xfe])).toEqual([0x1234, -2]);
    expect(decode(160, [0x00, 0x80, 0xff, 0xff, 0x00, 0x00])).toEqual([0, 32767, -32768]);
    expect(decode(24, [0xfe, 0xff, 0xff, 0x01, 0x00, 0x80])).toEqual([-2, -8388607]);
    expect(decode(32, [0xfe, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x80])).toEqual([-2, -2147483647]);
  });

  it('reads 80 (offset binary byte) and 8 (signed differences, summed by the record reader)', () => {
    expect(decode(80, [0, 128, 255])).toEqual([-128, 0, 127]);
    expect(decode(8, [0x00, 0x7f, 0x80, 0xff])).toEqual([0, 127, -128, -1]);
  });

  it('reads 212: two 12-bit samples in 3 bytes, and a lone last sample in 2 bytes', () => {
    expect(decode(212, [0x01, 0xf0, 0xff])).toEqual([1, -1]);
    expect(decode(212, [0xff, 0x07, 0x00, 0x00, 0x08])).toEqual([2047, 0, -2048]);
    expect(samplesInBytes(212, 5)).toBe(3);
    expect(samplesInBytes(212, 4)).toBe(2);
  });

  it('reads 310: bits 1-10 of two LE words, the third sample from their top 5 bits', () => {
    expect(decode(310, [0x02, 0xf0, 0xfe, 0xff])).toEqual([1, -1, -2]);
    expect(decode(310, [0x02, 0xf0, 0xfe, 0xff, 0x04, 0x00])).toEqual([1, -1, -2, 2]);
  });

  it('reads 311: three 10-bit samples in one LE 32-bit word (bits 0-9, 10-19, 20-29)', () => {
    expect(decode(311, [0x01, 0xfc, 0xef, 0x3f])).toEqual([1, -1, -2]);
    expect(decode(311, [0x01, 0xfc, 0xef, 0x3f, 0x05, 0x0c, 0x00])).toEqual([1, -1, -2, 5, 3]);
  });
});

describe('encodeSamples / decodeSamples', () => {
  it.each(FORMATS)('format %i round-trips every count up to 7 and the extremes', (format) => {
    const info = wfdbFormatInfo(format);
    const lo = format === 8 ? -128 : info.invalidAdc;
    const hi = -lo - 1;
    for (let n = 0; n <= 7; n++) {
      const values = Array.from({ length: n }, (_, i) => [lo, hi, 0, -1, 1, lo + 1, hi - 1][i % 7]);
      const bytes = encodeSamples(format, values);
      expect(bytes.length, `format ${format}, ${n} samples`).toBe(bytesForSamples(format, n));
      // The bytes hold n samples but not one byte less (310 stores 2 samples in a whole 3-sample group).
      expect(samplesInBytes(format, bytes.length)).toBe(format === 310 && n % 3 === 2 ? n + 1 : n);
      if (n > 0) expect(samplesInBytes(format, bytes.length - 1)).toBeLessThan(n);
      expect(decode(format, bytes, n)).toEqual(values);
    }
  });

  it('writes the partial groups as the WFDB library does (212: 2 bytes; 310: 2/4; 311: 2/3)', () => {
    expect([bytesForSamples(212, 1), bytesForSamples(212, 3)]).toEqual([2, 5]);
    expect([bytesForSamples(310, 1), bytesForSamples(310, 2), bytesForSamples(310, 4)]).toEqual([2, 4, 6]);
    expect([bytesForSamples(311, 1), bytesForSamples(311, 2), bytesForSamples(311, 5)]).toEqual([2, 3, 7]);
  });

  it('refuses values a format cannot hold, and formats it cannot write', () => {
    expect(ioErrorOf(() => encodeSamples(212, [2048])).message).toMatch(/2048 does not fit format 212/);
    expect(ioErrorOf(() => encodeSamples(16, [1.5])).field).toBe('sample 0');
    expect(ioErrorOf(() => encodeSamples(0, [0])).message).toMatch(/null signal/);
    expect(ioErrorOf(() => encodeSamples(516, [0])).message).toMatch(/FLAC/);
  });
});

describe('wfdbFormatInfo', () => {
  it('knows the invalid-sample marker of each format', () => {
    expect(FORMATS.map((f) => wfdbFormatInfo(f).invalidAdc)).toEqual([
      -32768, -32768, -8388608, -2147483648, -32768, -128, -32768, -2048, -512, -512,
    ]);
  });

  it('refuses FLAC formats 508/516/524 with a clear message, and unknown codes', () => {
    for (const f of [508, 516, 524]) {
      const e = ioErrorOf(() => wfdbFormatInfo(f, { file: 'x.hea', field: 'signal 0 format' }));
      expect(e.message).toMatch(new RegExp(`^x\\.hea, signal 0 format: format ${f} is FLAC-compressed`));
    }
    expect(ioErrorOf(() => wfdbFormatInfo(17)).message).toBe('unknown signal format 17');
    expect(ioErrorOf(() => wfdbFormatInfo(Number('constructor'))).message).toMatch(/unknown signal format/);
  });
});

describe('helpers', () => {
  it('refuses an input by its size alone (default limit 1 GB)', () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(1_000_000_000);
    expect(() => checkInputSize(DEFAULT_MAX_INPUT_BYTES)).not.toThrow();
    const e = ioErrorOf(() => checkInputSize(DEFAULT_MAX_INPUT_BYTES + 1, 'big.dat'));
    expect(e.message).toBe('big.dat, size: the file is 1000000001 bytes, over the 1000000000-byte limit');
    expect(() => checkInputSize(11, 'a.dat', 10)).toThrow(IoError);
  });

  it('decodes Latin-1 and UTF-8, falling back to Latin-1 for invalid UTF-8', () => {
    expect(decodeLatin1(Uint8Array.from([0x41, 0xb0, 0xe9]))).toBe('A°é');
    expect(decodeUtf8(Uint8Array.from([0x41, 0xc2, 0xb5, 0x56, 0xf0, 0x9f, 0x92, 0x93]))).toBe('AµV💓');
    expect(decodeUtf8(Uint8Array.from([0x41, 0xb5, 0x56]))).toBe('AµV');
    const long = new Uint8Array(20000).fill(0x61);
    expect(decodeUtf8(long)).toBe('a'.repeat(20000));
  });

  it('knows millivolts per voltage unit, and nothing of other units', () => {
    expect(['mV', 'mv', 'uV', 'µV', 'μV', 'V', 'nV'].map(mvPerUnit)).toEqual([
      1, 1, 1e-3, 1e-3, 1e-3, 1e3, 1e-6,
    ]);
    expect(mvPerUnit('mmHg')).toBeUndefined();
    expect(mvPerUnit('NU')).toBeUndefined();
  });
});
