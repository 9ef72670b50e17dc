/**
 * A `pqrst generate` worker thread: encodes batches of rows with the pure encoder and posts them back
 * (buffers transferred). With `writeDir` (a folder export of per-record files), it writes the rows'
 * files into that folder itself and posts the batch without them, so file creation runs in parallel.
 * CRCs are computed only for zip archives (`crc`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { batchTransferables, encodeRows } from '../dataset/encode-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import type { BatchReply, BatchRequest } from './generate-pool.ts';

const { recipe, writeDir, crc } = workerData as { recipe: SyntheticRecipe; writeDir?: string; crc: boolean };
const madeDirs = new Set<string>();
/** With `writeDir`, the batch's byte arena stays here: reused for the next batch. */
let keptBuffer: ArrayBuffer | undefined;

parentPort?.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    // Zip exports: files come framed as zip entries, so the writing thread appends one block per batch.
    const batch = encodeRows(recipe, request, {
      crc,
      buffer: request.buffer ?? keptBuffer,
      zipFramed: crc && recipe.output !== 'npy',
    });
    if (writeDir !== undefined && batch.kind === 'files') {
      keptBuffer = batch.files[0]?.data.buffer as ArrayBuffer | undefined;
      for (const f of batch.files) {
        const path = join(writeDir, f.path);
        const dir = dirname(path);
        if (!madeDirs.has(dir)) {
          mkdirSync(dir, { recursive: true });
          madeDirs.add(dir);
        }
        writeFileSync(path, f.data);
      }
      batch.files = [];
    }
    reply = { id: request.id, batch };
    parentPort?.postMessage(reply, batchTransferables(batch));
  } catch (e) {
    reply = { id: request.id, error: (e as Error).stack ?? String(e) };
    parentPort?.postMessage(reply);
  }
});
