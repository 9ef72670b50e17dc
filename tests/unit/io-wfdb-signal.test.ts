import { describe, expect, it } from 'vitest';
import { IoError } from '../../src/io/io-error.ts';
import { parseHeader } from '../../src/io/wfdb-header.ts';
import {
  adcToMv,
  decodeFormat16,
  encodeFormat16,
  mvToAdc,
  WFDB_INVALID_SAMPLE,
  wfdbChecksum,
} from '../../src/io/wfdb-signal.ts';
import { describeWithEcgData, readEcgBytes, readEcgText } from './helpers/ecg-data.ts';

describe('format 16', () => {
  it('writes little-endian int16, interleaved frame by frame', () => {
    const bytes = encodeFormat16([Int16Array.from([1, -2]), Int16Array.from([256, -32768])]);
    expect([...bytes]).toEqual([0x01, 0x00, 0x00, 0x01, 0xfe, 0xff, 0x00, 0x80]);
    expect([...encodeFormat16([Int16Array.from([0x1234, -1])])]).toEqual([0x34, 0x12, 0xff, 0xff]);
  });

  it('reads hand-made bytes, after a byte offset, ignoring a trailing partial frame', () => {
    const bytes = Uint8Array.from([9, 9, 9, 0x01, 0x00, 0x00, 0x01, 0xfe, 0xff, 0x00, 0x80, 0x07]);
    const [a, b] = decodeFormat16(bytes, 2, 3);
    expect([...a]).toEqual([1, -2]);
    expect([...b]).toEqual([256, -32768]);
  });

  it('reads from a view into a larger buffer', () => {
    const backing = Uint8Array.from([0xaa, 0x02, 0x00, 0x03, 0x00]);
    expect([...decodeFormat16(backing.subarray(1), 1)[0]]).toEqual([2, 3]);
  });

  it('round-trips several channels', () => {
    const chans = [0, 1, 2].map((c) =>
      Int16Array.from({ length: 1001 }, (_, i) => ((i * 7919 + c * 104729) % 65536) - 32768),
    );
    const back = decodeFormat16(encodeFormat16(chans), 3);
    back.forEach((ch, c) => expect([...ch]).toEqual([...chans[c]]));
  });

  it('refuses channels of different lengths and a byte offset past the end', () => {
    expect(() => encodeFormat16([new Int16Array(2), new Int16Array(3)])).toThrow(IoError);
    expect(() => encodeFormat16([])).toThrow(IoError);
    expect(() => decodeFormat16(new Uint8Array(4), 1, 5)).toThrow(IoError);
    expect(() => decodeFormat16(new Uint8Array(4), 0)).toThrow(IoError);
  });
});

describe('wfdbChecksum', () => {
  it('is the sum of the samples as a signed 16-bit value', () => {
    expect(wfdbChecksum([])).toBe(0);
    expect(wfdbChecksum([1, 2, 3, -10])).toBe(-4);
    expect(wfdbChecksum([32767, 1])).toBe(-32768); // wraps
    expect(wfdbChecksum([32767, 32767, 2])).toBe(0); // 65536
    expect(wfdbChecksum([-32768, -32768, -1])).toBe(-1); // -65537
    expect(wfdbChecksum([100000])).toBe(-31072); // 100000 mod 65536 = 34464
    expect(wfdbChecksum([64292])).toBe(-1244); // an unsigned header checksum, read back signed
  });

  it('handles 24/32-bit sample values and long signals without losing the low bits', () => {
    // Expected values computed independently as ((sum mod 65536) as signed 16-bit).
    expect(wfdbChecksum([-2147483638, -2130640619])).toBe(287);
    expect(wfdbChecksum(new Int16Array(650000).fill(32767))).toBe(5360);
  });
});

