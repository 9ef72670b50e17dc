import { describe, expect, it } from 'vitest';
import { IoError } from '../../src/io/io-error.ts';
import { encodeSamples } from '../../src/io/wfdb-format-encode.ts';
import { headerTextFromBytes, parseHeaderBytes } from '../../src/io/wfdb-header-bytes.ts';
import { parseHeader } from '../../src/io/wfdb-header.ts';
import { readWfdbRecord, type ReadWfdbOptions, type WfdbRecord } from '../../src/io/wfdb-record.ts';

function ioErrorOf(fn: () => unknown): IoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IoError);
    return e as IoError;
  }
  throw new Error('expected an IoError');
}

/** Reads a record from header lines and files given as byte arrays. */
function read(lines: string[], files: Record<string, Uint8Array>, options?: ReadWfdbOptions): WfdbRecord {
  return readWfdbRecord(parseHeader(lines.join('\n'), 'r.hea'), new Map(Object.entries(files)), options);
}

const adc = (r: WfdbRecord): number[][] => r.signalsAdc.map((s) => [...s]);

describe('readWfdbRecord: layout', () => {
  it('de-interleaves signals sharing a file, frame by frame, and converts to mV', () => {
    const dat = encodeSamples(212, [995, 1011, 990, 1015, 1000, 1024]);
    const r = read(
      ['r 2 360 3', 'r.dat 212 200(1024)/mV 11 1024 995 0 0 MLII', 'r.dat 212 200(1024) 11 1024 1011 0 0 V5'],
      { 'r.dat': dat },
    );
    expect(adc(r)).toEqual([
      [995, 990, 1000],
      [1011, 1015, 1024],
    ]);
    expect([...r.signalsMv[0]]).toEqual([-0.145, -0.17, -0.12].map(Math.fround));
    expect(r.warnings.filter((w) => !w.includes('checksum'))).toEqual([]);
  });

  it('reads signals from several files (multi-file records), each with its own format and offset', () => {
    const a = encodeSamples(16, [1, 2, 3, 4, 5, 6]);
    const b = new Uint8Array([9, 9, 9, ...encodeSamples(80, [-7, 8, -9])]);
    const r = read(
      ['r 3 100 3', 'a.dat 16 100 16 0 1 9', 'a.dat 16 100 16 0 2 12', 'b.dat 80+3 100 8 0 -7 -8'],
      {
        'a.dat': a,
        'b.dat': b,
      },
    );
    expect(adc(r)).toEqual([
      [1, 3, 5],
      [2, 4, 6],
      [-7, 8, -9],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('returns every sample of a signal with several samples per frame (x), in time order', () => {
    // Frame: 2 samples of signal 0, then 1 of signal 1.
    const dat = encodeSamples(16, [10, 11, 100, 12, 13, 101]);
    const r = read(['r 2 250 2', 'r.dat 16x2 200 16 0 10', 'r.dat 16 200 16 0 100'], { 'r.dat': dat });
    expect(adc(r)).toEqual([
      [10, 11, 12, 13],
      [100, 101],
    ]);
  });

  it('applies skew as getvec does (sample i from frame i + skew), marking samples past the end invalid', () => {
    const dat = encodeSamples(212, [1, 10, 2, 20, 3, 30, 4, 40]);
    const lines = ['r 2 250 4', 'r.dat 212 200 12 0 1', 'r.dat 212:2 200 12 0 10'];
    const r = read(lines, { 'r.dat': dat });
    expect(adc(r)).toEqual([
      [1, 2, 3, 4],
      [30, 40, -2048, -2048],
    ]);
    expect(Number.isNaN(r.signalsMv[1][2])).toBe(true);
    expect(r.warnings).toEqual([
      'r.dat, signal 1: skew 2 reaches past the end of the data: 2 samples are marked invalid',
    ]);
    expect(adc(read(lines, { 'r.dat': dat }, { ignoreSkew: true }))[1]).toEqual([10, 20, 30, 40]);
  });

  it('sums format 8 first differences from the initial value, per signal', () => {
    const dat = encodeSamples(8, [0, 5, 1, -5, 1, 0]);
    const r = read(['r 2 250 3', 'r.dat 8 200 12 0 100', 'r.dat 8 200 12 0 -100'], { 'r.dat': dat });
    expect(adc(r)).toEqual([
      [100, 101, 102],
      [-95, -100, -100],
    ]);
  });

  it('reads the sample count from the file size when the header gives none (0)', () => {
    const r = read(['r 1 500', 'r.dat 16 1/uV 16 0'], { 'r.dat': encodeSamples(16, [1000, -2000, 3000]) });
    expect(adc(r)).toEqual([[1000, -2000, 3000]]);
    expect([...r.signalsMv[0]]).toEqual([1, -2, 3]); // µV gains give mV
  });

  it('keeps non-voltage units as they are, and marks format 0 (null) signals invalid', () => {
    const r = read(['r 2 125 2', 'r.dat 16 10(-50)/mmHg 16 0 50', '~ 0 200 12 0'], {
      'r.dat': encodeSamples(16, [50, 60]),
    });
    expect([...r.signalsMv[0]]).toEqual([10, 11]);
    expect(adc(r)[1]).toEqual([-32768, -32768]);
    expect(r.warnings.some((w) => w.includes('format 0'))).toBe(true);
  });
});

describe('readWfdbRecord: every format, with 1 to 4 interleaved signals', () => {
  const FORMATS = [16, 24, 32, 61, 80, 160, 212, 310, 311];
  it.each(FORMATS)(
    'format %i: direct (strided) and interleaved decoding agree with the stored values',
    (format) => {
      const span = format === 80 ? 256 : format === 310 || format === 311 ? 1024 : 4096;
      for (let nSig = 1; nSig <= 4; nSig++) {
        const nFrames = 7;
        const values = Array.from({ length: nSig * nFrames }, (_, i) => ((i * 2654435761) % span) - span / 2);
        const dat = encodeSamples(format, values);
        const lines = [`r ${nSig} 250 ${nFrames}`];
        for (let s = 0; s < nSig; s++) lines.push(`r.dat ${format} 200 12 0 ${values[s]}`);
        const expected = Array.from({ length: nSig }, (_, s) => values.filter((_, i) => i % nSig === s));
        expect(adc(read(lines, { 'r.dat': dat })), `${nSig} signals`).toEqual(expected);
        // A skew of 0 written out takes the same path; a skew of 1 on the last signal takes the other one.
        const skewed = [...lines.slice(0, -1), `r.dat ${format}:1 200 12 0`];
        const r = read(skewed, { 'r.dat': dat });
        expect(adc(r).slice(0, -1)).toEqual(expected.slice(0, -1));
        expect(adc(r)[nSig - 1].slice(0, nFrames - 1)).toEqual(expected[nSig - 1].slice(1));
      }
    },
  );
});

describe('readWfdbRecord: warnings, not refusals', () => {
  it('warns about checksum and initial value mismatches, comparing checksums modulo 2^16', () => {
    const dat = encodeSamples(16, [-1000, -244]); // sum -1244, written unsigned as 64292
    expect(read(['r 1 200 2', 'r.dat 16 200 16 0 -1000 64292'], { 'r.dat': dat }).warnings).toEqual([]);
    const bad = read(['r 1 200 2', 'r.dat 16 200 16 0 7 0 0 ECG'], { 'r.dat': dat });
    expect(bad.warnings).toEqual([
      'r.hea, signal 0 (ECG): checksum mismatch: the header says 0, the samples sum to -1244 (mod 2^16)',
      'r.hea, signal 0 (ECG): initial value mismatch: the header says 7, the first sample is -1000',
    ]);
    expect(adc(bad)).toEqual([[-1000, -244]]);
  });

  it('warns about a truncated last frame and marks its missing samples invalid', () => {
    const dat = encodeSamples(16, [1, 2, 3]); // 2 signals x 2 frames need 4 samples
    const r = read(['r 2 200 2', 'r.dat 16 200 16 0 1', 'r.dat 16 200 16 0 2'], { 'r.dat': dat });
    expect(adc(r)).toEqual([
      [1, 3],
      [2, -32768],
    ]);
    expect(r.warnings).toEqual([
      'r.dat: truncated last frame (1 of 2 samples): the missing samples are marked invalid',
    ]);
  });

  it('warns about bytes beyond what the header announces', () => {
    const r = read(['r 1 200 2', 'r.dat 16 200 16 0 1'], { 'r.dat': encodeSamples(16, [1, 2, 3]) });
    expect(adc(r)).toEqual([[1, 2]]);
    expect(r.warnings[0]).toMatch(/^r\.dat: header\/data size mismatch: the file holds 6 bytes, 2 more/);
  });
});

describe('readWfdbRecord: errors naming the file and reason', () => {
  const one = ['r 1 200 1000', 'r.dat 16 200 16 0'];

  it('refuses truncated data', () => {
    const e = ioErrorOf(() => read(one, { 'r.dat': encodeSamples(16, [1, 2, 3]) }));
    expect(e.file).toBe('r.dat');
    expect(e.message).toMatch(
      /^r\.dat: truncated: the header announces 1000 frames of format 16 \(2000 bytes\) but the file holds 6 bytes/,
    );
    expect(
      ioErrorOf(() => read(['r 1 200 1', 'r.dat 16+24 200'], { 'r.dat': new Uint8Array(10) })).message,
    ).toMatch(/shorter than its 24-byte offset/);
  });

  it('refuses a missing signal file, an oversized file (by size), FLAC and unknown formats', () => {
    expect(ioErrorOf(() => read(one, {})).message).toMatch(/^r\.dat: missing/);
    const big = ioErrorOf(() => read(one, { 'r.dat': new Uint8Array(2000) }, { maxInputBytes: 1999 }));
    expect(big.message).toBe('r.dat, size: the file is 2000 bytes, over the 1999-byte limit');
    expect(ioErrorOf(() => read(['r 1 200 1', 'r.d 516 200 16 0'], {})).message).toMatch(
      /^r\.hea, signal 0 format: format 516 is FLAC-compressed/,
    );
    expect(ioErrorOf(() => read(['r 1 200 1', 'r.d 17 200 16 0'], {})).message).toBe(
      'r.hea, signal 0 format: unknown signal format 17',
    );
  });

  it('refuses bad gains and frequencies, absurd counts and mixed formats in one file', () => {
    expect(ioErrorOf(() => read(['r 1 200 1', 'r.d 16 1e999 16 0'], {})).message).toMatch(
      /signal 0 gain: bad gain Infinity/,
    );
    expect(ioErrorOf(() => read(['r 1 1e999 1', 'r.d 16 200 16 0'], {})).field).toBe('sampling frequency');
    expect(ioErrorOf(() => read(['r 1 200 99999999999999999999', 'r.d 16'], {})).field).toBe(
      'number of samples',
    );
    expect(ioErrorOf(() => read(['r 1 200 1', 'r.d 16x99999999999 200'], {})).field).toBe(
      'signal 0 samples per frame',
    );
    const mixed = ioErrorOf(() => read(['r 2 200 1', 'r.d 16', 'r.d 212'], {}));
    expect(mixed.message).toBe(
      'r.hea, signal 1 format: format 212 differs from format 16 of the other signals in r.d',
    );
  });
});

describe('header bytes', () => {
  const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

  it('refuses an empty header and binary junk, naming the line', () => {
    expect(ioErrorOf(() => headerTextFromBytes(new Uint8Array(0), 'x.hea')).message).toBe(
      'x.hea: the file is empty',
    );
    const junk = ioErrorOf(() => parseHeaderBytes(bytes('r 1 200\nr.dat 16\u0000\u0001'), 'x.hea'));
    expect(junk.message).toBe('x.hea, line 2: binary junk (byte 0x00 at offset 16): not a text header');
  });

  it('reads UTF-8 and Latin-1 descriptions', () => {
    const utf8 = Uint8Array.from([...bytes('r 1\nr.dat 16 200 16 0 0 0 0 '), 0xc2, 0xb5]);
    expect(parseHeaderBytes(utf8).signals[0].description).toBe('µ');
    const latin1 = Uint8Array.from([...bytes('r 1\nr.dat 16 200 16 0 0 0 0 '), 0xb5]);
    expect(parseHeaderBytes(latin1).signals[0].description).toBe('µ');
  });
});
