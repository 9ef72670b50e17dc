// A tiny end-to-end experiment in Node with the real trainer (TensorFlow.js WASM): AF vs NSR on the
// CinC 2017 recordings (19 AF and 78 normal, one patient each) at 100 Hz, budgets of 4 and 8 windows per
// class, 2 epochs, a one-block CNN. It checks that both regimes produce metrics, that the same config
// gives the same results.csv byte for byte, and that Ctrl-C leaves no output. The numbers of so small a
// run say nothing about synthetic pre-training.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithEcgData } from './helpers/ecg-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/pqrst.js');
const work = mkdtempSync(path.join(tmpdir(), 'pqrst-experiment-'));

const TINY = {
  tasks: ['af-vs-nsr'],
  models: [{ arch: 'cnn', depth: 1, width: 8 }],
  regimes: ['scratch', 'pretrain'],
  budgets: [4, 8],
  seeds: [1],
  epochs: 2,
  pretrainEpochs: 2,
  batchSize: 16,
  synthetic: { countPerClass: 32, validationPerClass: 8 },
  fsHz: 100,
  windowS: 10,
  bootstrap: { resamples: 200 },
};

function csvRows(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i], c])));
}

describeWithEcgData('pqrst experiment: a tiny real run (AF vs NSR, CinC 2017)', (dataDir) => {
  const train = path.join(dataDir, 'cinc2017/validation');
  const patients = path.join(dataDir, 'labels/patients.csv');
  const config = path.join(work, 'tiny.json');
  writeFileSync(config, JSON.stringify(TINY));
  const args = (out: string, extra: string[] = []) => [
    BIN,
    'experiment',
    '--config',
    config,
    '--train',
    train,
    '--patients',
    patients,
    '--out',
    out,
    ...extra,
  ];

  it('produces both regimes’ metrics, the same numbers twice', () => {
    const outs = ['a', 'b'].map((name) => path.join(work, name));
    for (const out of outs) {
      const r = spawnSync(process.execPath, args(out), { encoding: 'utf8', cwd: ROOT });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/training on TensorFlow\.js (wasm|cpu)/);
    }
    const csv = readFileSync(path.join(outs[0], 'results.csv'), 'utf8');
    expect(readFileSync(path.join(outs[1], 'results.csv'), 'utf8')).toBe(csv);
    const rows = csvRows(path.join(outs[0], 'results.csv'));
    expect(rows.map((r) => `${r.regime} ${r.budget}`)).toEqual([
      'scratch 4',
      'pretrain 4',
      'scratch 8',
      'pretrain 8',
    ]);
    for (const r of rows) {
      for (const m of ['f1', 'auroc', 'auprc', 'accuracy']) {
        const v = Number(r[m]);
        expect(v, `${r.regime} ${r.budget} ${m}`).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(Number(r[`${m}_ci_lo`])).toBeLessThanOrEqual(v);
        expect(Number(r[`${m}_ci_hi`])).toBeGreaterThanOrEqual(v);
      }
      // budget 4 per class: 3 + 3 train, 1 + 1 validation (20 %, at least one); 8: 6 + 6 and 2 + 2
      expect(Number(r.n_train) + Number(r.n_val)).toBe(2 * Number(r.budget));
      expect(Number(r.epochs)).toBeGreaterThanOrEqual(1);
      expect(Number(r.epochs)).toBeLessThanOrEqual(2);
      expect(r.pretrain_epochs !== '').toBe(r.regime === 'pretrain');
      expect(r.recipe_sha256).toMatch(r.regime === 'pretrain' ? /^[0-9a-f]{64}$/ : /^$/);
      expect(r.train_sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // 97 patients, 19 of them (20 %) in the test set, holding both classes
    const json = JSON.parse(readFileSync(path.join(outs[0], 'results.json'), 'utf8'));
    expect(json.splits[0].testPatients).toHaveLength(19);
    expect(Number(rows[0].n_test_patients)).toBe(19);
    expect(json.splits[0].testPatientsPerClass[1]).toBeGreaterThanOrEqual(2);
    expect(json.summary.map((s: { regime: string }) => s.regime)).toEqual([
      'scratch',
      'pretrain',
      'scratch',
      'pretrain',
    ]);
    expect(json.gains).toHaveLength(2);
  });

  it('Ctrl-C exits 130 and leaves no output folder', async () => {
    // A run long enough (200 epochs, no early stopping) to be interrupted while it trains.
    const long = path.join(work, 'long.json');
    writeFileSync(long, JSON.stringify({ ...TINY, epochs: 200, pretrainEpochs: 200, patience: 0 }));
    const out = path.join(work, 'interrupted');
    const argv = args(out);
    argv[argv.indexOf(config)] = long;
    const child = spawn(process.execPath, argv, { cwd: ROOT });
    let stderr = '';
    let sent = false;
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!sent && stderr.includes('training on')) sent = child.kill('SIGINT');
      });
      child.on('close', (c) => resolve(c));
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted; nothing was written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('interrupted'))).toEqual([]);
  });
});
