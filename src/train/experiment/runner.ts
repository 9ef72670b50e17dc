/**
 * Runs an experiment: every task × model × regime × budget × seed of the config, on one `Trainer`.
 * Test sets are fixed first (prepare.ts); then for each task, model and seed the synthetic pre-training
 * runs once (pretrain regime) and every budget is drawn once and trained from scratch and fine-tuned
 * from the pre-trained weights on exactly the same windows. Each result is reported through `onResult`
 * as soon as it exists, so a UI can show partial results, and `done` lets an interrupted experiment
 * resume without redoing finished runs.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { patientBootstrap } from '../metrics-bootstrap.ts';
import { evaluatePredictions, METRIC_NAMES, type MetricName } from '../metrics.ts';
import type { EpochLog, FitOptions, ModelHandle, ModelSpec, Trainer, TrainSettings } from '../types.ts';
import { drawBudget } from './budget.ts';
import { windowSamples, type ExperimentConfig, type Regime } from './config.ts';
import { conformDataset } from './conform.ts';
import { balancedClassWeights, gatherExamples } from './examples.ts';
import { prepareTasks, type ExperimentData, type PreparedTask, type SplitInfo } from './prepare.ts';
import { planRuns, runId, type RunKey, type RunResult } from './runs.ts';
import { summarizeResults, type GainRow, type SummaryRow } from './summary.ts';
import { configClasses } from './config-parse.ts';
import { sourceFromSpec, type SyntheticSource } from './synthetic-source.ts';
import { SyntheticWindows } from './synthetic.ts';
import type { TaskName } from './tasks.ts';

/** Hashes of the data the results come from (computed by the caller: node:crypto or crypto.subtle). */
export interface Provenance {
  /** SHA-256 (hex) of the synthetic recipe's canonical JSON (see digest.ts). */
  recipeSha256: string;
  /** SHA-256 (hex) of the real training dataset's canonical bytes. */
  trainSha256: string;
  /** SHA-256 of the separate test dataset; omitted when the test split is drawn from the training data. */
  testSha256?: string;
}

/** What the runner is doing, for progress displays. */
export interface ExperimentProgress {
  phase: 'synthesize' | 'pretrain' | 'train';
  task: TaskName;
  arch: string;
  seed: number;
  /** Set in the train phase. */
  regime?: Regime;
  budget?: number;
  /** Runs finished (including resumed ones) and planned. */
  runsDone: number;
  runsTotal: number;
  /** Fraction of the current phase done, 0-1. */
  fraction: number;
  /** Set when an epoch has just finished. */
  epoch?: EpochLog;
}

/** Options of `runExperiment`. */
export interface RunExperimentOptions {
  provenance: Provenance;
  signal?: AbortSignalLike;
  /** Pauses every fit of the experiment between batches while closed (see `PauseGate`). */
  pauseGate?: FitOptions['pauseGate'];
  onProgress?: (p: ExperimentProgress) => void;
  /** Called with each run's result as soon as it is finished. */
  onResult?: (r: RunResult) => void;
  /** Results of an earlier run of the same config and data: those runs are not run again. */
  done?: readonly RunResult[];
  /** The synthetic pre-training data; default `experimentSyntheticSource(config)`. */
  synthetic?: SyntheticSource;
}

/** The synthetic source of the config's `synthetic` block (hash its `hashed` for the provenance). */
export function experimentSyntheticSource(config: ExperimentConfig): SyntheticSource {
  return sourceFromSpec(config.synthetic, configClasses(config), {
    fsHz: config.fsHz,
    windowSamples: windowSamples(config),
  });
}

/** Everything an experiment produced. */
export interface ExperimentReport {
  /** One per run, in plan order. */
  results: RunResult[];
  /** Mean ± sd over seeds per task, arch, regime and budget. */
  summary: SummaryRow[];
  /** Relative gain of pretrain over scratch per task, arch (and architecture mean) and budget. */
  gains: GainRow[];
  splits: SplitInfo[];
  /** The trainer's backend. */
  backend: string;
  /** What the synthetic pre-training data were (SyntheticSource.description). */
  synthetic: string;
}

