/**
 * A pool of worker threads for `pqrst generate`: each batch of rows goes to the least busy worker, up
 * to two per worker (so a worker finds its next batch waiting instead of idling for a round trip), and
 * `runBatch` resolves with the encoded batch. Results come back in any order; `exportDataset` writes
 * them in row order. npy buffers handed back with `recycle` are reused by the workers.
 */
import { Worker } from 'node:worker_threads';
import type { EncodedBatch } from '../dataset/encode-rows.ts';
import type { RowRange } from '../dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';

/** A request to a worker, with a buffer to reuse for npy samples when one is free. */
export interface BatchRequest extends RowRange {
  id: number;
  buffer?: ArrayBuffer;
}

/** A worker's reply: the batch, or the error that stopped it. */
export type BatchReply = { id: number; batch: EncodedBatch } | { id: number; error: string };

interface Task {
  request: BatchRequest;
  resolve: (batch: EncodedBatch) => void;
  reject: (error: Error) => void;
}

/** Batches sent ahead to one worker. */
const PER_WORKER = 2;

/** Worker threads encoding batches of one recipe. */
export class GeneratePool {
  private readonly queue: Task[] = [];
  private readonly sent = new Map<number, Task>();
  private readonly load = new Map<Worker, number>();
  private readonly workers: Worker[];
  /** npy buffers handed back after their batch was written, for the next requests. */
  private readonly freeBuffers: ArrayBuffer[] = [];
  private nextId = 0;
  private closed: Error | undefined;

  /**
   * Start `size` workers for a zip (`zip`: they compute CRCs) or a folder export; with `writeDir`,
   * workers write per-record files into it themselves.
   */
  constructor(recipe: SyntheticRecipe, size: number, zip: boolean, writeDir?: string) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL('./generate-worker.js', import.meta.url), {
        workerData: { recipe, writeDir, crc: zip },
      });
      w.on('message', (reply: BatchReply) => this.done(w, reply));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a generate worker exited with code ${code}`));
      });
      this.load.set(w, 0);
      return w;
    });
  }

  /** Encode rows `range` on a worker. */
  runBatch(range: RowRange): Promise<EncodedBatch> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { id: this.nextId++, start: range.start, end: range.end },
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  /** Take back a written batch's (npy, framed or first) buffer, so workers refill it instead of new memory. */
  recycle(batch: EncodedBatch): void {
    const data = batch.kind === 'npy' ? batch.data : (batch.framed ?? batch.files[0]?.data);
    if (data !== undefined && this.freeBuffers.length < this.workers.length * 8) {
      this.freeBuffers.push(data.buffer as ArrayBuffer);
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Worker | undefined;
      for (const w of this.workers)
        if (this.load.get(w)! < PER_WORKER && (!best || this.load.get(w)! < this.load.get(best)!)) best = w;
      if (!best) return;
      const task = this.queue.shift()!;
      this.sent.set(task.request.id, task);
      this.load.set(best, this.load.get(best)! + 1);
      const buffer = this.freeBuffers.pop();
      if (buffer) best.postMessage({ ...task.request, buffer }, [buffer]);
      else best.postMessage(task.request);
    }
  }

  private done(w: Worker, reply: BatchReply): void {
    this.load.set(w, this.load.get(w)! - 1);
    const task = this.sent.get(reply.id);
    this.sent.delete(reply.id);
    if (task) {
      if ('error' in reply) task.reject(new Error(`generate worker: ${reply.error}`));
      else task.resolve(reply.batch);
    }
    this.dispatch();
  }

  private rejectAll(error: Error): void {
    for (const t of [...this.sent.values(), ...this.queue]) t.reject(error);
    this.sent.clear();
    this.queue.length = 0;
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = error;
    this.rejectAll(error);
    void this.close();
  }

  /** Stop every worker; batches still pending are rejected. */
  async close(): Promise<void> {
    if (!this.closed) this.closed = new Error('the generate pool was closed');
    this.rejectAll(this.closed);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
