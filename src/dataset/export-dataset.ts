/**
 * Export a synthetic dataset (or one shard of it) into an entry target: a streaming zip (`ZipWriter`)
 * or a folder (`folderTarget`). One function for the studio and the CLI, so both write the same bytes.
 *
 * Order of the entries: recipe.json, README.txt, labels.csv, wfdb/RECORDS (wfdb), then the rows in
 * order: signals.npy (one entry, streamed batch by batch), or each row's files. Batches of rows are
 * produced by `runBatch` (a worker pool, or inline), up to `inFlight` ahead, and appended in row order,
 * so the bytes never depend on the number of workers and memory does not grow with the row count.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { crc32 } from '../io/crc32.ts';
import { npyHeaderFloat32 } from '../io/npy.ts';
import { encodeUtf8 } from '../io/utf8-encode.ts';
import { framedFiles } from '../io/zip-framed.ts';
import { datasetReadme } from './dataset-readme.ts';
import { encodeRows, type EncodedBatch } from './encode-rows.ts';
import { labelsChunks, recordsChunks } from './labels-chunks.ts';
import { nextTurn } from './next-turn.ts';
import type { SyntheticRecipe } from './recipe.ts';
import {
  defaultBatchRows,
  planBatches,
  samplesPerRecord,
  shardRows,
  totalRows,
  type RowRange,
} from './recipe-rows.ts';
import { recipeJson, validateRecipe } from './recipe-validate.ts';

/** Where the entries go: `ZipWriter` has exactly these methods; `folderTarget` adapts a folder sink. */
export interface EntryTarget {
  /** A whole file with its CRC-32 (computed when absent). */
  addFile(path: string, data: Uint8Array, crc32?: number): Promise<void>;
  /** Begin a file of known size; without `crc32` the CRC is joined from the chunks' CRCs. */
  beginFile(path: string, sizeBytes: number, crc32?: number): Promise<void>;
  writeData(chunk: Uint8Array, crc32?: number): Promise<void>;
  endFile(): Promise<void>;
  /** Whole entries framed by io/zip-framed.ts (a zip writer); without it they are added one by one. */
  addFramedFiles?(block: Uint8Array): Promise<void>;
}

/** Which shard to write: the `index`-th (1-based) of `count` contiguous blocks of rows. */
export interface ShardChoice {
  index: number;
  count: number;
}

/** Options of `exportDataset`. */
export interface ExportOptions {
  /** Write only this shard's rows (labels.csv keeps the whole dataset's row numbers). */
  shard?: ShardChoice;
  /** Produce one batch of rows (in a worker); default: `encodeRows` on this thread. */
  runBatch?: (range: RowRange) => Promise<EncodedBatch>;
  /** Batches requested ahead of the one being written (default 1; a pool: 2 to 4 per worker). */
  inFlight?: number;
  /** Rows per batch (default `defaultBatchRows`); the bytes never depend on it. */
  batchRows?: number;
  signal?: AbortSignalLike;
  /**
   * Called when a batch's bytes are written and no longer needed (the target resolved every call for
   * it), e.g. to hand its buffer back to a worker. Targets must then copy what they keep for later.
   */
  onBatchWritten?: (batch: EncodedBatch) => void;
  /** Called after each batch with the rows written so far and the rows to write. */
  onProgress?: (doneRows: number, totalRows: number) => void;
}

/** What `exportDataset` wrote. */
export interface ExportSummary {
  /** The rows written, [start, end) of the whole dataset. */
  rows: RowRange;
  /** Total rows of the whole dataset. */
  datasetRows: number;
}

/**
 * Write a file made of chunks: a first pass for its size and CRC, a second to write it (one pass when
 * it is one chunk). Yields to the event loop between chunks, so a cancel is seen.
 */
