/**
 * The studio's export worker pool: one module worker per core (capped), each given the recipe once.
 * `runBatch` hands a batch of rows to the next idle worker and resolves with its encoded bytes and
 * CRC-32s; `exportDataset` writes the batches in row order, so the bytes never depend on the pool.
 */
import type { EncodedBatch } from '../dataset/encode-rows.ts';
import type { RowRange } from '../dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import type { ExportWorkerReply } from '../workers/export-protocol.ts';

/** Most export workers, whatever the core count (each holds about 2 MiB of batches in flight). */
export const MAX_EXPORT_WORKERS = 8;

/** Workers for `batches` batches on this machine: one per core, at most MAX_EXPORT_WORKERS. */
export function exportWorkerCount(batches: number, cores = navigator.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(cores, MAX_EXPORT_WORKERS, batches));
}

interface Task {
  id: number;
  range: RowRange;
  resolve: (batch: EncodedBatch) => void;
  reject: (error: Error) => void;
}

/** Web workers encoding batches of one recipe. */
export class ExportPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private nextId = 1;
  private closed: Error | null = null;

  /** Start `size` workers for `recipe`. */
  constructor(
    recipe: SyntheticRecipe,
    readonly size: number,
  ) {
    this.workers = Array.from({ length: size }, (_, i) => {
      const w = new Worker(new URL('../workers/export.worker.ts', import.meta.url), {
        type: 'module',
        name: `export-${i + 1}`,
      });
      w.onmessage = (event: MessageEvent<ExportWorkerReply>) => this.done(w, event.data);
      w.onerror = (event) => {
        event.preventDefault();
        this.fail(new Error(`an export worker failed: ${event.message || 'could not start'}`));
      };
      w.postMessage({ type: 'init', recipe });
      this.idle.push(w);
      return w;
    });
  }

  /** Encode rows `range` on the next idle worker. */
  runBatch(range: RowRange): Promise<EncodedBatch> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, range, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(w, task);
      w.postMessage({ type: 'batch', id: task.id, start: task.range.start, end: task.range.end });
    }
  }

  private done(w: Worker, reply: ExportWorkerReply): void {
    const task = this.running.get(w);
    if (!task || (reply.type !== 'batch' && reply.type !== 'error') || reply.id !== task.id) {
      this.fail(new Error(`an export worker sent an unexpected ${reply.type} reply`));
      return;
    }
    this.running.delete(w);
    this.idle.push(w);
    if (reply.type === 'error') task.reject(new Error(`export worker: ${reply.message}`));
    else task.resolve(reply.batch);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.close(error);
  }

  /** Stop every worker at once; batches still pending are rejected with `reason`. */
  close(reason: Error = new Error('the export was stopped')): void {
    if (!this.closed) this.closed = reason;
    for (const t of [...this.running.values(), ...this.queue]) t.reject(this.closed);
    this.running.clear();
    this.queue.length = 0;
    for (const w of this.workers) w.terminate();
  }
}
