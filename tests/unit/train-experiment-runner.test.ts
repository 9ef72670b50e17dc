// The experiment runner's bookkeeping: which windows each run trains, validates and tests on, how many
// runs there are, which model a fine-tuning starts from, that every model is freed, resuming and
// cancelling, and the summaries. The trainer here is a deterministic stand-in that learns nothing; it is
// NOT evidence that the experiment works (train-experiment-e2e.test.ts runs the real Node trainer).
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, type ClassName } from '../../src/core/units.ts';
import { parseExperimentConfig } from '../../src/train/experiment/config-parse.ts';
import type { RealDataset } from '../../src/train/experiment/real-dataset.ts';
import { RESULTS_CSV_COLUMNS, resultsCsv } from '../../src/train/experiment/results-files.ts';
import { runExperiment, type Provenance } from '../../src/train/experiment/runner.ts';
import { planRuns, runId, type RunResult } from '../../src/train/experiment/runs.ts';
import { meanSd, summarizeResults } from '../../src/train/experiment/summary.ts';
import type {
  EpochLog,
  ExampleSet,
  FitOptions,
  FitResult,
  ModelHandle,
  ModelSpec,
  Trainer,
  TrainSettings,
} from '../../src/train/types.ts';

interface FitCall {
  spec: ModelSpec;
  train: ExampleSet;
  validation: ExampleSet;
  settings: TrainSettings;
  initFrom?: ModelHandle;
  model: ModelHandle;
}

/**
 * A bookkeeping fake, for this file only: records every call, hands out models that count their
 * disposal, and predicts from the window's encoded class (see `dataset`), so metrics are computed on
 * something. It trains nothing.
 */
class BookkeepingFakeTrainer implements Trainer {
  readonly backend = 'cpu' as const;
  readonly fits: FitCall[] = [];
  readonly live = new Set<ModelHandle>();

  createModel(spec: ModelSpec): ModelHandle {
    const live = this.live;
    const model: ModelHandle = {
      spec,
      paramCount: spec.width * spec.depth,
      dispose: () => {
        if (!live.delete(model)) throw new Error('disposed twice');
      },
    };
    live.add(model);
    return model;
  }

  async fit(
    spec: ModelSpec,
    train: ExampleSet,
    validation: ExampleSet,
    settings: TrainSettings,
    options: FitOptions = {},
  ): Promise<FitResult> {
    await Promise.resolve();
    options.signal?.throwIfAborted();
    const model = this.createModel(spec);
    this.fits.push({ spec, train, validation, settings, initFrom: options.initFrom, model });
    const log: EpochLog = {
      epoch: 1,
      trainLoss: 1,
      valLoss: 1,
      valAccuracy: 0.5,
      samplesPerSec: 1,
      epochMs: 1,
    };
    options.onEpoch?.(log);
    return { model, history: [log], bestEpoch: 1 };
  }

  async predict(model: ModelHandle, examples: ExampleSet): Promise<Float32Array> {
    const K = model.spec.nClasses;
    const out = new Float32Array(examples.n * K);
    for (let i = 0; i < examples.n; i++) {
      const k = Math.round((examples.x[i * examples.inputLength] % 1) * 8); // the encoded class
      // the window's class most likely, except every 5th window, which goes to the next class
      const guess = i % 5 === 0 ? (k + 1) % K : k;
      for (let j = 0; j < K; j++) out[i * K + j] = j === guess ? 0.7 : 0.3 / (K - 1);
    }
    return out;
  }

  tensorCount(): number {
    return this.live.size;
  }
}

const L = 100; // fsHz 100 × windowS 1

/**
 * `perClass[c]` = [patients, windows each] of class c. Window w is filled with w + k/8, k the class's
 * index in CLASS_NAMES (= its label in af-vs-nsr and multiclass), so a set tells which windows it holds.
 */
