/**
 * The experiment's result files, built as text (the CLI writes them; the studio offers them as
 * downloads): `results.csv` with one row per run and `results.json` with the config, the provenance,
 * the splits, every run (with its epoch log), the mean ± sd over seeds and the relative gains.
 */
import { GENERATOR_VERSION } from '../../synth/index.ts';
import { METRIC_NAMES } from '../metrics.ts';
import type { ExperimentConfig } from './config.ts';
import type { ExperimentReport, Provenance } from './runner.ts';
import type { RunResult } from './runs.ts';

/** results.csv's columns, in order. */
export const RESULTS_CSV_COLUMNS = [
  'task',
  'arch',
  'regime',
  'budget',
  'seed',
  ...METRIC_NAMES,
  'n_train',
  'n_test',
  'epochs',
  ...METRIC_NAMES.flatMap((m) => [`${m}_ci_lo`, `${m}_ci_hi`]),
  'n_val',
  'n_test_patients',
  'best_epoch',
  'pretrain_epochs',
  'param_count',
  'budget_capped',
  'validation_by_patient',
  'recipe_sha256',
  'train_sha256',
  'test_sha256',
] as const;

function cell(v: number | string | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** One CSV line (with '\n') of a run; only reproducible fields (no timings). Empty cell = undefined. */
export function resultsCsvRow(r: RunResult): string {
  const cells = [
    r.task,
    r.arch,
    r.regime,
    r.budget,
    r.seed,
    ...METRIC_NAMES.map((m) => r.metrics[m]),
    r.nTrain,
    r.nTest,
    r.epochs,
    ...METRIC_NAMES.flatMap((m) => [r.ci?.[m].lo, r.ci?.[m].hi]),
    r.nValidation,
    r.nTestPatients,
    r.bestEpoch,
    r.pretrainEpochs,
    r.paramCount,
    r.budgetCapped,
    r.validationByPatient,
    r.recipeSha256,
    r.trainSha256,
    r.testSha256,
  ];
  return cells.map(cell).join(',') + '\n';
}

/** The whole results.csv. */
export function resultsCsv(results: readonly RunResult[]): string {
  return RESULTS_CSV_COLUMNS.join(',') + '\n' + results.map(resultsCsvRow).join('');
}

/** What results.json records besides the report. */
export interface ResultsJsonInput {
  config: ExperimentConfig;
  provenance: Provenance;
  report: ExperimentReport;
  /** Where the data came from (paths or names), for the reader. */
  sources: { train: string; test: string | null };
}

/** The whole results.json (2-space indented; non-finite numbers as null). */
export function resultsJson(input: ResultsJsonInput): string {
  const { report } = input;
  const doc = {
    format: 'pqrst-experiment-results',
    version: 1,
    generatorVersion: GENERATOR_VERSION,
    backend: report.backend,
    sources: input.sources,
    provenance: { ...input.provenance, testSha256: input.provenance.testSha256 ?? null },
    synthetic: report.synthetic,
    config: input.config,
    splits: report.splits,
    summary: report.summary,
    gains: report.gains,
    results: report.results,
  };
  return (
    JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) +
    '\n'
  );
}
