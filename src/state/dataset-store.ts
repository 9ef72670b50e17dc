/**
 * The Dataset builder's own zustand store: the form, the recipe loaded from a file, the preview (sample
 * records per class and the expected size) and the export's progress and outcome. Actions that need
 * workers or files live in src/app/dataset-*.ts; this file has no DOM.
 */
import { createStore } from 'zustand/vanilla';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import type { PreviewClass } from '../workers/export-protocol.ts';
import {
  defaultDatasetForm,
  recipeOfForm,
  sameForm,
  type DatasetForm,
  type FormResult,
} from './dataset-form.ts';

/** Where the export stands ('opening': the destination is being opened, e.g. the file picker shows). */
export type ExportPhase = 'idle' | 'opening' | 'running' | 'finishing' | 'done' | 'cancelled' | 'error';

/** A recipe read from a file, and the form it filled. */
export interface LoadedRecipe {
  fileName: string;
  recipe: SyntheticRecipe;
  form: DatasetForm;
}

/** The preview of one recipe. */
export interface DatasetPreview {
  /** The recipe.json text it was computed for. */
  recipeKey: string;
  classes: PreviewClass[];
  /** Records in the dataset. */
  rows: number;
  estimatedBytes: number;
  exact: boolean;
}

/** Progress of the running export. */
export interface ExportProgress {
  doneRows: number;
  totalRows: number;
  /** performance.now() at the start and at the last report, ms. */
  startMs: number;
  nowMs: number;
}

/** What the last export did. */
export interface ExportOutcome {
  phase: 'done' | 'cancelled' | 'error';
  destination: 'file' | 'download';
  fileName: string;
  rows: number;
  /** Archive length, bytes (null unless done). */
  archiveBytes: number | null;
  estimatedBytes: number | null;
  workers: number;
  durationMs: number;
  recordsPerSec: number;
  /**
   * The share of the export's time its workers spent encoding (synthesis, encoding and CRCs: time
   * summed over the workers ÷ workers × durationMs); the rest they waited or were not running.
   */
  workerBusyShare: number;
  progressReports: number;
  error: string | null;
}

/** Everything the builder's store holds. */
export interface DatasetState {
  form: DatasetForm;
  loaded: LoadedRecipe | null;
  /** A refused recipe file (naming the field), or null. */
  loadError: string | null;
  preview: DatasetPreview | null;
  previewError: string | null;
  phase: ExportPhase;
  progress: ExportProgress | null;
  outcome: ExportOutcome | null;
}

/** The builder's store. */
export const datasetStore = createStore<DatasetState>()(() => ({
  form: defaultDatasetForm(),
  loaded: null,
  loadError: null,
  preview: null,
  previewError: null,
  phase: 'idle',
  progress: null,
  outcome: null,
}));

/** Replace the form (an edit). */
export function setDatasetForm(form: DatasetForm): void {
  datasetStore.setState({ form, loadError: null });
}

/**
 * The recipe of the current form: the loaded recipe itself while the form is unchanged since loading
 * (so it regenerates byte-identical data), else the form's.
 */
export function currentRecipe(state: Pick<DatasetState, 'form' | 'loaded'>): FormResult {
  const { form, loaded } = state;
  if (loaded && sameForm(form, loaded.form)) return { recipe: loaded.recipe, error: null };
  return recipeOfForm(form);
}

/** Whether an export is running (or its destination being opened). */
export function exportRunning(state: Pick<DatasetState, 'phase'>): boolean {
  return state.phase === 'opening' || state.phase === 'running' || state.phase === 'finishing';
}
