/**
 * The Training lab's own zustand store: the setup form, the real datasets taken from the import, the
 * trainer's backend, the running experiment's progress (epoch curves, samples/s, time left, tensor
 * count), its results and files, and the models the worker holds. No DOM; actions that talk to the
 * worker live in src/app/train-client.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { ExperimentConfig } from '../train/experiment/config.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import type { ExperimentProgress, ExperimentReport, Provenance } from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/runs.ts';
import type { BackendName, EpochLog } from '../train/types.ts';
import type { RunDatasetRef } from '../train/experiment/run-record.ts';
import type { Evaluation, HeldModel, StoredModel } from '../workers/experiment-protocol.ts';
import { defaultTrainForm, type TrainForm } from './train-form.ts';

/** A real dataset taken from the import section. */
export interface TrainDataset {
  id: number;
  name: string;
  dataset: RealDataset;
  patients: number;
  /** e.g. `nsr 30, af 24`. */
  classText: string;
}

/** One epoch of one training run, for the live curves. */
export interface EpochPoint {
  /** e.g. `pretrain`, `scratch budget 10 seed 1`. */
  fit: string;
  log: EpochLog;
  /** Live tensors in the worker right after the epoch. */
  tensorCount: number;
}

/** Where the experiment stands. */
export type TrainPhase = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/** A finished experiment. */
export interface FinishedExperiment {
  report: ExperimentReport;
  provenance: Provenance;
  resultsCsv: string;
  resultsJson: string;
}

/** The experiment shown came from the workspace (kept run `itemId`), e.g. after a reload. */
export interface KeptRunInfo {
  itemId: string;
  /** It stopped before finishing (a reload, a closed tab, a pause): Resume or Discard. */
  interrupted: boolean;
  dataset: RunDatasetRef;
  /** Why Resume could not start, or null. */
  message: string | null;
}

/** Everything the lab's store holds. */
export interface TrainState {
  form: TrainForm;
  datasets: TrainDataset[];
  /** A refused setup: the control's label and the reason. */
  formError: { control: string; message: string } | null;
  backend: BackendName | null;
  backendSkipped: string[];
  backendStarting: boolean;
  paramCount: number | null;
  paramCountError: string | null;
  phase: TrainPhase;
  /**
   * performance.now() when a pause held the running fit in the worker (model and place kept; Resume goes
   * on from there), ms; null when nothing is held (a stopped or restored run resumes its unfinished runs).
   */
  heldSinceMs: number | null;
  /** The config of the running / last experiment. */
  config: ExperimentConfig | null;
  progress: ExperimentProgress | null;
  /** performance.now() when the current (or resumed) run started, ms. */
  startMs: number;
  /** Overall fraction done, 0-1. */
  fraction: number;
  /** The fraction at the start of the current (or resumed) run. */
  resumedFrom: number;
  /** Estimated time left, s (NaN while unknown). */
  leftS: number;
  samplesPerSec: number | null;
  tensorCount: number | null;
  epochs: EpochPoint[];
  /** Finished runs (also those of a paused run, kept for resuming). */
  results: RunResult[];
  finished: FinishedExperiment | null;
  error: string | null;
  /** Models the worker holds (the experiment's last of each regime, and those loaded). */
  models: HeldModel[];
  stored: StoredModel[];
  evaluation: Evaluation | null;
  /** Model actions' last message (saved, downloaded, refused ...). */
  modelMessage: string | null;
  modelBusy: boolean;
  /** Set while the shown experiment is a kept run restored from the workspace. */
  keptRun: KeptRunInfo | null;
}

/** The lab's store. */
export const trainStore = createStore<TrainState>()(() => ({
  form: defaultTrainForm(),
  datasets: [],
  formError: null,
  backend: null,
  backendSkipped: [],
  backendStarting: false,
  paramCount: null,
  paramCountError: null,
  phase: 'idle',
  heldSinceMs: null,
  config: null,
  progress: null,
  startMs: 0,
  fraction: 0,
  resumedFrom: 0,
  leftS: NaN,
  samplesPerSec: null,
  tensorCount: null,
  epochs: [],
  results: [],
  finished: null,
  error: null,
  models: [],
  stored: [],
  evaluation: null,
  modelMessage: null,
  modelBusy: false,
  keptRun: null,
}));

/** Change form fields (clears a shown refusal). */
export function setTrainForm(partial: Partial<TrainForm>): void {
  trainStore.setState((s) => ({ form: { ...s.form, ...partial }, formError: null }));
}

/** Whether an experiment is running. */
export function trainRunning(s: Pick<TrainState, 'phase'>): boolean {
  return s.phase === 'running';
}
