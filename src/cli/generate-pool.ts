/**
 * A pool of worker threads for `pqrst generate`: each batch of rows goes to the next idle worker, and
 * `runBatch` resolves with the encoded batch. Results come back in any order; `exportDataset` writes
 * them in row order.
 */
import { Worker } from 'node:worker_threads';
import type { EncodedBatch } from '../dataset/encode-rows.ts';
import type { RowRange } from '../dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';

/** A request to a worker. */
export interface BatchRequest extends RowRange {
  id: number;
}

/** A worker's reply: the batch, or the error that stopped it. */
export type BatchReply = { id: number; batch: EncodedBatch } | { id: number; error: string };

interface Task {
  request: BatchRequest;
  resolve: (batch: EncodedBatch) => void;
  reject: (error: Error) => void;
}

/** Worker threads encoding batches of one recipe. */
export class GeneratePool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly workers: Worker[];
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
      this.idle.push(w);
      return w;
    });
  }

  /** Encode rows `range` on the next idle worker. */
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

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(w, task);
      w.postMessage(task.request);
    }
  }

  private done(w: Worker, reply: BatchReply): void {
    const task = this.running.get(w);
    this.running.delete(w);
    this.idle.push(w);
    if (task) {
      if ('error' in reply) task.reject(new Error(`generate worker: ${reply.error}`));
      else task.resolve(reply.batch);
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = error;
    for (const t of [...this.running.values(), ...this.queue]) t.reject(error);
    this.running.clear();
    this.queue.length = 0;
    void this.close();
  }

  /** Stop every worker; batches still pending are rejected. */
  async close(): Promise<void> {
    if (!this.closed) this.closed = new Error('the generate pool was closed');
    for (const t of [...this.running.values(), ...this.queue]) t.reject(this.closed);
    this.running.clear();
    this.queue.length = 0;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
