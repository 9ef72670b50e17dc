/**
 * The Realism view's own small zustand store: the form, where a run stands (stage and progress), its
 * result (the report, its files and the synthetic set's recipe) and the last error or refusal.
 */
import { createStore } from 'zustand/vanilla';
import type { RealismReport } from '../analysis/realism/index.ts';
import type { RealismWorkerStage } from '../workers/realism-protocol.ts';
import { defaultRealismForm, type RealismForm } from './realism-form.ts';

/** Where a run stands. */
export type RealismPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A finished run. */
export interface RealismResult {
  report: RealismReport;
  /** report.json and the SVG figures (name → text), as `pqrst realism` writes them. */
  files: Record<string, string>;
  recipeJson: string;
  backend: string | null;
  elapsedMs: number;
}

/** Everything the realism store holds. */
export interface RealismState {
  form: RealismForm;
  phase: RealismPhase;
  /** The running stage: the real windows from the import, synthesis, statistics, classifier. */
  stage: 'real' | RealismWorkerStage | null;
  /** Progress of the stage, 0 … 1. */
  fraction: number;
  result: RealismResult | null;
  /** The last error or refusal (names the class and the reason). */
  error: string | null;
}

/** The realism store (one per page). */
export const realismStore = createStore<RealismState>(() => ({
  form: defaultRealismForm(),
  phase: 'idle',
  stage: null,
  fraction: 0,
  result: null,
  error: null,
}));
