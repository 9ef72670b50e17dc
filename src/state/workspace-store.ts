/**
 * The workspace panel's store: the items kept (meta only), the storage estimate, whether storage is
 * persistent, the last message, and the kept imports restored into the Training lab.
 */
import { createStore } from 'zustand/vanilla';
import type { WorkspaceItemMeta } from '../dataset/workspace-types.ts';

/** One message of the panel. */
export interface WorkspaceMessage {
  level: 'info' | 'error';
  text: string;
}

/** A kept import, restored for training. */
export interface RestoredImport {
  id: string;
  windows: number;
  /** From the page's start (performance.now()) to the windows in memory, ms. */
  restoredAtMs: number;
}

/** The kept import being read back, bytes read of its binary part. */
export interface RestoreProgress {
  name: string;
  doneBytes: number;
  totalBytes: number;
}

/** Everything the workspace store holds. */
export interface WorkspaceState {
  /** False until the first listing finished (or failed). */
  ready: boolean;
  /** When the first listing was in the store, ms after the page's start. */
  listedAtMs: number | null;
  items: WorkspaceItemMeta[];
  usageBytes: number | null;
  quotaBytes: number | null;
  /** null: unknown (API missing); true/false: the browser's answer. */
  persisted: boolean | null;
  /** A save, delete or import is running. */
  busy: boolean;
  message: WorkspaceMessage | null;
  restored: RestoredImport[];
  /** Kept imports still being restored. */
  restoring: number;
  /** The one being read now (null between imports and when none). */
  restoreProgress: RestoreProgress | null;
}

export const workspaceStore = createStore<WorkspaceState>(() => ({
  ready: false,
  listedAtMs: null,
  items: [],
  usageBytes: null,
  quotaBytes: null,
  persisted: null,
  busy: false,
  message: null,
  restored: [],
  restoring: 0,
  restoreProgress: null,
}));
