import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/cli-error.ts';
import { runInspect } from '../../src/cli/inspect.ts';
import type { InspectReport } from '../../src/cli/inspect-report.ts';
import { describeWithEcgData, readCsvRecords } from './helpers/ecg-data.ts';

/** Runs `pqrst inspect` with argv, returning the exit code and what it printed. */
async function inspect(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await runInspect(argv);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

async function report(argv: string[]): Promise<InspectReport> {
  const { code, out } = await inspect([...argv, '--json']);
  expect(code).toBe(0);
  return JSON.parse(out) as InspectReport;
}

async function cliError(argv: string[]): Promise<CliError> {
  try {
    await inspect(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error('expected a CliError');
}

describe('runInspect: arguments', () => {
  it('needs exactly one FILE and known flags', async () => {
    expect((await cliError([])).message).toMatch(/^FILE: missing/);
    expect((await cliError(['a.hea', 'b.hea'])).message).toMatch(/^b\.hea: unexpected argument/);
    expect((await cliError(['a.hea', '--frobnicate'])).message).toBe('--frobnicate: unknown flag');
    expect((await cliError(['a.edf', '--fs', 'abc'])).flag).toBe('--fs');
    expect((await cliError(['nowhere/rec'])).message).toMatch(
      /no such record: nowhere\/rec\.hea does not exist/,
    );
    expect((await cliError(['x.txt'])).message).toMatch(/unknown file type/);
    expect((await cliError(['nowhere/a.edf'])).message).toMatch(/^nowhere\/a\.edf: cannot read: ENOENT/);
  });
});

describeWithEcgData('runInspect on real files', (dataDir) => {
  const data = (p: string): string => path.join(dataDir, p);
  const tmp = mkdtempSync(path.join(tmpdir(), 'pqrst-inspect-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('MIT-BIH 100 (record path without extension): signals, beat counts and rhythm seconds from the .atr', async () => {
    const r = await report([data('mitdb/original/100')]);
    expect([r.fs, r.nSamples]).toEqual([360, 650000]);
    expect(r.signals).toEqual([
      {
        name: 'MLII',
        units: 'mV',
        gain: 200,
        baseline: 1024,
        fmt: '212',
        firstMv: [-0.145, -0.145, -0.145, -0.145, -0.145],
      },
      {
        name: 'V5',
        units: 'mV',
        gain: 200,
        baseline: 1024,
        fmt: '212',
        firstMv: [-0.065, -0.065, -0.065, -0.065, -0.065],
      },
    ]);
    const counts = readCsvRecords(dataDir, 'labels/mitdb_beat_counts.csv').find(
      (row) => row.record === '100',
    )!;
    for (const [symbol, n] of Object.entries(counts)) {
      if (symbol !== 'record' && Number(n) > 0) expect(r.annotations.beats[symbol], symbol).toBe(Number(n));
    }
    expect(r.annotations.rhythms).toEqual({ '(N': Math.round(((650000 - 18) / 360) * 1000) / 1000 });
    expect(r.warnings).toEqual([]);
  });

  it('MIT-BIH 201 (.hea): rhythm keys keep their "(" and the seconds add up to the annotated span', async () => {
    const r = await report([data('mitdb/reencoded/201.hea')]);
    expect(Object.keys(r.annotations.rhythms)).toEqual(expect.arrayContaining(['(AFIB', '(N']));
    const total = Object.values(r.annotations.rhythms).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo((650000 - 60) / 360, 2);
  });

  it('a CinC 2017 .mat with its header beside it: format 16+24, the checksum-0 warning', async () => {
    const r = await report([data('cinc2017/validation/A00002.mat')]);
    expect([r.fs, r.nSamples]).toEqual([300, 9000]);
    expect(r.signals).toEqual([
      {
        name: 'ECG',
        units: 'mV',
        gain: 1000,
        baseline: 0,
        fmt: '16+24',
        firstMv: [0.128, 0.157, 0.189, 0.226, 0.25],
      },
    ]);
    expect(r.annotations).toEqual({ beats: {}, rhythms: {} });
    expect(r.warnings).toEqual([
      expect.stringMatching(/^A00002\.hea, signal 0 \(ECG\): checksum mismatch: the header says 0/),
    ]);
  });

  it('a derived EDF+ file: EDF scaling and the rhythms of its annotation signal', async () => {
    const r = await report([data('derived/mitdb230_MLII_0s-60s.edf')]);
    expect([r.fs, r.nSamples, r.signals[0].name, r.signals[0].fmt, r.signals[0].units]).toEqual([
      360,
      21600,
      'ECG MLII',
      'EDF+C',
      'mV',
    ]);
    expect(r.signals[0].firstMv[0]).toBeCloseTo(-0.3806, 4);
    expect(r.annotations.rhythms).toEqual({ '(N': 37.977, '(PREX': 21.939 });
  });

  it('a derived CSV: fs from its time column, values in mV', async () => {
    const r = await report([data('derived/mitdb100_MLII_0s-60s.csv')]);
    expect([r.fs, r.nSamples]).toEqual([360, 21600]);
    expect(r.signals).toEqual([
      {
        name: 'MLII_mV',
        units: 'mV',
        gain: 1,
        baseline: 0,
        fmt: 'csv',
        firstMv: [-0.145, -0.145, -0.145, -0.145, -0.145],
      },
    ]);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await inspect([data('mitdb/original/100.hea')]);
    expect(code).toBe(0);
    expect(out).toMatch(/2 signals, 650000 samples at 360 Hz/);
    expect(out).toMatch(/beats: N 2239/);
  });

  it('refuses FLAC records, MAT v5 files, oversized and truncated files with the file and reason', async () => {
    expect((await cliError([data('format_samples/wfdb-python/flacformats.hea')])).message).toMatch(
      /^flacformats\.hea: signal 0 format: format 508 is FLAC-compressed/,
    );
    expect((await cliError([data('format_samples/cpsc2018_A1980.mat')])).message).toMatch(
      /MAT v5 file without a WFDB header/,
    );
    expect((await cliError([data('mitdb/original/100'), '--max-bytes', '1000'])).message).toMatch(
      /100\.dat: the file is 1950000 bytes, over the 1000-byte limit$/,
    );
    copyFileSync(data('mitdb/original/100.hea'), path.join(tmp, '100.hea'));
    writeFileSync(path.join(tmp, '100.dat'), readFileSync(data('mitdb/original/100.dat')).subarray(0, 30000));
    expect((await cliError([path.join(tmp, '100')])).message).toMatch(
      /^100\.dat: truncated: the header announces 650000 frames/,
    );
    writeFileSync(path.join(tmp, 'junk.hea'), Buffer.from([0x00, 0x01, 0x02]));
    expect((await cliError([path.join(tmp, 'junk.hea')])).message).toMatch(/^junk\.hea: line 1: binary junk/);
    writeFileSync(path.join(tmp, 'empty.edf'), '');
    expect((await cliError([path.join(tmp, 'empty.edf')])).message).toBe('empty.edf: the file is empty');
  });
});
