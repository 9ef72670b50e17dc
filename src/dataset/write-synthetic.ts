/**
 * Dataset folders: the `DatasetSink` a folder writer implements (a Node folder in the CLI), the
 * `EntryTarget` over it, and `writeSyntheticDataset`, the one-thread export of a recipe into a sink.
 * Pure: the sink does the I/O.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { exportDataset, type EntryTarget, type ExportSummary, type ShardChoice } from './export-dataset.ts';
import type { SyntheticRecipe } from './recipe.ts';

/** Where dataset files go. Paths use '/' and are relative to the dataset folder. */
export interface DatasetSink {
  /** Write a whole file. */
  writeFile(path: string, data: Uint8Array | string): void | Promise<void>;
  /** Append to a file, creating it on first use. */
  appendFile(path: string, data: Uint8Array | string): void | Promise<void>;
}

/** An `EntryTarget` writing each entry as a file of `sink` (CRCs are not needed and are ignored). */
export function folderTarget(sink: DatasetSink): EntryTarget {
  let open: string | undefined;
  return {
    async addFile(path, data) {
      await sink.writeFile(path, data);
    },
    async beginFile(path) {
      open = path;
      await sink.writeFile(path, new Uint8Array(0));
    },
    async writeData(chunk) {
      if (open === undefined) throw new Error('folderTarget: writeData with no file begun');
      await sink.appendFile(open, chunk);
    },
    async endFile() {
      open = undefined;
    },
  };
}

/** Options of `writeSyntheticDataset`. */
export interface WriteOptions {
  signal?: AbortSignalLike;
  /** Write only this shard's rows. */
  shard?: ShardChoice;
  /** Called after each batch with the rows done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Write every file of the dataset `recipe` describes into `sink`, on this thread. */
export async function writeSyntheticDataset(
  recipe: SyntheticRecipe,
  sink: DatasetSink,
  options: WriteOptions = {},
): Promise<ExportSummary> {
  return exportDataset(recipe, folderTarget(sink), options);
}
