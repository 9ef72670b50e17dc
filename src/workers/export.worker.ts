/**
 * Module worker of the studio's dataset export: encodes batches of rows (synthesis, file encoding and
 * CRC-32s, all here, off the main thread) with the same pure encoder as `pqrst generate`, and computes
 * the builder's preview. Buffers go back by transfer. A preview request superseded by a newer one before
 * it ran is dropped. The handler never throws: failures are answered with an `error` naming the request.
 */
import { batchTransferables, encodeRows } from '../dataset/encode-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import type { ExportWorkerReply, ExportWorkerRequest, PreviewRequest } from './export-protocol.ts';
import { computePreview, previewTransferables } from './export-preview.ts';

declare const self: DedicatedWorkerGlobalScope;

let recipe: SyntheticRecipe | null = null;
/** Time spent encoding batches so far, ms. */
let busyMs = 0;
let waitingPreview: PreviewRequest | null = null;

function send(reply: ExportWorkerReply, transfer: ArrayBuffer[] = []): void {
  self.postMessage(reply, transfer);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function runPreview(): void {
  const request = waitingPreview;
  waitingPreview = null;
  if (!request) return;
  try {
    const result = computePreview(request);
    send(result, previewTransferables(result));
  } catch (e) {
    send({ type: 'error', id: request.id, kind: 'preview', message: message(e) });
  }
}

self.onmessage = (event: MessageEvent<ExportWorkerRequest>) => {
  const request = event.data;
  switch (request?.type) {
    case 'init':
      recipe = request.recipe;
      return;
    case 'batch':
      try {
        if (!recipe) throw new Error('batch before init');
        const range = { start: request.start, end: request.end };
        const startMs = performance.now();
        const batch = encodeRows(recipe, range, { buffer: request.buffer });
        busyMs += performance.now() - startMs;
        send({ type: 'batch', id: request.id, batch, busyMs }, batchTransferables(batch));
      } catch (e) {
        send({ type: 'error', id: request.id, kind: 'batch', message: message(e) });
      }
      return;
    case 'preview':
      // Yield a task first, so a newer request already queued replaces this one.
      if (waitingPreview) send({ type: 'preview-dropped', id: waitingPreview.id });
      else setTimeout(runPreview, 0);
      waitingPreview = request;
      return;
    default:
      send({ type: 'error', id: -1, kind: 'batch', message: 'malformed request' });
  }
};
