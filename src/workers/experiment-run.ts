/**
 * One experiment in the worker: the synthetic source (the config's block or a recipe), the SHA-256
 * provenance (crypto.subtle over the same bytes the CLI hashes with node:crypto, see digest.ts), the
 * runner on the browser trainer, and the result files the CLI writes.
 */
import { parseRecipe } from '../dataset/recipe-validate.ts';
import { GENERATOR_VERSION } from '../synth/index.ts';
import type { ExperimentConfig } from '../train/experiment/config.ts';
import { canonicalJson, datasetDigestParts } from '../train/experiment/digest.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import { resultsCsv, resultsJson } from '../train/experiment/results-files.ts';
import {
  experimentSyntheticSource,
  runExperiment,
  type ExperimentProgress,
  type ExperimentReport,
  type Provenance,
} from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/runs.ts';
import { sourceFromRecipe, type SyntheticSource } from '../train/experiment/synthetic-source.ts';
import type { AbortSignalLike } from '../core/abort.ts';
import type { ModelProvenance, SyntheticChoice } from './experiment-protocol.ts';
import type { KeepingTrainer } from './experiment-keep.ts';
import type { PauseGate } from '../train/pause-gate.ts';

/** SHA-256 (hex) of `parts` hashed in order, strings as UTF-8. */
export async function sha256Hex(parts: readonly (string | Uint8Array)[]): Promise<string> {
  const bytes = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    all.set(b, at);
    at += b.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The synthetic source of a choice (a bad recipe throws naming the recipe and the field). */
export function syntheticSource(config: ExperimentConfig, choice: SyntheticChoice): SyntheticSource {
  if (choice.kind === 'config') return experimentSyntheticSource(config);
  try {
    return sourceFromRecipe(parseRecipe(choice.text), choice.name);
  } catch (e) {
    throw new Error(`Synthetic recipe ${choice.name}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}

/** What a finished experiment hands back. */
export interface ExperimentOutput {
  report: ExperimentReport;
  provenance: Provenance;
  resultsCsv: string;
  resultsJson: string;
}

/** Options of `runInWorker`. */
export interface RunInWorkerOptions {
  config: ExperimentConfig;
  train: RealDataset;
  trainName: string;
  synthetic: SyntheticChoice;
  done: RunResult[];
  signal: AbortSignalLike;
  /** Pauses the fits between batches while closed. */
  pauseGate?: PauseGate;
  onProgress(p: ExperimentProgress): void;
  onResult(r: RunResult): void;
}

/** Run the experiment on `trainer` and build the CLI's result files. */
export async function runInWorker(trainer: KeepingTrainer, o: RunInWorkerOptions): Promise<ExperimentOutput> {
  const source = syntheticSource(o.config, o.synthetic);
  const provenance: Provenance = {
    recipeSha256: await sha256Hex([canonicalJson(source.hashed)]),
    trainSha256: await sha256Hex(datasetDigestParts(o.train)),
  };
  const report = await runExperiment(o.config, { train: o.train }, trainer, {
    provenance,
    synthetic: source,
    signal: o.signal,
    pauseGate: o.pauseGate,
    done: o.done,
    onProgress: o.onProgress,
    onResult: o.onResult,
  });
  const sources = { train: o.trainName, test: null };
  return {
    report,
    provenance,
    resultsCsv: resultsCsv(report.results),
    resultsJson: resultsJson({ config: o.config, provenance, report, sources }),
  };
}

/** The provenance of the model a run trained. */
export function modelProvenance(
  r: RunResult,
  config: ExperimentConfig,
  spec: ModelProvenance['spec'],
  backend: string,
): ModelProvenance {
  return {
    format: 'pqrst-model',
    version: 1,
    spec,
    task: r.task,
    classes: r.classes,
    regime: r.regime,
    budget: r.budget,
    seed: r.seed,
    fsHz: config.fsHz,
    windowS: config.windowS,
    paramCount: r.paramCount,
    recipeSha256: r.recipeSha256,
    trainSha256: r.trainSha256,
    testSha256: r.testSha256,
    metrics: Object.fromEntries(
      Object.entries(r.metrics).map(([k, v]) => [k, Number.isFinite(v) ? v : null]),
    ),
    backend,
    generatorVersion: GENERATOR_VERSION,
    savedAt: '',
  };
}
