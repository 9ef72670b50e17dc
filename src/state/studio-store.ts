/**
 * The studio's one zustand store, as a vanilla store (no React here; `use-studio.ts` adds the hook).
 * It holds what the controls show: parameters, the built-in preset they are based on, messages, the
 * saved preset names and the last synthesis status. Live samples never go through it: plots get them
 * from `synth-results.ts`. Actions are plain functions in the sibling `*-actions.ts` files.
 */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_PARAMS, type PresetName, type SynthParams } from '../synth/index.ts';

/** Where a message comes from; a new message replaces the previous one of the same source. */
export type MessageSource = 'hash' | 'file' | 'storage' | 'input' | 'synth' | 'variety' | 'plot';

/** A message shown to the user: errors in the alert area, infos in the status area. */
export interface UiMessage {
  source: MessageSource;
  kind: 'error' | 'info';
  text: string;
}

/** Facts about the record on screen. */
export interface SynthStatus {
  /** Worker time of the last synthesis, ms. */
  synthMs: number;
  /** R peaks in the record. */
  beatCount: number;
  /** Mean heart rate measured from the R peaks, bpm (null with fewer than two beats). */
  heartRateBpm: number | null;
  /** Record duration, s. */
  durationS: number;
  /** Sampling rate, Hz. */
  fsHz: number;
}

/** Everything the store holds. */
export interface StudioState {
  /** The complete, validated parameters on screen. */
  params: SynthParams;
  /** The built-in preset the parameters are based on (the URL hash stores differences from it). */
  presetName: PresetName;
  /** Current messages, at most one per source. */
  messages: UiMessage[];
  /** Names of the presets saved in this browser, sorted. */
  savedPresetNames: string[];
  /** The last synthesis, or null before the first result. */
  status: SynthStatus | null;
  /** `performance.now()` time of the input event behind the latest parameter change, ms, or null. */
  lastInputAtMs: number | null;
}

/** The initial state: the `default` preset, no messages. */
export function initialStudioState(): StudioState {
  return {
    params: { ...DEFAULT_PARAMS },
    presetName: 'default',
    messages: [],
    savedPresetNames: [],
    status: null,
    lastInputAtMs: null,
  };
}

/** The studio store (a singleton: one studio per page). */
export const studioStore = createStore<StudioState>()(initialStudioState);
