/**
 * What the studio keeps in its workspace (IndexedDB, on the user's machine only): presets, imported
 * datasets, dataset recipes, trained models and experiment runs. Each item has a small JSON part (listed
 * without reading the rest) and an optional binary part (signals, weights).
 */

/** The kinds of item a workspace holds. */
export const WORKSPACE_KINDS = ['preset', 'import', 'recipe', 'model', 'run'] as const;

/** One kind of item. */
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

/** What the workspace lists for one item. */
export interface WorkspaceItemMeta {
  /** Unique within the workspace. */
  id: string;
  kind: WorkspaceKind;
  /** Shown to the user; may repeat. */
  name: string;
  /** The JSON part (UTF-8) plus the binary part, bytes. */
  sizeBytes: number;
  /** Milliseconds since 1970 (UTC). */
  createdAt: number;
  updatedAt: number;
}

/** One item with its contents. */
export interface WorkspaceItem {
  meta: WorkspaceItemMeta;
  /** The item's JSON part (a preset file, an import's labels and settings, a run's results). */
  data: unknown;
  /** The binary part (an import's float32 windows as signals.npy), or null. */
  bytes: Uint8Array | null;
}

/** An imported dataset as kept: `bytes` hold its signals.npy (float32 [windows, samples]). */
export interface KeptImportData {
  /** labels.csv as the import wrote it (one row per window). */
  labelsCsv: string;
  /** The files the records were read from. */
  sourceFiles: string[];
  /** Records read. */
  records: number;
  /** Windows kept (rows of signals.npy). */
  windows: number;
  /** Samples per window. */
  windowSamples: number;
  /** The windowing rule the windows were cut with (the import panel's options). */
  windowRule: unknown;
}
