/**
 * The fit panel's own small zustand store: which record is fitted, the fit's progress, its result (the
 * templates with their traces and per-beat distributions), the last preset applied and the last error.
 */
import { createStore } from 'zustand/vanilla';
import type { ClassName } from '../core/units.ts';
import type { FitResultView } from '../workers/fit-protocol.ts';

/** Where the fit stands. */
export type FitPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A preset made from the fit and applied to the studio. */
export interface AppliedFitPreset {
  className: ClassName;
  record: string;
  nBeats: number;
  nWindows: number;
  notes: string[];
  /** The parameters applied (a copy). */
  params: Record<string, unknown>;
}

/** Everything the fit store holds. */
export interface FitState {
  phase: FitPhase;
  /** The record being (or last) fitted. */
  record: string | null;
  /** Progress of the running fit, 0 … 1. */
  fraction: number;
  result: FitResultView | null;
  /** A preset is being made. */
  presetBusy: boolean;
  preset: AppliedFitPreset | null;
  /** The last error (names the record and the reason). */
  error: string | null;
}

/** The fit store (one per page). */
export const fitStore = createStore<FitState>(() => ({
  phase: 'idle',
  record: null,
  fraction: 0,
  result: null,
  presetBusy: false,
  preset: null,
  error: null,
}));