describe('mvToAdc / adcToMv', () => {
  it('rounds half away from zero', () => {
    const adc = mvToAdc(Float32Array.from([0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49, -0.51]), 1);
    expect([...adc]).toEqual([1, -1, 2, -2, 3, -3, 0, -1]);
  });

  it('applies gain and baseline', () => {
    expect([...mvToAdc(Float32Array.from([0, 1, -0.25]), 1000, 10)]).toEqual([10, 1010, -240]);
  });

  it('clamps to [-32767, 32767], keeping -32768 for invalid (NaN) samples', () => {
    const adc = mvToAdc(Float32Array.from([1000, -1000, 32.767, -32.7675, NaN, Infinity, -Infinity]), 1000);
    expect([...adc]).toEqual([32767, -32767, 32767, -32767, WFDB_INVALID_SAMPLE, 32767, -32767]);
  });

  it('converts back to mV with (adc - baseline) / gain, -32768 becoming NaN', () => {
    const mv = adcToMv(Int16Array.from([1010, 10, -240, -32768]), 1000, 10);
    expect(mv[0]).toBeCloseTo(1, 7);
    expect(mv[1]).toBe(0);
    expect(mv[2]).toBeCloseTo(-0.25, 7);
    expect(mv[3]).toBeNaN();
  });

  it('round-trips mV within half an ADC step', () => {
    const mv = Float32Array.from({ length: 500 }, (_, i) => Math.sin(i / 7) * 2.5);
    const back = adcToMv(mvToAdc(mv, 1000), 1000);
    mv.forEach((v, i) => expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(0.0005 + 1e-7));
  });

  it('refuses a zero or non-finite gain, and accepts a negative (inverted) one', () => {
    expect(() => mvToAdc(new Float32Array(1), 0)).toThrow(IoError);
    expect(() => adcToMv(new Int16Array(1), NaN)).toThrow(IoError);
    expect([...mvToAdc(Float32Array.from([0.5]), -200)]).toEqual([-100]);
    expect([...adcToMv(Int16Array.from([-100]), -200)]).toEqual([0.5]);
  });
});

interface GoldenSignal {
  file: string;
  fmt: string;
  spf: number;
  byte_offset: number;
  gain: number;
  baseline: number;
  n: number;
  first_adc: number[];
  last_adc: number[];
  min_adc: number;
  max_adc: number;
  checksum_computed: number;
  first_mV: number[];
}

interface GoldenHeader {
  header: string;
  signals: GoldenSignal[];
}

describeWithEcgData('decodeFormat16 on real format-16 records (labels/parser_golden.json)', (dataDir) => {
  const golden = JSON.parse(readEcgText(dataDir, 'labels/parser_golden.json')) as GoldenHeader[];
  // Records whose every signal is plain format 16 (one sample per frame), so the decoder covers them.
  const cases = golden.filter((g) => g.signals.every((s) => s.fmt === '16' && s.spf === 1));

  it('finds format-16 records with and without the 24-byte MAT v4 offset', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(cases.some((g) => g.signals[0].byte_offset === 24)).toBe(true);
    expect(cases.some((g) => g.signals[0].byte_offset === 0)).toBe(true);
  });

  it.each(cases.map((g) => [g.header, g] as const))('%s: samples, extremes and checksums', (_name, g) => {
    const dir = g.header.slice(0, g.header.lastIndexOf('/') + 1);
    const header = parseHeader(readEcgText(dataDir, g.header), g.header);
    // Signals sharing a file are interleaved in it, in header order.
    const files = [...new Set(header.signals.map((s) => s.fileName))];
    const decoded = new Map<string, Int16Array[]>();
    for (const file of files) {
      const members = header.signals.filter((s) => s.fileName === file);
      decoded.set(
        file,
        decodeFormat16(readEcgBytes(dataDir, dir + file), members.length, members[0].byteOffset),
      );
    }
    header.signals.forEach((s, i) => {
      const gs = g.signals[i];
      const index = header.signals.filter((t) => t.fileName === s.fileName).indexOf(s);
      const all = decoded.get(s.fileName)![index];
      const samples = all.subarray(0, header.nSamples);
      expect(samples.length).toBe(gs.n);
      expect([...samples.subarray(0, gs.first_adc.length)]).toEqual(gs.first_adc);
      expect([...samples.subarray(samples.length - gs.last_adc.length)]).toEqual(gs.last_adc);
      let min = Infinity;
      let max = -Infinity;
      for (const v of samples) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      expect([min, max]).toEqual([gs.min_adc, gs.max_adc]);
      expect(wfdbChecksum(samples)).toBe(gs.checksum_computed);
      const mv = adcToMv(samples.subarray(0, gs.first_mV.length), s.gainAdcPerUnit, s.baselineAdc);
      gs.first_mV.forEach((v, k) => expect(mv[k]).toBeCloseTo(v, 5));
    });
  });
});
