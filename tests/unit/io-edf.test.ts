import { describe, expect, it } from 'vitest';
import { readCsvSignals } from '../../src/io/csv-table.ts';
import { parseEdfAnnotations } from '../../src/io/edf-annotations.ts';
import { encodeEdf, type EdfInput } from '../../src/io/edf-encode.ts';
import { parseEdfHeader } from '../../src/io/edf-header.ts';
import { readEdf } from '../../src/io/edf.ts';
import { IoError } from '../../src/io/io-error.ts';
import { parseHeaderBytes } from '../../src/io/wfdb-header-bytes.ts';
import { readWfdbRecord } from '../../src/io/wfdb-record.ts';
import { describeWithEcgData, readEcgBytes, readEcgText } from './helpers/ecg-data.ts';

function ioErrorOf(fn: () => unknown): IoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IoError);
    return e as IoError;
  }
  throw new Error('expected an IoError');
}

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

const INPUT: EdfInput = {
  recordDurationS: 1,
  signals: [
    {
      label: 'ECG II',
      units: 'mV',
      physicalMin: -2,
      physicalMax: 2,
      digitalMin: -2000,
      digitalMax: 2000,
      samplesPerRecord: 4,
      digital: Int16Array.from([-2000, -1000, 0, 1000, 2000, 500, -500, 0]),
    },
    {
      label: 'Resp',
      units: 'uV',
      physicalMin: 0,
      physicalMax: 100,
      digitalMin: 0,
      digitalMax: 100,
      samplesPerRecord: 2,
      digital: Int16Array.from([1, 2, 3, 4]),
    },
  ],
  annotations: [
    { onsetS: 0.25, durationS: 1.5, text: '(AFIB' },
    { onsetS: 1.5, text: 'V' },
  ],
};

/** Overwrites the fixed-width header field at `offset` with `text` padded to `width`. */
function patch(file: Uint8Array, offset: number, width: number, text: string): Uint8Array {
  const out = file.slice();
  out.set(bytes(text.padEnd(width, ' ').slice(0, width)), offset);
  return out;
}

describe('EDF+ reading and writing', () => {
  const file = encodeEdf(INPUT);

  it('round-trips samples, scaling from the physical/digital extremes, rates and annotations', () => {
    const r = readEdf(file, { fileName: 'x.edf' });
    expect(r.header.variant).toBe('EDF+C');
    expect(r.header.nDataRecords).toBe(2);
    expect(r.signals.map((s) => [s.header.label, s.header.units, s.fsHz])).toEqual([
      ['ECG II', 'mV', 4],
      ['Resp', 'uV', 2],
    ]);
    expect([...r.signals[0].digital]).toEqual([...INPUT.signals[0].digital]);
    expect([...r.signals[0].physical]).toEqual([-2, -1, 0, 1, 2, 0.5, -0.5, 0]);
    expect([...r.signals[1].physical]).toEqual([1, 2, 3, 4]);
    expect(r.annotations).toEqual(INPUT.annotations);
    expect(r.recordStartsS).toEqual([0, 1]);
    expect(r.warnings).toEqual([]);
  });

  it('parses TALs: several texts per onset, durations, negative onsets, NUL padding', () => {
    const tal = bytes('+0\x14\x14\x00+1.5\x152\x14A\x14B\x14\x00-0.5\x14late\x14\x00\x00\x00');
    expect(parseEdfAnnotations(tal)).toEqual({
      recordStartS: 0,
      annotations: [
        { onsetS: 1.5, durationS: 2, text: 'A' },
        { onsetS: 1.5, durationS: 2, text: 'B' },
        { onsetS: -0.5, text: 'late' },
      ],
    });
    expect(() => parseEdfAnnotations(bytes('1\x14x\x14\x00'))).toThrow(/bad TAL onset "1"/);
    expect(() => parseEdfAnnotations(bytes('+1\x14x\x14'))).toThrow(/no closing NUL/);
    expect(() => parseEdfAnnotations(bytes('+1\x15-2\x14x\x14\x00'))).toThrow(/bad TAL duration/);
  });

  it('warns about malformed TALs and reads the rest', () => {
    const bad = file.slice();
    const at = Buffer.from(bad).indexOf('+0.25');
    bad[at] = 0x78; // 'x0.25': not an onset
    const r = readEdf(bad, { fileName: 'x.edf' });
    expect(r.signals).toHaveLength(2);
    expect(r.warnings).toEqual([
      'x.edf, data record 0 annotations: bad TAL onset "x0.25" at byte 5; that record\'s annotations were skipped',
    ]);
    expect(r.annotations).toEqual([INPUT.annotations![1]]);
  });

  it('reads a record count of -1 from the file size, warns about a partial last record or extra bytes', () => {
    const unknown = patch(file, 236, 8, '-1');
    expect(readEdf(unknown).header.nDataRecords).toBe(-1);
    expect(readEdf(unknown).signals[0].digital).toHaveLength(8);
    const partial = file.slice(0, file.length - 3);
    const r = readEdf(partial, { fileName: 'x.edf' });
    expect(r.signals[0].digital).toHaveLength(4);
    expect(r.warnings[0]).toMatch(/^x\.edf: truncated last data record/);
    const extra = Uint8Array.from([...file, 1, 2, 3]);
    expect(readEdf(extra, { fileName: 'x.edf' }).warnings[0]).toMatch(
      /size mismatch: 3 bytes after the last/,
    );
  });

  it('refuses truncated data and oversized files, naming the file', () => {
    const cut = file.slice(0, 1024 + 10);
    expect(ioErrorOf(() => readEdf(cut, { fileName: 'x.edf' })).message).toMatch(
      /^x\.edf, number of data records: truncated: the header announces 2 data records/,
    );
    expect(ioErrorOf(() => readEdf(file, { fileName: 'x.edf', maxInputBytes: 100 })).field).toBe('size');
  });

  it('gives clear errors for malformed headers', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /the file is empty/],
      [file.slice(0, 100), /too short for an EDF header/],
      [Uint8Array.from([0xff, ...file.slice(1)]), /BDF \(24-bit\) files are not supported/],
      [patch(file, 0, 8, 'X'), /version: "X" is not the EDF version/],
      [patch(file, 184, 8, '512'), /header bytes: 512 bytes disagree with 3 signals/],
      [patch(file, 252, 4, '0'), /0 signals: at least one is needed/],
      [patch(file, 252, 4, '99'), /header bytes: 1024 bytes disagree with 99 signals/],
      [patch(file, 244, 8, 'abc'), /data record duration: "abc" is not a number/],
      [patch(file, 256 + 3 * 112, 8, '-2'), /signal 0 physical maximum: physical maximum equals the minimum/],
      [
        patch(file, 256 + 3 * 128, 8, '-2000'),
        /signal 0 digital maximum: digital maximum -2000 is not above/,
      ],
      [patch(file, 256 + 3 * 128, 8, '40000'), /signal 0 digital maximum: 40000 is outside the 16-bit range/],
      [
        patch(file, 256 + 3 * 216, 8, '0'),
        /signal 0 samples per data record: 0 is not a positive sample count/,
      ],
      [patch(file, 8, 3, 'a\x00b'), /patient identification: binary junk \(byte 0x00 at offset 9\)/],
    ];
    for (const [input, message] of cases)
      expect(ioErrorOf(() => readEdf(input, { fileName: 'x.edf' })).message).toMatch(message);
    expect(parseEdfHeader(patch(file, 244, 8, '0')).recordDurationS).toBe(0);
    expect(() => readEdf(patch(file, 244, 8, '0'))).toThrow(/0 s with ordinary signals/);
  });
});

