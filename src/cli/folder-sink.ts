/**
 * A dataset sink that writes into a temporary folder beside the target and renames it into place only
 * when every file is written, so an interrupted run leaves nothing that looks complete.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DatasetSink } from '../dataset/write-synthetic.ts';

/** A folder sink with `commit` (rename into place) and `discard`. */
export interface FolderSink extends DatasetSink {
  /** The temporary folder being written. */
  readonly tempDir: string;
  /** Move the finished folder to its final path. */
  commit(): void;
  /** Remove the temporary folder. */
  discard(): void;
}

/** Create the temporary folder for `outDir` (throws the fs error when it cannot be created). */
export function createFolderSink(outDir: string): FolderSink {
  const tempDir = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`);
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });
  const made = new Set<string>();
  const ensureDir = (path: string) => {
    const dir = dirname(join(tempDir, path));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
  };
  return {
    tempDir,
    // Asynchronous writes also let SIGINT/SIGTERM handlers run between records.
    async writeFile(path, data) {
      ensureDir(path);
      await writeFile(join(tempDir, path), data);
    },
    async appendFile(path, data) {
      ensureDir(path);
      await appendFile(join(tempDir, path), data);
    },
    commit() {
      renameSync(tempDir, outDir);
    },
    discard() {
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
