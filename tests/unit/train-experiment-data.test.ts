// The experiment's data: import folders read back, real windows brought to the experiment's rate, the
// synthetic pre-training records equal to what `pqrst generate` writes, and dataset hashes that do not
// depend on whether the data came as WFDB records or as the `pqrst import` folder made from them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExperimentFolder } from '../../src/cli/experiment-load.ts';
import { parseLabelRule } from '../../src/dataset/label-rule.ts';
import { parsePatientMap } from '../../src/dataset/patient-map.ts';
import { decodeNpy } from '../../src/io/npy.ts';
import { conformDataset } from '../../src/train/experiment/conform.ts';
import { parseExperimentConfig } from '../../src/train/experiment/config-parse.ts';
import { canonicalJson, datasetDigestParts } from '../../src/train/experiment/digest.ts';
import { datasetFromNpy, parseLabelsCsv } from '../../src/train/experiment/labels-parse.ts';
import type { RealDataset } from '../../src/train/experiment/real-dataset.ts';
import { experimentSyntheticSource } from '../../src/train/experiment/runner.ts';
import { sourceFromRecipe } from '../../src/train/experiment/synthetic-source.ts';
import { SyntheticWindows, type ClassWindows } from '../../src/train/experiment/synthetic.ts';
import { parseRecipe } from '../../src/dataset/recipe-validate.ts';
import { describeWithEcgData } from './helpers/ecg-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/pqrst.js');
const work = mkdtempSync(path.join(tmpdir(), 'pqrst-experiment-data-'));

function pqrst(...args: string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
}

