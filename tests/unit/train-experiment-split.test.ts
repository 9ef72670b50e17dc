// Splits of the experiment: the test set goes by patient (never by window) and holds every class from
// ≥ 2 patients or the experiment refuses; budgets are drawn from the training pool only, spread over
// patients, nested across budget sizes, with the validation split taken from inside the budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperimentFolder } from '../../src/cli/experiment-load.ts';
import type { ClassName } from '../../src/core/units.ts';
import { parseLabelRule } from '../../src/dataset/label-rule.ts';
import { parsePatientMap } from '../../src/dataset/patient-map.ts';
import { drawBudget } from '../../src/train/experiment/budget.ts';
import { parseExperimentConfig } from '../../src/train/experiment/config-parse.ts';
import { prepareTasks } from '../../src/train/experiment/prepare.ts';
import type { RealDataset } from '../../src/train/experiment/real-dataset.ts';
import {
  checkDisjointPatients,
  checkTestSet,
  splitTestByPatient,
} from '../../src/train/experiment/split-test.ts';
import { type TaskWindows } from '../../src/train/experiment/tasks.ts';
import { describeWithEcgData } from './helpers/ecg-data.ts';

/** Task windows of `spec`: per patient, [windows of class 0, windows of class 1, ...]. */
function windowsOf(spec: Record<string, number[]>): TaskWindows {
  const tw: TaskWindows = { indices: [], labels: [], patients: [] };
  for (const [patient, counts] of Object.entries(spec)) {
    counts.forEach((n, k) => {
      for (let i = 0; i < n; i++) {
        tw.indices.push(tw.indices.length);
        tw.labels.push(k);
        tw.patients.push(patient);
      }
    });
  }
  return tw;
}

/** 30 patients: 20 with nsr only, 7 with af only, 3 with both (like MIT-BIH 201), 1-9 windows each. */
function cohort(): TaskWindows {
  const spec: Record<string, number[]> = {};
  for (let p = 0; p < 30; p++) {
    const n = 1 + ((p * 7) % 9);
    spec[`p${String(p).padStart(2, '0')}`] = p < 20 ? [n, 0] : p < 27 ? [0, n] : [n, 2];
  }
  return windowsOf(spec);
}

const BINARY: ClassName[] = ['nsr', 'af'];

describe('test split by patient', () => {
  it('never puts one patient on both sides, and holds both classes from ≥ 2 patients', () => {
    const all = cohort();
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = splitTestByPatient(all, BINARY, { fraction: 0.2, seed, task: 'af-vs-nsr' });
      const testPatients = new Set(s.test.patients);
      expect(s.pool.patients.filter((p) => testPatients.has(p))).toEqual([]);
      expect([...testPatients].sort()).toEqual(s.testPatients);
      expect(s.pool.indices.length + s.test.indices.length).toBe(all.indices.length);
      for (let k = 0; k < 2; k++) {
        expect(new Set(s.test.patients.filter((_, j) => s.test.labels[j] === k)).size).toBeGreaterThanOrEqual(
          2,
        );
        expect(new Set(s.pool.patients.filter((_, j) => s.pool.labels[j] === k)).size).toBeGreaterThanOrEqual(
          1,
        );
      }
      // round(0.2 · 30) = 6 patients (more only when the class minimum needs it)
      expect(s.testPatients.length).toBe(6);
    }
  });

  it('is fixed by its seed', () => {
    const all = cohort();
    const a = splitTestByPatient(all, BINARY, { fraction: 0.2, seed: 9, task: 'af-vs-nsr' });
    expect(splitTestByPatient(all, BINARY, { fraction: 0.2, seed: 9, task: 'af-vs-nsr' })).toEqual(a);
    const others = [10, 11, 12].map(
      (seed) => splitTestByPatient(all, BINARY, { fraction: 0.2, seed, task: 'af-vs-nsr' }).testPatients,
    );
    expect(others.some((t) => t.join() !== a.testPatients.join())).toBe(true);
  });

  it('refuses, naming the class, when a class has too few patients', () => {
    const two = windowsOf({ a: [5, 0], b: [5, 0], c: [5, 0], d: [0, 40], e: [0, 3] });
    expect(() => splitTestByPatient(two, BINARY, { fraction: 0.2, seed: 1, task: 'af-vs-nsr' })).toThrow(
      /test split \(af-vs-nsr\): class af has windows from 2 patient\(s\) \(d, e\)/,
    );
  });

  it('a given test set must hold ≥ 2 patients per class and share no patient with training', () => {
    const test = windowsOf({ t1: [3, 0], t2: [2, 0], t3: [0, 4] });
    expect(() => checkTestSet(test, BINARY, 'af-vs-nsr')).toThrow(
      /class af has windows from 1 patient\(s\) \(t3\)/,
    );
    const pool = windowsOf({ a: [3, 0], t2: [1, 1] });
    expect(() => checkDisjointPatients(pool, test, 'af-vs-nsr')).toThrow(
      /patient\(s\) t2 have windows in both/,
    );
  });
});

