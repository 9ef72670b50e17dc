import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAnnotations, encodeAnnotations, type WfdbAnnotation } from '../../src/io/wfdb-annotation.ts';
import { parseHeaderBytes } from '../../src/io/wfdb-header-bytes.ts';
import { rhythmSegments } from '../../src/io/wfdb-rhythm.ts';
import { describeWithEcgData, ecgFileExists, readCsvRecords, readEcgBytes } from './helpers/ecg-data.ts';

const ann = (sample: number, symbol: string, aux = ''): WfdbAnnotation => ({
  sample,
  symbol,
  subtype: 0,
  chan: 0,
  num: 0,
  aux,
});

describe('rhythmSegments', () => {
  it('runs each rhythm change to the next one, the last to the end of the record', () => {
    const anns = [
      ann(5, 'N'),
      ann(10, '+', '(N'),
      ann(20, 'V'),
      ann(40, '+', '(AFIB\0'),
      ann(50, '+', 'not a rhythm'),
      ann(70, '+', '(N'),
    ];
    expect(rhythmSegments(anns, 100)).toEqual([
      { rhythm: '(N', startSample: 10, endSample: 40 },
      { rhythm: '(AFIB', startSample: 40, endSample: 70 },
      { rhythm: '(N', startSample: 70, endSample: 100 },
    ]);
    expect(rhythmSegments([], 100)).toEqual([]);
  });
});

/** The header and annotation files of a record named as in labels/rhythm_segments.csv, when present. */
function recordFiles(dataDir: string, record: string): { hea: string; atr: string } | null {
  const candidates = record.includes('/')
    ? [record]
    : [`mitdb/original/${record}`, `mitdb/reencoded/${record}`, `mitdb/wfdb2mat/${record}m`];
  for (const base of candidates) {
    if (ecgFileExists(dataDir, `${base}.atr`) && ecgFileExists(dataDir, `${base}.hea`)) {
      return { hea: `${base}.hea`, atr: `${base}.atr` };
    }
  }
  return null;
}

/** Every `.atr` file under the data folder, relative to it. */
function allAtrFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dataDir, rel), { withFileTypes: true })) {
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.atr')) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

describeWithEcgData('rhythm durations and .atr round trips on real annotation files', (dataDir) => {
  const rows = readCsvRecords(dataDir, 'labels/rhythm_segments.csv');
  const records = [...new Set(rows.map((r) => r.record))];
  const present = records.filter((r) => recordFiles(dataDir, r) !== null);

  it('finds the annotation files of the MIT-BIH and CPSC 2021 records listed', () => {
    expect(present.length).toBeGreaterThanOrEqual(17);
    expect(present).toEqual(
      expect.arrayContaining(['100', '200', '201', '203', '230', 'cpsc2021/data_101_6']),
    );
  });

  it.each(present.map((r) => [r] as const))(
    'record %s: rhythm episodes and durations as in rhythm_segments.csv',
    (record) => {
      const files = recordFiles(dataDir, record)!;
      const header = parseHeaderBytes(readEcgBytes(dataDir, files.hea), files.hea);
      const segments = rhythmSegments(
        decodeAnnotations(readEcgBytes(dataDir, files.atr), files.atr),
        header.nSamples,
      );
      const expected = rows.filter((r) => r.record === record);
      expect(segments.map((s) => [s.rhythm, s.startSample, s.endSample])).toEqual(
        expected.map((r) => [r.rhythm, Number(r.start_sample), Number(r.end_sample)]),
      );
      segments.forEach((s, i) => {
        const seconds = (s.endSample - s.startSample) / header.fsHz;
        expect(seconds).toBeCloseTo(Number(expected[i].end_s) - Number(expected[i].start_s), 2);
      });
    },
  );

  it('reads, writes and reads again every .atr file to the same annotations', () => {
    const files = allAtrFiles(dataDir);
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const anns = decodeAnnotations(readEcgBytes(dataDir, file), file);
      expect(anns.length, file).toBeGreaterThan(0);
      expect(decodeAnnotations(encodeAnnotations(anns)), file).toEqual(anns);
    }
  });
});
