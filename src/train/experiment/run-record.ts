/**
 * An experiment run as the workspace keeps it (kind `run`): the config, the form it came from, where
 * its synthetic and real data came from, every finished run's result (with its per-epoch history), the
 * live curves, and, once done, the result files. It is saved after every finished run, so a run
 * interrupted by a reload keeps what finished; `remainingRuns` is what a resume still has to run (runs
 * are seeded, so the resumed numbers equal an uninterrupted run's).
 *
 * The stored form is plain JSON: non-finite numbers (a metric undefined for one class, NaN) are
 * written as the strings "NaN", "Infinity", "-Infinity" where numbers belong, and read back.
 */
import type { EpochLog } from '../types.ts';
import type { ExperimentConfig } from './config.ts';
import { parseExperimentConfig } from './config-parse.ts';
import type { Provenance } from './runner.ts';
import { planRuns, runId, type RunKey, type RunResult } from './runs.ts';

/** The record's `format` field. */
export const RUN_RECORD_FORMAT = 'pqrst-run';
/** The record version this studio writes and the newest it reads. */
export const RUN_RECORD_VERSION = 1;

/** Where the run stands: `running` when the page went away mid-run reads as interrupted. */
export const RUN_STATUSES = ['running', 'paused', 'cancelled', 'done'] as const;
/** One status. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The synthetic pre-training source (the Training lab's choice). */
export type RunSynthetic = { kind: 'config' } | { kind: 'recipe'; name: string; text: string };

/** The real dataset a run trained on (identified by its SHA-256, see digest.ts). */
export interface RunDatasetRef {
  name: string;
  sha256: string;
  windows: number;
  fsHz: number;
}

/** One epoch of one fit, as the live curves show it. */
export interface RunCurvePoint {
  /** e.g. `pre-train seed 1`, `scratch budget 10 seed 1`. */
  fit: string;
  log: EpochLog;
  tensorCount: number;
}

/** A finished experiment's files. */
export interface RunFinished {
  provenance: Provenance;
  resultsCsv: string;
  resultsJson: string;
}

/** A kept experiment run. */
export interface RunRecord {
  format: typeof RUN_RECORD_FORMAT;
  version: number;
  status: RunStatus;
  config: ExperimentConfig;
  /** The Training lab's form values when it started (restored with the run). */
  form: Record<string, unknown>;
  synthetic: RunSynthetic;
  dataset: RunDatasetRef;
  /** Backend it ran on (null while unknown). */
  backend: string | null;
  /** Finished runs, in the order they finished. */
  results: RunResult[];
  curves: RunCurvePoint[];
  finished: RunFinished | null;
  /** ms since 1970. */
  startedAt: number;
  updatedAt: number;
}

/** A record that cannot be read: `field` names the place. */
export class RunRecordError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`run record ${field}: ${reason}`);
    this.name = 'RunRecordError';
  }
}

/** The runs of `config` not among `done`, in execution order. */
export function remainingRuns(config: ExperimentConfig, done: readonly RunKey[]): RunKey[] {
  const have = new Set(done.map(runId));
  return planRuns(config).filter((k) => !have.has(runId(k)));
}

/** `results` with `result` added, replacing an earlier result of the same run. */
export function withResult(results: readonly RunResult[], result: RunResult): RunResult[] {
  const id = runId(result);
  return [...results.filter((r) => runId(r) !== id), result];
}

/** Short text of where a record stands, e.g. `3 of 6 runs finished`. */
export function runProgressText(record: Pick<RunRecord, 'config' | 'results'>): string {
  const total = planRuns(record.config).length;
  const done = total - remainingRuns(record.config, record.results).length;
  return `${done} of ${total} runs finished`;
}

/** A default name of a record: task, model, budgets and seeds. */
export function runRecordName(config: ExperimentConfig): string {
  const models = config.models.map((m) => `${m.arch} ${m.depth}x${m.width}`).join(', ');
  return `${config.tasks.join(', ')} · ${models} · budgets ${config.budgets.join(', ')} · seeds ${config.seeds.join(', ')}`;
}

function encodeNumbers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(encodeNumbers);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeNumbers(v)]));
  }
  return value;
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function num(v: unknown, field: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v in NON_FINITE) return NON_FINITE[v];
  throw new RunRecordError(field, `must be a number (got ${JSON.stringify(v)})`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, field: string): Record<string, unknown> {
  if (!isRecord(v)) throw new RunRecordError(field, 'must be an object');
  return v;
}

function arr(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new RunRecordError(field, 'must be an array');
  return v;
}

function str(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new RunRecordError(field, 'must be a string');
  return v;
}

/** Every value of an object of numbers, decoded. */
function numbers(v: unknown, field: string): Record<string, number> {
  const o = obj(v, field);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, num(x, `${field}.${k}`)]));
}