function trainSettings(config: ExperimentConfig, epochs: number, seed: number, L: number): TrainSettings {
  return {
    epochs,
    batchSize: config.batchSize,
    learningRate: config.learningRate,
    patience: config.patience,
    seed,
    maskFraction: config.augmentation.maskFraction,
    shiftMaxSamples: Math.round(config.augmentation.shiftFraction * L),
  };
}

/** Runs the experiment (see the module comment); rejects with the signal's reason when aborted. */
export async function runExperiment(
  config: ExperimentConfig,
  data: ExperimentData,
  trainer: Trainer,
  options: RunExperimentOptions,
): Promise<ExperimentReport> {
  const { signal, provenance } = options;
  const L = windowSamples(config);
  const conformed: ExperimentData = {
    train: conformDataset(data.train, config.fsHz, L, '--train', signal),
    test: data.test && conformDataset(data.test, config.fsHz, L, '--test', signal),
  };
  const tasks = prepareTasks(config, conformed);
  const plan = planRuns(config);
  const finished = new Map<string, RunResult>();
  for (const r of options.done ?? []) finished.set(runId(r), r);
  const pending = new Set(plan.map(runId).filter((id) => !finished.has(id)));
  const source = options.synthetic ?? experimentSyntheticSource(config);
  const synthetic = new SyntheticWindows(source, config.fsHz, L);
  const ctx: RunContext = { config, trainer, options, L, plan, finished, synthetic };

  for (const prepared of tasks) {
    const testSet = gatherExamples(prepared.testData, prepared.test.indices, prepared.test.labels);
    for (const model of config.models) {
      const spec: ModelSpec = { ...model, inputLength: L, nClasses: prepared.classes.length };
      for (const seed of config.seeds) {
        const keys = plan.filter(
          (k) =>
            k.task === prepared.task && k.arch === model.arch && k.seed === seed && pending.has(runId(k)),
        );
        if (keys.length === 0) continue;
        let pretrained: { model: ModelHandle; epochs: number } | undefined;
        try {
          if (keys.some((k) => k.regime === 'pretrain'))
            pretrained = await pretrain(ctx, prepared, spec, seed);
          for (const budget of config.budgets) {
            const draw = drawBudget(prepared.pool, spec.nClasses, {
              budget,
              mode: config.budgetMode,
              validationFraction: config.validationFraction,
              seed,
              stream: prepared.task,
            });
            const train = gatherExamples(conformed.train, draw.train, draw.trainLabels);
            const validation = gatherExamples(conformed.train, draw.validation, draw.validationLabels);
            for (const key of keys.filter((k) => k.budget === budget)) {
              const run = await trainAndTest(
                ctx,
                prepared,
                spec,
                key,
                { train, validation, testSet },
                pretrained,
              );
              const result: RunResult = {
                ...run,
                nTrain: train.n,
                nValidation: validation.n,
                drawnPerClass: draw.drawnPerClass,
                budgetCapped: draw.capped,
                validationByPatient: draw.validationByPatient,
                validationFromTrain: draw.validationFromTrain,
                recipeSha256: key.regime === 'pretrain' ? provenance.recipeSha256 : null,
                trainSha256: provenance.trainSha256,
                testSha256: provenance.testSha256 ?? provenance.trainSha256,
              };
              finished.set(runId(key), result);
              options.onResult?.(result);
            }
          }
        } finally {
          pretrained?.model.dispose();
        }
      }
    }
  }
  const results = plan.map((k) => finished.get(runId(k))).filter((r): r is RunResult => r !== undefined);
  return {
    results,
    ...summarizeResults(results),
    splits: tasks.map((t) => t.info),
    backend: trainer.backend,
    synthetic: source.description,
  };
}

interface RunContext {
  config: ExperimentConfig;
  trainer: Trainer;
  options: RunExperimentOptions;
  L: number;
  plan: RunKey[];
  finished: Map<string, RunResult>;
  synthetic: SyntheticWindows;
}

function progress(ctx: RunContext, p: Omit<ExperimentProgress, 'runsDone' | 'runsTotal'>): void {
  ctx.options.onProgress?.({ ...p, runsDone: ctx.finished.size, runsTotal: ctx.plan.length });
}