function datasetOf(perClass: Partial<Record<ClassName, [number, number]>>): RealDataset {
  const windows: { record: string; patient: string; className: ClassName }[] = [];
  for (const [c, [patients, each]] of Object.entries(perClass) as [ClassName, [number, number]][]) {
    for (let p = 0; p < patients; p++) {
      for (let k = 0; k < each; k++)
        windows.push({ record: `${c}${p}`, patient: `${c.toUpperCase()}${p}`, className: c });
    }
  }
  const x = new Float32Array(windows.length * L);
  windows.forEach((w, i) => x.fill(i + CLASS_NAMES.indexOf(w.className) / 8, i * L, (i + 1) * L));
  return { fsHz: 100, windowSamples: L, x, windows };
}

/** 12 nsr patients × 3 windows and `afPatients` af patients × 2 windows. */
function dataset(afPatients = 6): RealDataset {
  return datasetOf({ nsr: [12, 3], af: [afPatients, 2] });
}

/** The dataset windows a set holds (decoded from the fill values). */
function windowIds(set: ExampleSet): number[] {
  return Array.from({ length: set.n }, (_, i) => Math.floor(set.x[i * set.inputLength]));
}

const CONFIG = parseExperimentConfig({
  models: [
    { arch: 'cnn', depth: 1, width: 4 },
    { arch: 'gru', depth: 1, width: 4 },
  ],
  budgets: [4, 2],
  seeds: [1, 2],
  windowS: 1,
  synthetic: { countPerClass: 4, validationPerClass: 2 },
  bootstrap: { resamples: 50 },
});
const PROVENANCE: Provenance = { recipeSha256: 'r'.repeat(64), trainSha256: 't'.repeat(64) };

