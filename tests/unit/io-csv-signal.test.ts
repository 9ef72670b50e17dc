import { describe, expect, it } from 'vitest';
import { decodeSignalCsv, encodeSignalCsv, formatFloat32Shortest } from '../../src/io/csv-signal.ts';
import { IoError } from '../../src/io/io-error.ts';

describe('formatFloat32Shortest', () => {
  it('gives the shortest decimal naming the float32 value', () => {
    expect(formatFloat32Shortest(0.1)).toBe('0.1');
    expect(formatFloat32Shortest(Math.fround(0.1))).toBe('0.1'); // not 0.10000000149011612
    expect(formatFloat32Shortest(1 / 3)).toBe('0.33333334');
    expect(formatFloat32Shortest(-0.25)).toBe('-0.25');
    expect(formatFloat32Shortest(1.5)).toBe('1.5');
    expect(formatFloat32Shortest(100)).toBe('100'); // toPrecision(1) gives "1e+2"
    expect(formatFloat32Shortest(16777217)).toBe('16777216'); // 2^24 + 1 is not a float32
    expect(formatFloat32Shortest(123456789)).toBe('123456790'); // float32 123456792
    expect(formatFloat32Shortest(0.000001)).toBe('0.000001');
  });

  it('keeps the exponent where JS itself does, and the extremes of float32', () => {
    expect(formatFloat32Shortest(1e-7)).toBe('1e-7');
    expect(formatFloat32Shortest(3.4028234663852886e38)).toBe('3.4028235e+38'); // largest float32
    expect(formatFloat32Shortest(1.401298464324817e-45)).toBe('1e-45'); // smallest subnormal
    expect(formatFloat32Shortest(-1.1754943508222875e-38)).toBe('-1.1754944e-38'); // smallest normal
  });

  it('keeps -0, NaN and infinities readable by Number()', () => {
    expect(formatFloat32Shortest(0)).toBe('0');
    expect(formatFloat32Shortest(-0)).toBe('-0');
    expect(formatFloat32Shortest(NaN)).toBe('NaN');
    expect(formatFloat32Shortest(Infinity)).toBe('Infinity');
    expect(formatFloat32Shortest(-1e39)).toBe('-Infinity'); // overflows float32
  });

  it('round-trips random float32 bit patterns, and no shorter precision would', () => {
    const bits = new Uint32Array(1);
    const asFloat = new Float32Array(bits.buffer);
    let seed = 0x2545f491;
    for (let n = 0; n < 20000; n++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      bits[0] = seed;
      const f = asFloat[0];
      if (!Number.isFinite(f)) continue;
      const s = formatFloat32Shortest(f);
      expect(Object.is(Math.fround(Number(s)), f), `${f} -> ${s}`).toBe(true);
      const digits = s
        .replace(/^-/, '')
        .replace(/e.*$/, '')
        .replace('.', '')
        .replace(/^0+|0+$/g, '').length;
      if (digits > 1) expect(Math.fround(Number(f.toPrecision(digits - 1)))).not.toBe(f);
    }
  });
});

describe('encodeSignalCsv', () => {
  it('writes the header, i / fsHz times and shortest float32 values, each line ending in \\n', () => {
    expect(encodeSignalCsv(Float32Array.from([0.1, -0.25, 1 / 3]), 3)).toBe(
      'time_s,ii_mv\n0,0.1\n0.3333333333333333,-0.25\n0.6666666666666666,0.33333334\n',
    );
    expect(encodeSignalCsv(new Float32Array(0), 500)).toBe('time_s,ii_mv\n');
  });

  it('refuses a non-positive sampling frequency', () => {
    expect(() => encodeSignalCsv(new Float32Array(1), 0)).toThrow(IoError);
  });
});

describe('decodeSignalCsv', () => {
  it('round-trips exactly: same float32 values, same float64 times', () => {
    const signal = Float32Array.from({ length: 3600 }, (_, i) => Math.sin(i / 11) * 1.7 - 0.05);
    const { timeS, signalMv } = decodeSignalCsv(encodeSignalCsv(signal, 360));
    expect([...signalMv]).toEqual([...signal]);
    expect(timeS).toBeInstanceOf(Float64Array);
    timeS.forEach((t, i) => expect(t).toBe(i / 360));
  });

  it('accepts CRLF line ends, a byte order mark and blank lines', () => {
    const { timeS, signalMv } = decodeSignalCsv('\uFEFFtime_s,ii_mv\r\n0,1.5\r\n\r\n0.5,-2\r\n');
    expect([...timeS]).toEqual([0, 0.5]);
    expect([...signalMv]).toEqual([1.5, -2]);
  });

  it('names the line of a malformed row', () => {
    const bad = (text: string): IoError => {
      try {
        decodeSignalCsv(text, 'sig.csv');
      } catch (e) {
        expect(e).toBeInstanceOf(IoError);
        return e as IoError;
      }
      throw new Error('expected an IoError');
    };
    expect(bad('time_s,ii_mv\n0,1\n0.1,abc\n').message).toBe('sig.csv, line 3 ii_mv: "abc" is not a number');
    expect(bad('time_s,ii_mv\n0,1\n0.1\n').field).toBe('line 3');
    expect(bad('time_s,ii_mv\n0,1,2\n').message).toMatch(/line 2.*expected 2 columns, found 3/);
    expect(bad('time_s,ii_mv\n,1\n').field).toBe('line 2 time_s');
    expect(bad('time_s,MLII_mV\n0,1\n').field).toBe('line 1');
    expect(bad('').message).toMatch(/empty/);
  });
});