describe('budgets', () => {
  const pool = windowsOf(
    Object.fromEntries(Array.from({ length: 12 }, (_, p) => [`q${p}`, [6, p % 3 === 0 ? 5 : 0]])),
  );
  const draw = (budget: number, seed = 1, mode: 'per-class' | 'positives-only' = 'per-class') =>
    drawBudget(pool, 2, { budget, mode, validationFraction: 0.2, seed, stream: 'af-vs-nsr' });
  const patientOf = (i: number) => pool.patients[i];

  it('draws the budget per class, one window per patient before any patient gives a second', () => {
    const d = draw(10);
    expect(d.drawnPerClass).toEqual([10, 10]);
    expect(d.capped).toBe(false);
    const nsr = [...d.train, ...d.validation].filter((i) => pool.labels[i] === 0);
    expect(new Set(nsr.map(patientOf)).size).toBe(10); // 12 nsr patients ≥ 10: all different
    const af = [...d.train, ...d.validation].filter((i) => pool.labels[i] === 1);
    // 4 af patients with 5 windows each: 10 windows = 2 or 3 from each patient
    const perPatient = [...new Set(af.map(patientOf))].map(
      (p) => af.filter((i) => patientOf(i) === p).length,
    );
    expect(perPatient.sort()).toEqual([2, 2, 3, 3]);
  });

  it('takes validation from inside the budget, by patient, disjoint from training', () => {
    const d = draw(10);
    expect(d.train.length + d.validation.length).toBe(20);
    expect(d.train.filter((i) => d.validation.includes(i))).toEqual([]);
    expect(d.validationByPatient).toBe(true);
    for (let k = 0; k < 2; k++) {
      const trainPatients = new Set(d.train.filter((i) => pool.labels[i] === k).map(patientOf));
      const valPatients = d.validation.filter((i) => pool.labels[i] === k).map(patientOf);
      expect(valPatients.length).toBeGreaterThanOrEqual(2); // round(0.2 · 10)
      expect(valPatients.filter((p) => trainPatients.has(p))).toEqual([]);
    }
    expect(d.trainLabels).toEqual(d.train.map((i) => pool.labels[i]));
    expect(d.validationLabels).toEqual(d.validation.map((i) => pool.labels[i]));
  });

  it('nests: for a seed, a smaller budget is part of a larger one; seeds differ', () => {
    const drawn = (budget: number, seed = 1) => {
      const d = draw(budget, seed);
      return new Set([...d.train, ...d.validation]);
    };
    const small = drawn(5);
    const large = drawn(15);
    expect([...small].every((i) => large.has(i))).toBe(true);
    expect(draw(15)).toEqual(draw(15));
    expect([...drawn(5, 2)].sort().join()).not.toBe([...small].sort().join());
  });

  it('caps at the pool, keeps every nsr window in positives-only mode, and reuses a single window', () => {
    const big = draw(50);
    expect(big.drawnPerClass).toEqual([50, 20]);
    expect(big.capped).toBe(true);
    expect(draw(3, 1, 'positives-only').drawnPerClass).toEqual([72, 3]);
    const one = draw(1);
    expect(one.validationFromTrain).toBe(true);
    expect(one.train).toEqual(one.validation);
  });
});

describeWithEcgData('splits on real data never leak patients', (dataDir) => {
  const patients = parsePatientMap(readFileSync(path.join(dataDir, 'labels/patients.csv'), 'utf8'));
  const load = async (rel: string): Promise<RealDataset> =>
    (
      await loadExperimentFolder('--train', path.join(dataDir, rel), {
        fsHz: 100,
        windowS: 10,
        lead: 'II',
        rule: parseLabelRule('rhythm-majority:0.8,record'),
        patients,
      })
    ).dataset;

  it('MIT-BIH 201 and 202 (one person) and CPSC 2021 excerpts of one patient stay on one side', async () => {
    const [mitdb, cpsc] = await Promise.all([load('mitdb'), load('cpsc2021')]);
    const data: RealDataset = {
      fsHz: 100,
      windowSamples: 1000,
      x: new Float32Array([...mitdb.x, ...cpsc.x]),
      windows: [...mitdb.windows, ...cpsc.windows],
    };
    const patientOfRecord = new Map(data.windows.map((w) => [w.record, w.patient]));
    expect(patientOfRecord.get('201')).toBe('mitdb-201');
    expect(patientOfRecord.get('202')).toBe('mitdb-201');
    const recordsOf = (tw: TaskWindows) => new Set(tw.indices.map((i) => data.windows[i].record));
    for (const seed of [1, 2, 3, 4]) {
      const config = parseExperimentConfig({ tasks: ['af-vs-nsr'], test: { seed } });
      const [t] = prepareTasks(config, { train: data });
      const poolPatients = new Set(t.pool.patients);
      expect(t.test.patients.filter((p) => poolPatients.has(p))).toEqual([]);
      const poolRecords = recordsOf(t.pool);
      const testRecords = recordsOf(t.test);
      expect(poolRecords.has('201') && testRecords.has('202')).toBe(false);
      expect(poolRecords.has('202') && testRecords.has('201')).toBe(false);
      expect(t.info.testPatientsPerClass.every((n) => n >= 2)).toBe(true);
    }
  });

  it('CinC 2017: budgets come from the training pool only, and AF with 2 patients is refused', async () => {
    const cinc = await load('cinc2017/validation');
    const config = parseExperimentConfig({ tasks: ['af-vs-nsr'] });
    const [t] = prepareTasks(config, { train: cinc });
    const testPatients = new Set(t.test.patients);
    for (const seed of [1, 2]) {
      const d = drawBudget(t.pool, 2, {
        budget: 10,
        mode: 'per-class',
        validationFraction: 0.2,
        seed,
        stream: 'x',
      });
      const used = [...d.train, ...d.validation].map((i) => cinc.windows[i].patient);
      expect(used.filter((p) => testPatients.has(p))).toEqual([]);
    }
    // 19 AF and 78 normal recordings, one patient each: round(0.2 · 97) = 19 test patients.
    expect(t.info.testPatients.length).toBe(19);
    expect(t.info.testPatientsPerClass[1]).toBeGreaterThanOrEqual(2);
    const mitdb = await load('mitdb');
    expect(() => prepareTasks(config, { train: mitdb })).toThrow(
      /class af has windows from 2 patient\(s\) \(mitdb-201, mitdb-203\)/,
    );
  });
});