describe('experiment runner bookkeeping (with a fake trainer)', () => {
  it('runs every task × arch × regime × budget × seed, reporting each as it finishes', async () => {
    const trainer = new BookkeepingFakeTrainer();
    const streamed: RunResult[] = [];
    const report = await runExperiment(CONFIG, { train: dataset() }, trainer, {
      provenance: PROVENANCE,
      onResult: (r) => streamed.push(r),
    });
    const plan = planRuns(CONFIG);
    expect(plan).toHaveLength(16); // 2 archs × 2 regimes × 2 budgets × 2 seeds
    expect(streamed.map(runId)).toEqual(plan.map(runId));
    expect(report.results).toEqual(streamed);
    // 4 pre-trainings (arch × seed) + 16 real-data runs
    expect(trainer.fits).toHaveLength(20);
    expect(trainer.live.size).toBe(0);
    for (const r of report.results) {
      expect(r.recipeSha256).toBe(r.regime === 'pretrain' ? PROVENANCE.recipeSha256 : null);
      expect(r.testSha256).toBe(PROVENANCE.trainSha256);
      expect(r.metrics.auroc).toBeGreaterThan(0.5);
      expect(r.ci?.f1.n).toBeGreaterThan(0);
    }
  });

  it('pre-trains once per arch and seed on synthetic data, and fine-tunes from that model', async () => {
    const trainer = new BookkeepingFakeTrainer();
    await runExperiment(CONFIG, { train: dataset() }, trainer, { provenance: PROVENANCE });
    const pretrainFits = trainer.fits.filter((f) => f.train.n === 8); // 4 synthetic records × 2 classes
    expect(pretrainFits).toHaveLength(4);
    for (const f of pretrainFits) {
      expect(f.validation.n).toBe(4);
      expect(f.settings.epochs).toBe(CONFIG.pretrainEpochs);
      expect(f.initFrom).toBeUndefined();
    }
    const realFits = trainer.fits.filter((f) => !pretrainFits.includes(f));
    const fineTunes = realFits.filter((f) => f.initFrom !== undefined);
    expect(fineTunes).toHaveLength(8);
    for (const f of fineTunes) {
      const from = pretrainFits.find((p) => p.model === f.initFrom);
      expect(from?.spec.arch).toBe(f.spec.arch);
      expect(from?.settings.seed).toBe(f.settings.seed);
    }
  });

  it('scratch and pretrain train on the same real windows, none from a test patient', async () => {
    const data = dataset();
    const trainer = new BookkeepingFakeTrainer();
    const report = await runExperiment(CONFIG, { train: data }, trainer, { provenance: PROVENANCE });
    const testPatients = new Set(report.splits[0].testPatients);
    expect(testPatients.size).toBe(4); // round(0.2 · 18)
    const realFits = trainer.fits.filter((f) => f.train.n !== 8);
    for (let i = 0; i < realFits.length; i += 2) {
      const [scratch, pretrain] = [realFits[i], realFits[i + 1]];
      expect(scratch.initFrom).toBeUndefined();
      expect(pretrain.initFrom).toBeDefined();
      expect(windowIds(pretrain.train)).toEqual(windowIds(scratch.train));
      expect(windowIds(pretrain.validation)).toEqual(windowIds(scratch.validation));
      const used = [...windowIds(scratch.train), ...windowIds(scratch.validation)];
      expect(used.filter((w) => testPatients.has(data.windows[w].patient))).toEqual([]);
      // labels follow the windows' classes; class weights balance the classes
      expect(Array.from(scratch.train.y)).toEqual(
        windowIds(scratch.train).map((w) => (data.windows[w].className === 'af' ? 1 : 0)),
      );
      expect(scratch.settings.classWeights).toBeDefined();
    }
    const r = report.results[0];
    expect(r.nTest).toBe(report.splits[0].testWindowsPerClass.reduce((a, b) => a + b, 0));
    expect(r.nTestPatients).toBe(4);
  });

  it('resumes: finished runs are not run again and the report is the same', async () => {
    const full = await runExperiment(CONFIG, { train: dataset() }, new BookkeepingFakeTrainer(), {
      provenance: PROVENANCE,
    });
    const trainer = new BookkeepingFakeTrainer();
    const done = full.results.slice(0, 6); // every run of cnn seed 1 (4) and two of seed 2
    const resumed = await runExperiment(CONFIG, { train: dataset() }, trainer, {
      provenance: PROVENANCE,
      done,
    });
    // cnn seed 1 is skipped entirely (its 4 runs and its pre-training), cnn seed 2 budget 2 (2 runs)
    expect(trainer.fits).toHaveLength(20 - 5 - 2);
    const strip = (rs: RunResult[]) => rs.map((r) => ({ ...r, trainMs: 0 }));
    expect(strip(resumed.results)).toEqual(strip(full.results));
  });

  it('stops when cancelled, after the runs already reported', async () => {
    const controller = new AbortController();
    const seen: RunResult[] = [];
    const trainer = new BookkeepingFakeTrainer();
    const run = runExperiment(CONFIG, { train: dataset() }, trainer, {
      provenance: PROVENANCE,
      signal: controller.signal,
      onResult: (r) => {
        seen.push(r);
        if (seen.length === 3) controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(seen).toHaveLength(3);
    expect(trainer.live.size).toBe(0);
  });

  it('refuses before any training when a class lacks test patients', async () => {
    const trainer = new BookkeepingFakeTrainer();
    const run = runExperiment(CONFIG, { train: dataset(2) }, trainer, { provenance: PROVENANCE });
    await expect(run).rejects.toThrow(/class af has windows from 2 patient\(s\) \(AF0, AF1\)/);
    expect(trainer.fits).toHaveLength(0);
  });

  it('multiclass: five classes, one-vs-rest macro metrics and a 5 × 5 confusion matrix', async () => {
    const data = datasetOf({ nsr: [6, 2], af: [4, 2], afl: [4, 2], pvc: [4, 2], wpw: [4, 2] });
    const trainer = new BookkeepingFakeTrainer();
    const config = {
      ...CONFIG,
      tasks: ['multiclass' as const],
      models: [CONFIG.models[0]],
      seeds: [1],
      budgets: [3],
    };
    const report = await runExperiment(config, { train: data }, trainer, { provenance: PROVENANCE });
    expect(report.results).toHaveLength(2);
    expect(trainer.fits[0].train.n).toBe(5 * 4); // synthetic pre-training: 4 records of each class
    expect(report.splits[0].testPatientsPerClass.every((n) => n >= 2)).toBe(true);
    for (const r of report.results) {
      expect(r.classes).toEqual(['nsr', 'af', 'afl', 'pvc', 'wpw']);
      expect(r.confusion).toHaveLength(5);
      const n = r.confusion.flat().reduce((a, b) => a + b, 0);
      expect(n).toBe(r.nTest);
      // the fake is right except on every 5th test window: accuracy = 1 − ceil(n / 5) / n
      expect(r.metrics.accuracy).toBeCloseTo(1 - Math.ceil(n / 5) / n, 12);
      expect(r.metrics.f1).toBeGreaterThan(0.5);
      expect(r.metrics.auroc).toBeGreaterThan(0.5);
    }
  });

  it('results.csv: one row per run with the documented columns', async () => {
    const report = await runExperiment(CONFIG, { train: dataset() }, new BookkeepingFakeTrainer(), {
      provenance: PROVENANCE,
    });
    const lines = resultsCsv(report.results).trimEnd().split('\n');
    const head = lines[0].split(',');
    expect(head.slice(0, 12)).toEqual([
      'task',
      'arch',
      'regime',
      'budget',
      'seed',
      'f1',
      'auroc',
      'auprc',
      'accuracy',
      'n_train',
      'n_test',
      'epochs',
    ]);
    expect(head).toEqual([...RESULTS_CSV_COLUMNS]);
    expect(lines).toHaveLength(17);
    const row = lines[1].split(',');
    expect(row.slice(0, 5)).toEqual(['af-vs-nsr', 'cnn', 'scratch', '2', '1']);
    expect(Number(row[head.indexOf('f1')])).toBe(report.results[0].metrics.f1);
  });
});

describe('summaries over seeds', () => {
  it('mean and sample sd', () => {
    // mean (0.5 + 0.7 + 0.9)/3 = 0.7; sd = sqrt((0.04 + 0 + 0.04)/2) = 0.2
    const { mean, sd } = meanSd([0.5, 0.7, 0.9, NaN]);
    expect(mean).toBeCloseTo(0.7, 12);
    expect(sd).toBeCloseTo(0.2, 12);
    expect(meanSd([0.4]).sd).toBeNaN();
  });

  it('relative gain of pretrain over scratch, per arch and averaged over archs', () => {
    const base = { task: 'af-vs-nsr', budget: 5 } as const;
    const r = (arch: 'cnn' | 'gru', regime: 'scratch' | 'pretrain', seed: number, f1: number) =>
      ({
        ...base,
        arch,
        regime,
        seed,
        metrics: { f1, auroc: 0.5, auprc: 0.5, accuracy: 0.5 },
      }) as unknown as RunResult;
    const { summary, gains } = summarizeResults([
      r('cnn', 'scratch', 1, 0.4),
      r('cnn', 'scratch', 2, 0.6),
      r('cnn', 'pretrain', 1, 0.6),
      r('cnn', 'pretrain', 2, 0.6),
      r('gru', 'scratch', 1, 0.5),
      r('gru', 'pretrain', 1, 0.4),
    ]);
    expect(summary.map((s) => [s.arch, s.regime, s.seeds, s.mean.f1])).toEqual([
      ['cnn', 'scratch', 2, expect.closeTo(0.5, 12)],
      ['cnn', 'pretrain', 2, expect.closeTo(0.6, 12)],
      ['gru', 'scratch', 1, 0.5],
      ['gru', 'pretrain', 1, 0.4],
    ]);
    // cnn: (0.6 − 0.5)/0.5 = +0.2; gru: (0.4 − 0.5)/0.5 = −0.2; mean over archs 0
    expect(gains.map((g) => [g.arch, g.gain.f1])).toEqual([
      ['cnn', expect.closeTo(0.2, 12)],
      ['gru', expect.closeTo(-0.2, 12)],
      ['mean', expect.closeTo(0, 12)],
    ]);
    expect(gains[0].gain.auroc).toBe(0);
  });
});