async function writeTextFile(
  target: EntryTarget,
  path: string,
  chunks: () => Iterable<Uint8Array>,
  signal: AbortSignalLike | undefined,
): Promise<void> {
  let size = 0;
  let crc = 0;
  let count = 0;
  let only: Uint8Array = new Uint8Array(0);
  for (const bytes of chunks()) {
    only = bytes;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (++count > 1) await nextTurn();
    signal?.throwIfAborted();
  }
  if (count <= 1) return target.addFile(path, only, crc);
  await target.beginFile(path, size, crc);
  for (const bytes of chunks()) {
    await target.writeData(bytes);
    await nextTurn();
    signal?.throwIfAborted();
  }
  await target.endFile();
}

/** Append one batch's bytes to the target. */
async function writeBatch(target: EntryTarget, batch: EncodedBatch): Promise<void> {
  if (batch.kind === 'npy') {
    await target.writeData(batch.data, batch.crc32);
    return;
  }
  if (batch.framed !== undefined) {
    if (target.addFramedFiles) await target.addFramedFiles(batch.framed);
    else for (const f of framedFiles(batch.framed)) await target.addFile(f.path, f.data, f.crc32);
  }
  for (const f of batch.files) await target.addFile(f.path, f.data, f.crc32);
}

/**
 * Write the dataset `recipe` describes (validated again here, so the recipe.json bytes are canonical)
 * into `target`; the caller finishes the zip or commits the folder. Throws the signal's reason when
 * aborted, and `RecipeError` for a bad recipe.
 */
export async function exportDataset(
  recipeInput: SyntheticRecipe,
  target: EntryTarget,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const recipe = validateRecipe(recipeInput);
  const signal = options.signal;
  const datasetRows = totalRows(recipe);
  const rows = options.shard
    ? shardRows(datasetRows, options.shard.index, options.shard.count)
    : { start: 0, end: datasetRows };
  const runBatch =
    options.runBatch ?? ((range: RowRange) => Promise.resolve(encodeRows(recipe, range, { signal })));
  const batches = planBatches(rows, options.batchRows ?? defaultBatchRows(recipe));
  const inFlight = Math.max(1, Math.floor(options.inFlight ?? 1));

  signal?.throwIfAborted();
  await target.addFile('recipe.json', encodeUtf8(recipeJson(recipe)));
  await target.addFile(
    'README.txt',
    encodeUtf8(datasetReadme(recipe, options.shard ? { ...options.shard, rows } : undefined)),
  );
  await writeTextFile(target, 'labels.csv', () => labelsChunks(recipe, rows), signal);
  if (recipe.output === 'wfdb')
    await writeTextFile(target, 'wfdb/RECORDS', () => recordsChunks(recipe, rows), signal);
  if (recipe.output === 'npy') {
    const header = npyHeaderFloat32([rows.end - rows.start, samplesPerRecord(recipe)]);
    await target.beginFile(
      'signals.npy',
      header.length + (rows.end - rows.start) * samplesPerRecord(recipe) * 4,
    );
    await target.writeData(header, crc32(header));
  }

  // Batches requested ahead run concurrently; each is written when its turn comes.
  const pending = new Map<number, Promise<EncodedBatch>>();
  let requested = 0;
  const request = () => {
    const p = runBatch(batches[requested]);
    p.catch(() => {}); // a batch still running when another fails must not be an unhandled rejection
    pending.set(requested++, p);
  };
  const total = rows.end - rows.start;
  options.onProgress?.(0, total);
  let lastTurnMs = Date.now();
  for (let i = 0; i < batches.length; i++) {
    while (requested < batches.length && requested < i + inFlight) request();
    const batch = await pending.get(i)!;
    pending.delete(i);
    signal?.throwIfAborted();
    if (batch.start !== batches[i].start || batch.end !== batches[i].end) {
      throw new Error(
        `batch ${i}: rows ${batch.start}-${batch.end} came back for ${batches[i].start}-${batches[i].end}`,
      );
    }
    await writeBatch(target, batch);
    options.onBatchWritten?.(batch);
    options.onProgress?.(batch.end - rows.start, total);
    if (Date.now() - lastTurnMs > 50) {
      await nextTurn(); // let a cancel through when every call above completed synchronously
      lastTurnMs = Date.now();
    }
  }
  if (recipe.output === 'npy') await target.endFile();
  return { rows, datasetRows };
}