function npyOf(file: string) {
  const buf = readFileSync(file);
  return decodeNpy(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
}

function sha256(d: RealDataset): string {
  const h = createHash('sha256');
  for (const p of datasetDigestParts(d)) h.update(p);
  return h.digest('hex');
}

const HEADER = 'row,record,patient,class,seed,start_s,fs_hz,split';

describe('import folders', () => {
  it('labels.csv: an empty patient is the record; bad cells are named by line and column', () => {
    const rows = parseLabelsCsv(`${HEADER}\n0,r1,,af,,0,250,\n1,r2,p2,nsr,,0,250,\n`);
    expect(rows.map((r) => [r.row, r.record, r.patient, r.className, r.fsHz])).toEqual([
      [0, 'r1', 'r1', 'af', 250],
      [1, 'r2', 'p2', 'nsr', 250],
    ]);
    expect(() => parseLabelsCsv('row,record\n')).toThrow(/labels\.csv: line 1: expected the header/);
    expect(() => parseLabelsCsv(`${HEADER}\n0,r1,p,vt,,0,250,\n`)).toThrow(
      /labels\.csv, line 2, class: 'vt' is not one of/,
    );
    expect(() => parseLabelsCsv(`${HEADER}\n0,r1,p,af,,0,x,\n`)).toThrow(
      /line 2, fs_hz: not a sampling rate/,
    );
  });

  it('signals.npy and labels.csv must agree', () => {
    const npy = { dtype: '<f4', shape: [2, 3], data: new Float32Array(6) };
    const rows = parseLabelsCsv(`${HEADER}\n1,r1,,af,,0,100,\n0,r2,,nsr,,0,100,\n`);
    const d = datasetFromNpy(npy, rows, 'D');
    expect(d.windows.map((w) => w.record)).toEqual(['r2', 'r1']); // by the row column
    expect(() => datasetFromNpy({ ...npy, shape: [3, 2] }, rows, 'D')).toThrow(
      /D\/labels\.csv: 2 rows, but signals\.npy holds 3/,
    );
    const mixed = parseLabelsCsv(`${HEADER}\n0,r1,,af,,0,100,\n1,r2,,nsr,,0,200,\n`);
    expect(() => datasetFromNpy(npy, mixed, 'D')).toThrow(/row 1 is at 200 Hz/);
  });
});

describe('windows at the experiment rate', () => {
  it('resamples 10-s windows from 500 Hz to 100 Hz, keeping a 5 Hz tone', () => {
    const n = 3;
    const x = new Float32Array(n * 5000);
    for (let w = 0; w < n; w++)
      for (let i = 0; i < 5000; i++) x[w * 5000 + i] = (w + 1) * Math.sin((2 * Math.PI * 5 * i) / 500);
    const windows = Array.from({ length: n }, (_, w) => ({
      record: `r${w}`,
      patient: `p${w}`,
      className: 'nsr' as const,
    }));
    const out = conformDataset({ fsHz: 500, windowSamples: 5000, x, windows }, 100, 1000, '--train');
    expect(out.x.length).toBe(n * 1000);
    for (let w = 0; w < n; w++) {
      // away from the window edges, sample i at 100 Hz is the tone at t = i / 100 s
      let maxErr = 0;
      for (let i = 50; i < 950; i++)
        maxErr = Math.max(
          maxErr,
          Math.abs(out.x[w * 1000 + i] - (w + 1) * Math.sin((2 * Math.PI * 5 * i) / 100)),
        );
      expect(maxErr).toBeLessThan(0.01 * (w + 1));
    }
  });

  it('refuses windows of another length, saying how to fix it', () => {
    const d: RealDataset = {
      fsHz: 100,
      windowSamples: 500,
      x: new Float32Array(500),
      windows: [{ record: 'r', patient: 'p', className: 'af' }],
    };
    expect(() => conformDataset(d, 100, 1000, '--test')).toThrow(
      /--test: windows are 5 s .* import the data with --window 10, or set windowS to 5/,
    );
  });
});

describe('synthetic pre-training data', () => {
  it('record k of class c is record k of `pqrst generate`, from the config block or the recipe.json', () => {
    const out = path.join(work, 'gen-af');
    pqrst(
      'generate',
      '--class',
      'af',
      '--count',
      '3',
      '--seconds',
      '10',
      '--fs',
      '100',
      '--seed',
      '7',
      '--format',
      'npy',
      '--out',
      out,
      '--quiet',
    );
    const generated = Array.from(npyOf(path.join(out, 'signals.npy')).data);
    const both = (w: ClassWindows) => [...w.train, ...w.validation];
    const config = parseExperimentConfig({ synthetic: { countPerClass: 2, validationPerClass: 1, seed: 7 } });
    const fromSpec = new SyntheticWindows(experimentSyntheticSource(config), 100, 1000).windows('af');
    expect(fromSpec.train.length).toBe(2 * 1000);
    expect(both(fromSpec)).toEqual(generated);
    // The folder's recipe.json (no split): the last 20 % of the records (at least one) validate.
    const recipe = parseRecipe(readFileSync(path.join(out, 'recipe.json'), 'utf8'));
    const source = sourceFromRecipe(recipe, 'recipe.json');
    expect(both(new SyntheticWindows(source, 100, 1000).windows('af'))).toEqual(generated);
    expect(() => source.plan('nsr')).toThrow(
      /--recipe recipe\.json: class nsr needs ≥ 2 records for pre-training, the recipe has 0/,
    );
    // 10-s records cannot make 20-s windows
    expect(() => new SyntheticWindows(source, 100, 2000).windows('af')).toThrow(
      /shorter than the 20-s window/,
    );
  });

  it('canonical JSON sorts keys at every level and writes non-finite numbers as null', () => {
    expect(canonicalJson({ b: [1, { d: NaN, c: 'x' }], a: true, u: undefined })).toBe(
      '{"a":true,"b":[1,{"c":"x","d":null}]}',
    );
  });
});

describeWithEcgData('dataset hashes', (dataDir) => {
  it('a WFDB folder and its `pqrst import` folder give the same windows and the same SHA-256', async () => {
    const src = path.join(dataDir, 'cinc2017/validation');
    const patientsCsv = path.join(dataDir, 'labels/patients.csv');
    const imported = path.join(work, 'cinc-import');
    pqrst(
      'import',
      src,
      '--lead',
      'II',
      '--fs',
      '100',
      '--window',
      '10',
      '--patients',
      patientsCsv,
      '--out',
      imported,
      '--quiet',
    );
    const options = {
      fsHz: 100,
      windowS: 10,
      lead: 'II',
      rule: parseLabelRule('rhythm-majority:0.8,record'),
      patients: parsePatientMap(readFileSync(patientsCsv, 'utf8')),
    };
    const fromRecords = await loadExperimentFolder('--train', src, options);
    const fromImport = await loadExperimentFolder('--train', imported, options);
    expect(fromRecords.kind).toBe('records');
    expect(fromImport.kind).toBe('import-folder');
    expect(fromImport.dataset.windows).toEqual(fromRecords.dataset.windows);
    expect(sha256(fromImport.dataset)).toBe(sha256(fromRecords.dataset));
    // and a changed sample changes it
    const changed = { ...fromImport.dataset, x: fromImport.dataset.x.slice() };
    changed.x[12345] += 1e-3;
    expect(sha256(changed)).not.toBe(sha256(fromImport.dataset));
  });
});