describeWithEcgData('EDF+ files of the data folder', (dataDir) => {
  const derived = JSON.parse(readEcgText(dataDir, 'derived/README.json')) as {
    file: string;
    record: string;
    source_dir: string;
    start_s: number;
    dur_s: number;
    rhythms: string[];
  }[];

  it.each(derived.map((d) => [d.file, d] as const))(
    '%s: the EDF+ agrees with the WFDB record, the CSV and the rhythms',
    (_name, d) => {
      const edf = readEdf(readEcgBytes(dataDir, `derived/${d.file}.edf`), { fileName: `${d.file}.edf` });
      expect(edf.warnings).toEqual([]);
      expect(edf.signals).toHaveLength(1);
      const ecg = edf.signals[0];
      expect([ecg.header.label, ecg.header.units, ecg.fsHz]).toEqual(['ECG MLII', 'mV', 360]);
      expect(ecg.physical).toHaveLength(d.dur_s * 360);
      const headerPath = `${d.source_dir}/${d.record}.hea`;
      const header = parseHeaderBytes(readEcgBytes(dataDir, headerPath), headerPath);
      const dat = readEcgBytes(dataDir, `${d.source_dir}/${header.signals[0].fileName}`);
      const wfdb = readWfdbRecord(header, new Map([[header.signals[0].fileName, dat]])).signalsMv[0];
      const csv = readCsvSignals(readEcgText(dataDir, `derived/${d.file}.csv`)).signalsMv[0];
      const start = d.start_s * 360;
      let worstWfdb = 0;
      let worstCsv = 0;
      for (let i = 0; i < ecg.physical.length; i++) {
        worstWfdb = Math.max(worstWfdb, Math.abs(ecg.physical[i] - wfdb[start + i]));
        worstCsv = Math.max(worstCsv, Math.abs(ecg.physical[i] - csv[i]));
      }
      expect(worstWfdb).toBeLessThan(1e-4);
      expect(worstCsv).toBeLessThan(1e-4);
      expect([...new Set(edf.annotations.map((a) => a.text))].sort()).toEqual([...d.rhythms].sort());
      const covered = edf.annotations.reduce((s, a) => s + (a.durationS ?? 0), 0);
      expect(covered + edf.annotations[0].onsetS).toBeCloseTo(d.dur_s, 2);
    },
  );

  it('reads the annotation-only EDF+ of wfdb-python and its 12-signal generator file', () => {
    const ann = readEdf(readEcgBytes(dataDir, 'format_samples/wfdb-python/test_edfann.edf'));
    expect(ann.signals).toEqual([]);
    expect(ann.annotations[0]).toEqual({ onsetS: 0, durationS: 30, text: 'Sleep stage W' });
    expect(ann.annotations[2]).toEqual({ onsetS: 33.43, durationS: 0, text: 'Lights off@@EEG F4-A1' });
    const gen = readEdf(readEcgBytes(dataDir, 'format_samples/wfdb-python/test_generator_2.edf'));
    expect(gen.signals.map((s) => s.header.label)).toContain('ECG');
    expect(gen.signals.every((s) => s.fsHz === 200 && s.physical.length === 120000)).toBe(true);
    expect(gen.signals.find((s) => s.header.label === 'sine 15 Hz')?.header.units).toBe('°');
    expect(gen.annotations.map((a) => a.text)).toEqual(['RECORD START', 'REC STOP']);
    expect(gen.recordStartsS.slice(0, 3)).toEqual([0, 1, 2]);
  });
});
