import { describe, expect, it } from 'vitest';
import { csvColumnRole } from '../../src/io/csv-table-columns.ts';
import { readCsvSignals, readCsvSignalsBytes } from '../../src/io/csv-table.ts';
import { IoError } from '../../src/io/io-error.ts';
import { describeWithEcgData, readEcgBytes } from './helpers/ecg-data.ts';

function ioErrorOf(fn: () => unknown): IoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IoError);
    return e as IoError;
  }
  throw new Error('expected an IoError');
}

describe('csvColumnRole', () => {
  it('recognises time, index and label columns, and signal units in the name', () => {
    expect(csvColumnRole('time_s')).toEqual({ kind: 'time', baseName: 'time', units: 's' });
    expect(csvColumnRole('Time (ms)')).toEqual({ kind: 'time', baseName: 'Time', units: 'ms' });
    expect(csvColumnRole('t').kind).toBe('time');
    expect(csvColumnRole('sample').kind).toBe('index');
    expect(csvColumnRole('label').kind).toBe('text');
    expect(csvColumnRole('ii_uv')).toEqual({ kind: 'signal', baseName: 'ii', units: 'uV' });
    expect(csvColumnRole('MLII_mV')).toEqual({ kind: 'signal', baseName: 'MLII', units: 'mV' });
    expect(csvColumnRole('V1 [µV]')).toEqual({ kind: 'signal', baseName: 'V1', units: 'uV' });
    expect(csvColumnRole('II (microvolts)').units).toBe('uV');
    expect(csvColumnRole('II')).toEqual({ kind: 'signal', baseName: 'II' });
  });
});

describe('readCsvSignals', () => {
  it('reads a time column, giving the sampling frequency, and mV values', () => {
    const r = readCsvSignals('time_s,ii_mv\n0,0.1\n0.002,0.2\n0.004,-0.3\n', { fileName: 'a.csv' });
    expect(r.fsHz).toBe(500);
    expect(r.names).toEqual(['ii_mv']);
    expect([...r.signalsMv[0]]).toEqual([0.1, 0.2, -0.3].map(Math.fround));
    expect([...r.timeS!]).toEqual([0, 0.002, 0.004]);
    expect(r.warnings).toEqual([]);
  });

  it('converts µV columns (from the header, or the units option) to mV', () => {
    const r = readCsvSignals('time_ms;ii_uv;v1_mV\n0;100;1\n4;-250;2\n', {});
    expect(r.fsHz).toBe(250);
    expect(r.unitsInFile).toEqual(['uV', 'mV']);
    expect([...r.signalsMv[0]]).toEqual([0.1, -0.25].map(Math.fround));
    const forced = readCsvSignals('ii\n100\n200\n', { fsHz: 100, units: 'uV' });
    expect([...forced.signalsMv[0]]).toEqual([0.1, 0.2].map(Math.fround));
  });

  it('reads a file without a header when fs is given, selecting a column by name or base name', () => {
    const r = readCsvSignals('1\t2\n3\t4\n', { fsHz: 360 });
    expect(r.names).toEqual(['column 1', 'column 2']);
    expect(r.signalsMv.map((s) => [...s])).toEqual([
      [1, 3],
      [2, 4],
    ]);
    const picked = readCsvSignals('sample,I_mV,II_mV,label\n0,1,2,N\n1,3,4,N\n', {
      fsHz: 500,
      columns: ['ii'],
    });
    expect(picked.names).toEqual(['II_mV']);
    expect([...picked.signalsMv[0]]).toEqual([2, 4]);
  });

  it('reads empty and NaN cells as NaN with a warning, and flags µV-looking values without units', () => {
    const r = readCsvSignals('ii\n1\n\nNaN\n', { fsHz: 100, header: true, fileName: 'x.csv' });
    expect([...r.signalsMv[0]]).toEqual([1, NaN]); // the blank line is skipped
    expect(r.warnings).toEqual(['x.csv: 1 empty or NaN cells read as NaN']);
    const w = readCsvSignals('ii,v1\n1,\nNaN,2\n', { fsHz: 100, fileName: 'x.csv' });
    expect([...w.signalsMv[0]]).toEqual([1, NaN]);
    expect(w.warnings).toEqual(['x.csv: 2 empty or NaN cells read as NaN']);
    expect(readCsvSignals('ii\n350\n-400\n', { fsHz: 100 }).warnings[0]).toMatch(/are they µV/);
  });

  it('prefers a given fs over the time column, warning when they disagree', () => {
    const r = readCsvSignals('t,ii\n0,1\n0.01,2\n', { fsHz: 250 });
    expect(r.fsHz).toBe(250);
    expect(r.warnings[0]).toMatch(/the time column gives 100 Hz, 250 Hz was given/);
  });

  it('gives errors naming the file and line', () => {
    const bad = ioErrorOf(() => readCsvSignals('time_s,ii_mv\n0,1\n0.1,abc\n', { fileName: 'a.csv' }));
    expect(bad.message).toBe('a.csv, line 3 column ii_mv: "abc" is not a number');
    expect(ioErrorOf(() => readCsvSignals('t,ii\n0,1\n0.1,2,3\n', { fileName: 'a.csv' })).message).toBe(
      'a.csv, line 3: expected 2 cells, found 3',
    );
    expect(ioErrorOf(() => readCsvSignals('ii\n1\n2\n', { fileName: 'a.csv' })).message).toBe(
      'a.csv, header: no time column and no sampling frequency given (fsHz)',
    );
    expect(ioErrorOf(() => readCsvSignals('t,ii\n0,1\n0,2\n', { fileName: 'a.csv' })).message).toBe(
      'a.csv, line 3: time 0 does not increase',
    );
    expect(ioErrorOf(() => readCsvSignals(' \n', { fileName: 'a.csv' })).message).toBe(
      'a.csv: the file is empty',
    );
    expect(ioErrorOf(() => readCsvSignals('t,ii\n', { fileName: 'a.csv' })).message).toBe(
      'a.csv: no data rows',
    );
    expect(ioErrorOf(() => readCsvSignals('t,ii\n0,1\n', { columns: ['V5'] })).message).toMatch(
      /no column "V5"/,
    );
    expect(
      ioErrorOf(() => readCsvSignalsBytes(new Uint8Array(11), { fileName: 'a.csv', maxInputBytes: 10 }))
        .field,
    ).toBe('size');
  });
});

describeWithEcgData('readCsvSignals on the derived MIT-BIH excerpts', (dataDir) => {
  it('reads 60 s of MLII at 360 Hz from each derived CSV', () => {
    for (const name of [
      'mitdb100_MLII_0s-60s',
      'mitdb201_MLII_60s-120s',
      'mitdb203_MLII_800s-860s',
      'mitdb230_MLII_0s-60s',
    ]) {
      const r = readCsvSignalsBytes(readEcgBytes(dataDir, `derived/${name}.csv`), {
        fileName: `${name}.csv`,
      });
      expect([r.fsHz, r.names[0], r.unitsInFile[0], r.signalsMv[0].length], name).toEqual([
        360,
        'MLII_mV',
        'mV',
        21600,
      ]);
      expect(r.warnings, name).toEqual([]);
    }
  });
});