function epochLog(v: unknown, field: string): EpochLog {
  return numbers(v, field) as unknown as EpochLog;
}

function result(v: unknown, field: string): RunResult {
  const o = obj(v, field);
  for (const key of ['task', 'arch', 'regime'] as const) str(o[key], `${field}.${key}`);
  for (const key of ['budget', 'seed', 'nTrain', 'nTest', 'epochs', 'paramCount'] as const) {
    num(o[key], `${field}.${key}`);
  }
  const ci = o.ci === null || o.ci === undefined ? null : obj(o.ci, `${field}.ci`);
  return {
    ...(o as unknown as RunResult),
    metrics: numbers(o.metrics, `${field}.metrics`) as RunResult['metrics'],
    ci:
      ci === null
        ? null
        : (Object.fromEntries(
            Object.entries(ci).map(([k, x]) => [k, numbers(x, `${field}.ci.${k}`)]),
          ) as unknown as RunResult['ci']),
    history: arr(o.history, `${field}.history`).map((h, i) => epochLog(h, `${field}.history[${i}]`)),
    trainMs: num(o.trainMs ?? 0, `${field}.trainMs`),
  };
}

/** The record as plain JSON (see the module comment). */
export function runRecordToJson(record: RunRecord): unknown {
  return encodeNumbers(record);
}

/** Read a record from its JSON form, checking every part; throws RunRecordError naming the field. */
export function runRecordFromJson(value: unknown): RunRecord {
  const o = obj(value, '(record)');
  if (o.format !== RUN_RECORD_FORMAT) {
    throw new RunRecordError('format', `must be "${RUN_RECORD_FORMAT}" (got ${JSON.stringify(o.format)})`);
  }
  const version = num(o.version, 'version');
  if (!Number.isInteger(version) || version < 1)
    throw new RunRecordError('version', `unknown version ${version}`);
  if (version > RUN_RECORD_VERSION) {
    throw new RunRecordError(
      'version',
      `made by a newer studio (version ${version}; this one reads up to ${RUN_RECORD_VERSION})`,
    );
  }
  const status = str(o.status, 'status');
  if (!(RUN_STATUSES as readonly string[]).includes(status)) {
    throw new RunRecordError('status', `must be one of ${RUN_STATUSES.join(', ')} (got "${status}")`);
  }
  let config: ExperimentConfig;
  try {
    config = parseExperimentConfig(obj(o.config, 'config'));
  } catch (e) {
    throw new RunRecordError('config', e instanceof Error ? e.message : String(e));
  }
  const syn = obj(o.synthetic, 'synthetic');
  const synthetic: RunSynthetic =
    syn.kind === 'config'
      ? { kind: 'config' }
      : syn.kind === 'recipe'
        ? { kind: 'recipe', name: str(syn.name, 'synthetic.name'), text: str(syn.text, 'synthetic.text') }
        : (() => {
            throw new RunRecordError('synthetic.kind', 'must be "config" or "recipe"');
          })();
  const ds = obj(o.dataset, 'dataset');
  const dataset: RunDatasetRef = {
    name: str(ds.name, 'dataset.name'),
    sha256: str(ds.sha256, 'dataset.sha256'),
    windows: num(ds.windows, 'dataset.windows'),
    fsHz: num(ds.fsHz, 'dataset.fsHz'),
  };
  if (!/^[0-9a-f]{64}$/.test(dataset.sha256))
    throw new RunRecordError('dataset.sha256', 'must be 64 hex digits');
  const fin = o.finished === null || o.finished === undefined ? null : obj(o.finished, 'finished');
  return {
    format: RUN_RECORD_FORMAT,
    version,
    status: status as RunStatus,
    config,
    form: obj(o.form ?? {}, 'form'),
    synthetic,
    dataset,
    backend: o.backend === null || o.backend === undefined ? null : str(o.backend, 'backend'),
    results: arr(o.results, 'results').map((r, i) => result(r, `results[${i}]`)),
    curves: arr(o.curves ?? [], 'curves').map((c, i) => {
      const p = obj(c, `curves[${i}]`);
      return {
        fit: str(p.fit, `curves[${i}].fit`),
        log: epochLog(p.log, `curves[${i}].log`),
        tensorCount: num(p.tensorCount, `curves[${i}].tensorCount`),
      };
    }),
    finished:
      fin === null
        ? null
        : {
            provenance: obj(fin.provenance, 'finished.provenance') as unknown as Provenance,
            resultsCsv: str(fin.resultsCsv, 'finished.resultsCsv'),
            resultsJson: str(fin.resultsJson, 'finished.resultsJson'),
          },
    startedAt: num(o.startedAt, 'startedAt'),
    updatedAt: num(o.updatedAt, 'updatedAt'),
  };
}
