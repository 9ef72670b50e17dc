import { expect, it } from 'vitest';
import { IoError } from '../../src/io/io-error.ts';
import { parseHeaderBytes } from '../../src/io/wfdb-header-bytes.ts';
import type { WfdbHeader } from '../../src/io/wfdb-header.ts';
import { readWfdbRecord, type ReadWfdbOptions, type WfdbRecord } from '../../src/io/wfdb-record.ts';
import { wfdbChecksum } from '../../src/io/wfdb-signal.ts';
import { describeWithEcgData, ecgFileExists, readEcgBytes, readEcgText } from './helpers/ecg-data.ts';

interface GoldenSignal {
  name: string;
  file: string;
  fmt: string;
  spf: number;
  byte_offset: number;
  gain: number;
  baseline: number;
  units: string;
  n: number;
  first_adc: number[];
  last_adc: number[];
  min_adc: number;
  max_adc: number;
  checksum_header: number;
  checksum_computed: number;
  first_mV: number[];
}

interface GoldenHeader {
  header: string;
  fs: number;
  n_samples: number;
  n_sig: number;
  signals: GoldenSignal[];
}

/** Reads the record of a header in the data folder, with every signal file its header names. */
function readRecord(dataDir: string, headerPath: string, options?: ReadWfdbOptions): WfdbRecord {
  const dir = headerPath.slice(0, headerPath.lastIndexOf('/') + 1);
  const header: WfdbHeader = parseHeaderBytes(readEcgBytes(dataDir, headerPath), headerPath);
  const files = new Map<string, Uint8Array>();
  for (const s of header.signals) {
    if (ecgFileExists(dataDir, dir + s.fileName))
      files.set(s.fileName, readEcgBytes(dataDir, dir + s.fileName));
  }
  return readWfdbRecord(header, files, { headerFileName: headerPath, ...options });
}

function extremes(xs: Int32Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of xs) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

describeWithEcgData('readWfdbRecord on every header of labels/parser_golden.json', (dataDir) => {
  const golden = JSON.parse(readEcgText(dataDir, 'labels/parser_golden.json')) as GoldenHeader[];

  it('covers all 253 headers and every format the golden file lists', () => {
    expect(golden).toHaveLength(253);
    const formats = new Set(golden.flatMap((g) => g.signals.map((s) => s.fmt)));
    expect([...formats].sort()).toEqual(['16', '160', '212', '24', '310', '311', '32', '61', '8', '80']);
  });

  it.each(golden.map((g) => [g.header, g] as const))('%s', (_name, g) => {
    const rec = readRecord(dataDir, g.header);
    const h = rec.header;
    expect([h.fsHz, h.nSamples, h.nSignals]).toEqual([g.fs, g.n_samples, g.n_sig]);
    // The golden values ignore skew (one record has it): those signals are compared as stored.
    const skewed = h.signals.some((s) => s.skew > 0);
    const unskewed = skewed ? readRecord(dataDir, g.header, { ignoreSkew: true }) : rec;
    g.signals.forEach((gs, i) => {
      const s = h.signals[i];
      const at = `${g.header} signal ${i}`;
      expect([s.description, s.fileName, String(s.format), s.samplesPerFrame, s.byteOffset], at).toEqual([
        gs.name,
        gs.file,
        gs.fmt,
        gs.spf,
        gs.byte_offset,
      ]);
      expect([s.gainAdcPerUnit, s.baselineAdc, s.units, s.checksum], at).toEqual([
        gs.gain,
        gs.baseline,
        gs.units,
        gs.checksum_header,
      ]);
      const samples = unskewed.signalsAdc[i];
      expect(samples.length, at).toBe(gs.n);
      expect([...samples.subarray(0, gs.first_adc.length)], at).toEqual(gs.first_adc);
      expect([...samples.subarray(samples.length - gs.last_adc.length)], at).toEqual(gs.last_adc);
      expect(extremes(samples), at).toEqual([gs.min_adc, gs.max_adc]);
      expect(wfdbChecksum(samples), at).toBe(gs.checksum_computed);
      gs.first_mV.forEach((v, k) => {
        expect(Math.abs(unskewed.signalsMv[i][k] - v), `${at} first_mV[${k}]`).toBeLessThanOrEqual(
          1e-5 + 1e-6 * Math.abs(v),
        );
      });
      if (s.skew > 0) {
        // Applied, the skew shifts the samples: sample k is stored sample k + skew.
        expect([...rec.signalsAdc[i].subarray(0, 3)], at).toEqual([...samples.subarray(s.skew, s.skew + 3)]);
      }
    });
    // Header checksums agree with the data modulo 2^16 except where the golden file says otherwise.
    const mismatches = g.signals.filter((gs) => ((gs.checksum_header - gs.checksum_computed) & 0xffff) !== 0);
    expect(unskewed.warnings.filter((w) => w.includes('checksum mismatch'))).toHaveLength(mismatches.length);
  });

  it('refuses the FLAC-compressed record (formats 508/516/524) with a clear message', () => {
    const h = 'format_samples/wfdb-python/flacformats.hea';
    expect(ecgFileExists(dataDir, h)).toBe(true);
    let error: unknown;
    try {
      readRecord(dataDir, h);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IoError);
    expect((error as IoError).message).toMatch(
      /^format_samples\/wfdb-python\/flacformats\.hea, signal 0 format: format 508 is FLAC-compressed/,
    );
  });

  it('names the missing signal file of a header whose .dat is absent (1003)', () => {
    expect(() => readRecord(dataDir, 'format_samples/wfdb-python/1003.hea')).toThrow(/^1003\.dat: missing/);
  });

  it('warns about the CinC 2017 checksums of 0 and reads the data all the same', () => {
    const rec = readRecord(dataDir, 'cinc2017/validation/A00002.hea');
    expect(rec.warnings).toEqual([
      'cinc2017/validation/A00002.hea, signal 0 (ECG): checksum mismatch: the header says 0, the samples sum to -5443 (mod 2^16)',
    ]);
    expect(rec.signalsAdc[0]).toHaveLength(9000);
  });
});
