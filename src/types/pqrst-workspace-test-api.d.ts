/** `window.__pqrstWorkspace`: the workspace's test and benchmark hook (see src/workspace/workspace-test-api.ts). */
import type { WorkspaceItemMeta } from '../dataset/workspace-types.ts';

/** A kept import restored for the Training lab. */
export interface RestoredImportFacts {
  id: string;
  windows: number;
  /** ms after the page's start. */
  restoredAtMs: number;
}

/** The hook. */
export interface PqrstWorkspaceTestApi {
  /** Resolves once the list is shown and every kept import is restored. */
  whenSettled(): Promise<void>;
  list(): WorkspaceItemMeta[];
  restored(): RestoredImportFacts[];
  /** When the first list was in the store, ms after the page's start. */
  listedAtMs(): number | null;
  keepImport(name: string): Promise<boolean>;
  /** SHA-256 (hex) of a kept item's binary part, null when it has none. */
  itemDigest(id: string): Promise<string | null>;
  /** SHA-256 of the import section's current signals.npy, of its float32 windows alone and of its labels.csv. */
  currentImportDigest(): Promise<{ npy: string; windows: string; labels: string }>;
  /** SHA-256 of the float32 windows of the Training-lab dataset named `name`, with its window count. */
  trainDatasetDigest(name: string): Promise<{ digest: string; windows: number } | null>;
  /** Keep `windows` synthetic windows of `samples` samples (the restore benchmark's workspace). */
  keepSynthetic(windows: number, samples: number, fsHz: number): Promise<boolean>;
}

declare global {
  interface Window {
    /** The workspace's test hook. */
    __pqrstWorkspace?: PqrstWorkspaceTestApi;
  }
}