async function pretrain(
  ctx: RunContext,
  prepared: PreparedTask,
  spec: ModelSpec,
  seed: number,
): Promise<{ model: ModelHandle; epochs: number }> {
  const { config, options } = ctx;
  const where = { task: prepared.task, arch: spec.arch, seed };
  const sets = ctx.synthetic.examples(prepared.classes, {
    signal: options.signal,
    onProgress: (done, total) => progress(ctx, { ...where, phase: 'synthesize', fraction: done / total }),
  });
  const fit = await ctx.trainer.fit(
    spec,
    sets.train,
    sets.validation,
    trainSettings(config, config.pretrainEpochs, seed, ctx.L),
    {
      signal: options.signal,
      pauseGate: options.pauseGate,
      onEpoch: (epoch) =>
        progress(ctx, { ...where, phase: 'pretrain', fraction: epoch.epoch / config.pretrainEpochs, epoch }),
      onProgress: (fraction) => progress(ctx, { ...where, phase: 'pretrain', fraction }),
    },
  );
  return { model: fit.model, epochs: fit.history.length };
}

type RunCore = Omit<
  RunResult,
  | 'nTrain'
  | 'nValidation'
  | 'drawnPerClass'
  | 'budgetCapped'
  | 'validationByPatient'
  | 'validationFromTrain'
  | 'recipeSha256'
  | 'trainSha256'
  | 'testSha256'
>;

async function trainAndTest(
  ctx: RunContext,
  prepared: PreparedTask,
  spec: ModelSpec,
  key: RunKey,
  sets: {
    train: ReturnType<typeof gatherExamples>;
    validation: ReturnType<typeof gatherExamples>;
    testSet: ReturnType<typeof gatherExamples>;
  },
  pretrained: { model: ModelHandle; epochs: number } | undefined,
): Promise<RunCore> {
  const { config, trainer, options } = ctx;
  const where = { task: key.task, arch: key.arch, seed: key.seed, regime: key.regime, budget: key.budget };
  const settings = {
    ...trainSettings(config, config.epochs, key.seed, ctx.L),
    classWeights: balancedClassWeights(sets.train.y, spec.nClasses),
  };
  const startMs = Date.now();
  const fit = await trainer.fit(spec, sets.train, sets.validation, settings, {
    initFrom: key.regime === 'pretrain' ? pretrained?.model : undefined,
    signal: options.signal,
    pauseGate: options.pauseGate,
    onEpoch: (epoch) =>
      progress(ctx, { ...where, phase: 'train', fraction: epoch.epoch / config.epochs, epoch }),
    onProgress: (fraction) => progress(ctx, { ...where, phase: 'train', fraction }),
  });
  const trainMs = Date.now() - startMs;
  try {
    const probs = await trainer.predict(fit.model, sets.testSet, options.signal);
    const patients = prepared.test.patients;
    const finite = probs.every((p) => Number.isFinite(p));
    const nan = Object.fromEntries(METRIC_NAMES.map((m) => [m, NaN])) as Record<MetricName, number>;
    const m = finite ? evaluatePredictions(probs, sets.testSet.y, spec.nClasses) : undefined;
    const ci =
      finite && config.bootstrap.resamples > 0
        ? patientBootstrap(probs, sets.testSet.y, spec.nClasses, patients, {
            ...config.bootstrap,
            signal: options.signal,
          })
        : null;
    return {
      ...key,
      classes: [...prepared.classes],
      metrics: m === undefined ? nan : { f1: m.f1, auroc: m.auroc, auprc: m.auprc, accuracy: m.accuracy },
      ci,
      confusion: m?.confusion ?? [],
      nTest: sets.testSet.n,
      nTestPatients: new Set(patients).size,
      epochs: fit.history.length,
      bestEpoch: fit.bestEpoch,
      pretrainEpochs: key.regime === 'pretrain' ? (pretrained?.epochs ?? null) : null,
      paramCount: fit.model.paramCount,
      history: fit.history,
      trainMs,
      ...(finite ? {} : { note: 'the model gave non-finite probabilities (training diverged)' }),
    };
  } finally {
    fit.model.dispose();
  }
}
