// `pqrst import` (runImport): a batch of files and folders becomes a dataset folder whose signals.npy
// shape and labels.csv rows are right; malformed files are listed as skipped with their reasons while the
// rest loads; bad arguments are usage errors.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordNames, type ImportInput } from '../../src/cli/import-files.ts';
import { runImport } from '../../src/cli/import.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { resample } from '../../src/core/resample.ts';
import type { ImportRecipe } from '../../src/dataset/import-recipe.ts';
import type { ImportSummary } from '../../src/dataset/import-summary.ts';
import { decodeNpy } from '../../src/io/npy.ts';
import { describeWithEcgData } from './helpers/ecg-data.ts';
import { readWfdbLead } from './helpers/real-records.ts';

const work = mkdtempSync(join(tmpdir(), 'pqrst-import-'));
let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

/** labels.csv as rows of cells (header dropped). */
function labelRows(dir: string): string[][] {
  const lines = readFileSync(join(dir, 'labels.csv'), 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('row,record,patient,class,seed,start_s,fs_hz,split');
  return lines.slice(1).map((l) => l.split(','));
}

function npyShape(dir: string): number[] {
  const buf = readFileSync(join(dir, 'signals.npy'));
  return decodeNpy(new Uint8Array(buf.buffer, buf.byteOffset, buf.length)).shape;
}

/** A 30-s CSV at 250 Hz with a rhythm column: (N for 15 s, then (AFIB. */
function writeLabelledCsv(path: string): void {
  let text = 'time_s,II_mV,rhythm\n';
  for (let i = 0; i < 30 * 250; i++) {
    text += `${(i / 250).toFixed(3)},${Math.sin(i / 20).toFixed(4)},${i < 15 * 250 ? '(N' : '(AFIB'}\n`;
  }
  writeFileSync(path, text);
}

describe('pqrst import (no real data needed)', () => {
  const batch = join(work, 'batch');
  mkdirSync(join(batch, 'sub'), { recursive: true });
  writeLabelledCsv(join(batch, 'sub', 'good.csv'));
  writeFileSync(join(batch, 'broken.csv'), 'time_s,II_mV\n0,0.1\n0.004,abc\n0.008,0.2\n');
  writeFileSync(join(batch, 'empty.edf'), '');
  writeFileSync(join(batch, 'junk.hea'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 0xff, 0xfe]));
  writeFileSync(join(batch, 'orphan.dat'), Buffer.alloc(100));

  it('imports the good file of a folder and lists each malformed one with its reason', async () => {
    const out = join(work, 'out-batch');
    expect(await runImport([batch, '--fs', '500', '--out', out, '--json'])).toBe(0);
    expect(npyShape(out)).toEqual([2, 5000]);
    expect(labelRows(out)).toEqual([
      ['0', 'good', 'good', 'nsr', '', '0', '500', ''],
      ['1', 'good', 'good', 'af', '', '20', '500', ''],
    ]);
    const summary = JSON.parse(stdout) as ImportSummary;
    const skipped = Object.fromEntries(
      summary.skippedRecords.map((r) => [r.file.split('/').pop(), r.reason]),
    );
    expect(Object.keys(skipped).sort()).toEqual(['broken.csv', 'empty.edf', 'junk.hea', 'orphan.dat']);
    expect(skipped['broken.csv']).toMatch(/line 3.*"abc" is not a number/);
    expect(skipped['empty.edf']).toMatch(/empty\.edf/);
    expect(skipped['junk.hea']).toMatch(/junk\.hea/);
    expect(skipped['orphan.dat']).toMatch(/no WFDB header/);
    expect(summary.skippedWindows).toEqual([
      { record: 'good', startS: 10, reason: 'no rhythm covers ≥ 80 %: nsr 50 %, af 50 %; no record label' },
    ]);
    for (const f of ['README.txt', 'recipe.json', 'summary.json'])
      expect(existsSync(join(out, f))).toBe(true);
    const recipe = JSON.parse(readFileSync(join(out, 'recipe.json'), 'utf8')) as ImportRecipe;
    expect(recipe).toMatchObject({ format: 'pqrst-import', fsHz: 500, windowS: 10, strideS: 10, lead: 'II' });
    expect(recipe.antiAlias.resamplers).toHaveLength(1);
    expect(recipe.antiAlias.resamplers[0]).toMatchObject({ fsInHz: 250, up: 2, down: 1 });
  });

  it('takes stride, label and band-pass settings, and refuses to overwrite without --force', async () => {
    const out = join(work, 'out-stride');
    const args = [
      join(batch, 'sub'),
      '--stride',
      '5',
      '--label',
      'afl',
      '--bandpass',
      '0.5-40',
      '--out',
      out,
    ];
    expect(await runImport(args)).toBe(0);
    expect(labelRows(out).map((r) => [r[3], r[5]])).toEqual([
      ['afl', '0'],
      ['afl', '5'],
      ['afl', '10'],
      ['afl', '15'],
      ['afl', '20'],
    ]);
    expect(stderr).toMatch(/afl\s+5\s+1\s+1/);
    const recipe = JSON.parse(readFileSync(join(out, 'recipe.json'), 'utf8')) as ImportRecipe;
    expect(recipe.labelRule).toBe('record');
    expect(recipe.bandpass).toMatchObject({ lowHz: 0.5, highHz: 40, zeroPhase: true });
    await expect(runImport(args)).rejects.toThrow(/already exists/);
    expect(await runImport([...args, '--force', '--quiet'])).toBe(0);
  });

  it('names records by file, adding the folder and then the extension only where names repeat', () => {
    const input = (p: string): ImportInput => ({
      kind: p.endsWith('.edf') ? 'edf' : 'wfdb',
      path: p,
      base: p.replace(/\.[a-z]+$/, ''),
    });
    const inputs = ['/d/a/100.hea', '/d/b/100.hea', '/d/c/x.edf', '/d/c/x.hea', '/d/c/201.hea'].map(input);
    expect(recordNames(inputs)).toEqual(['a/100', 'b/100', 'c/x.edf', 'c/x.hea', '201']);
  });

  it('reports bad arguments as usage errors naming the flag', async () => {
    const dir = join(batch, 'sub');
    const cases: [string[], RegExp][] = [
      [[dir], /--out: required/],
      [['--out', join(work, 'x')], /FILES: missing/],
      [[dir, '--out', join(work, 'x'), '--label-rule', 'majority'], /--label-rule: "majority": unknown step/],
      [[dir, '--out', join(work, 'x'), '--bandpass', '0.5-300'], /--bandpass: 300 Hz is not below/],
      [[dir, '--out', join(work, 'x'), '--fs', '44100'], /--fs: expected an integer/],
      [[dir, '--out', join(work, 'x'), '--label', 'vt'], /--label: expected one of/],
      [[dir, '--out', join(work, 'x'), '--patients', join(work, 'nope.csv')], /--patients: cannot read/],
      [[join(batch, 'broken.csv'), '--out', join(work, 'x')], /no window could be read/],
    ];
    for (const [args, message] of cases) {
      const run = runImport(args);
      await expect(run).rejects.toThrow(CliError);
      await expect(run).rejects.toThrow(message);
    }
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});

describeWithEcgData('pqrst import on real records', (dataDir) => {
  it('WFDB (212 and MAT), EDF+, CSV and a junk file: shapes, rows, patients and labels are right', async () => {
    const junkDir = join(work, 'junk');
    mkdirSync(junkDir, { recursive: true });
    writeFileSync(join(junkDir, 'bad.hea'), 'bad 1 360 1000\nbad.dat 212 200 11 0 0 0 0 MLII\n');
    copyFileSync(join(dataDir, 'labels/patients.csv'), join(junkDir, 'patients.csv'));
    const out = join(work, 'out-real');
    const files = [
      join(dataDir, 'mitdb/original/100'),
      join(dataDir, 'mitdb/reencoded/202.hea'),
      join(dataDir, 'derived/mitdb201_MLII_60s-120s.edf'),
      join(dataDir, 'derived/mitdb230_MLII_0s-60s.csv'),
      join(dataDir, 'cinc2017/validation/A00004.hea'),
      join(dataDir, 'cinc2020/Q0010.mat'),
      join(junkDir, 'bad.hea'),
    ];
    const args = [...files, '--patients', join(junkDir, 'patients.csv'), '--out', out, '--json'];
    expect(await runImport(args)).toBe(0);
    const summary = JSON.parse(stdout) as ImportSummary;
    const rows = labelRows(out);
    expect(npyShape(out)).toEqual([rows.length, 5000]);
    rows.forEach((r, i) => {
      expect(r[0]).toBe(String(i));
      expect([r[4], r[6], r[7]]).toEqual(['', '500', '']);
    });
    const of = (record: string) => rows.filter((r) => r[1] === record);
    expect(of('100')).toHaveLength(180);
    expect(of('100').every((r) => r[2] === 'mitdb-100' && r[3] === 'nsr')).toBe(true);
    expect(of('100').map((r) => Number(r[5]))).toEqual(Array.from({ length: 180 }, (_, k) => 10 * k));
    expect(of('202').every((r) => r[2] === 'mitdb-201')).toBe(true);
    expect(of('mitdb201_MLII_60s-120s').map((r) => r[3])).toEqual(Array(6).fill('af'));
    expect(of('A00004').map((r) => r[3])).toEqual(['af', 'af', 'af']); // 30 s, REFERENCE.csv: A
    expect(of('A00004')[0][2]).toBe('cinc2017-A00004');
    expect(of('Q0010').map((r) => [r[2], r[3]])).toEqual([['cinc2020-Q0010', 'pvc']]); // #Dx 427172004
    expect(of('mitdb230_MLII_0s-60s')).toHaveLength(0); // a CSV without a label column
    expect(summary.skippedWindows.filter((w) => w.record === 'mitdb230_MLII_0s-60s')).toHaveLength(6);
    expect(summary.skippedRecords).toHaveLength(1);
    expect(summary.skippedRecords[0].file).toMatch(/bad\.hea$/);
    expect(summary.skippedRecords[0].reason).toMatch(/bad\.dat/);
    expect(summary.perClass.af.patients).toBe(3); // mitdb-201 (202 and the 201 excerpt's own name), A00004
    // Row 0 is the first 10 s of record 100's MLII resampled to 500 Hz.
    const buf = readFileSync(join(out, 'signals.npy'));
    const npy = decodeNpy(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
    const lead = readWfdbLead(dataDir, 'mitdb/original/100', 0);
    expect(npy.data.subarray(0, 5000)).toEqual(resample(lead.signalMv, 360, 500).subarray(0, 5000));
    const recipe = JSON.parse(readFileSync(join(out, 'recipe.json'), 'utf8')) as ImportRecipe;
    expect(recipe.antiAlias.resamplers.map((r) => r.fsInHz)).toEqual([300, 360]);
    for (const r of recipe.antiAlias.resamplers) {
      expect(r.measuredPassbandRippleDb).toBeLessThanOrEqual(0.1);
      expect(r.measuredStopbandAttenuationDb).toBeGreaterThanOrEqual(60);
    }
    expect(recipe.records.find((r) => r.record === 'Q0010')).toMatchObject({ lead: 'II', fsInHz: 500 });
  });
});
