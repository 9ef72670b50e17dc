/**
 * Messages of the dataset export worker (`export.worker.ts`). Pure types.
 *
 * Export: the main thread starts one worker per core, sends each an `ExportInit` with the recipe, then
 * `ExportBatchRequest`s (up to two queued per worker, each perhaps with a buffer to refill); each batch
 * is answered exactly once, in the order received, with an `ExportBatchResult` (the rows' encoded bytes
 * and their CRC-32s, buffers transferred) or an `ExportWorkerError`. Preview: one long-lived
 * worker answers `PreviewRequest`s with a `PreviewResult`; a request replaced by a newer one before it
 * ran is answered `preview-dropped`.
 */
import type { EncodedBatch } from '../dataset/encode-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import type { VarietyThumb } from './variety-protocol.ts';

/** The recipe every later batch request of this worker belongs to (validated by the sender). */
export interface ExportInit {
  type: 'init';
  recipe: SyntheticRecipe;
}

/** Encode rows [start, end) of the recipe's dataset. */
export interface ExportBatchRequest {
  type: 'batch';
  id: number;
  start: number;
  end: number;
  /** A written batch's buffer to refill (transferred), when one is free. */
  buffer?: ArrayBuffer;
}

/** Sample records of each class and the expected archive size of `recipe`. */
export interface PreviewRequest {
  type: 'preview';
  /** Strictly increasing per client. */
  id: number;
  recipe: SyntheticRecipe;
  /** Records drawn per class (the first ones of the class: exactly the dataset's rows). */
  perClass: number;
  /** Length of the start of each record sent back, s. */
  windowS: number;
}

/** Any message to the export worker. */
export type ExportWorkerRequest = ExportInit | ExportBatchRequest | PreviewRequest;

/** One batch, encoded; its buffers were transferred. */
export interface ExportBatchResult {
  type: 'batch';
  id: number;
  batch: EncodedBatch;
  /** Time this worker has spent encoding batches since it started, ms (all its batches so far). */
  busyMs: number;
}

/** The sample records of one class. */
export interface PreviewClass {
  className: string;
  /** Record names (`{class}_{index:06d}`), as in labels.csv. */
  names: string[];
  thumbs: VarietyThumb[];
}

/** The preview of a recipe. */
export interface PreviewResult {
  type: 'preview';
  id: number;
  classes: PreviewClass[];
  /** Records in the dataset. */
  rows: number;
  /** Expected size of the .zip archive, bytes. */
  estimatedBytes: number;
  /** Whether `estimatedBytes` is exact. */
  exact: boolean;
  /** Worker time, ms. */
  workMs: number;
}

/** A newer preview request replaced this one before it ran. */
export interface PreviewDropped {
  type: 'preview-dropped';
  id: number;
}

/** A request failed (`id` -1: a malformed message). */
export interface ExportWorkerError {
  type: 'error';
  id: number;
  /** 'batch' or 'preview': which request the id belongs to. */
  kind: 'batch' | 'preview';
  message: string;
}

/** Any message from the export worker. */
export type ExportWorkerReply = ExportBatchResult | PreviewResult | PreviewDropped | ExportWorkerError;
