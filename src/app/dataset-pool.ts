/**
 * The studio's export worker pool: one module worker per core (capped), each given the recipe once.
 * `runBatch` hands a batch of rows to the least loaded worker (up to PER_WORKER queued at each, so a
 * worker never waits for the main thread between two batches) and resolves with its encoded bytes and
 * CRC-32s; `exportDataset` writes the batches in row order, so the bytes never depend on the pool.
 * Buffers of written batches come back with `recycle` and go out again with the next requests, so the
 * workers refill them instead of allocating (and the main thread freeing) new memory per batch.
 */
import type { EncodedBatch } from '../dataset/encode-rows.ts';
import type { RowRange } from '../dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../dataset/recipe.ts';
import type { ExportWorkerReply } from '../workers/export-protocol.ts';

/** Most export workers, whatever the core count (each holds about 2 MiB of batches in flight). */
export const MAX_EXPORT_WORKERS = 8;
/** Batches queued at one worker. */
const PER_WORKER = 2;

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
  private readonly load = new Map<Worker, number>();
  private readonly queue: Task[] = [];
  private readonly sent = new Map<number, Task>();
  private readonly freeBuffers: ArrayBuffer[] = [];
  /** Each worker's time spent encoding, ms, as its last batch reported it. */
  private readonly busy = new Map<Worker, number>();
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
      this.load.set(w, 0);
      return w;
    });
  }

  /** Encode rows `range` on a worker. */
  runBatch(range: RowRange): Promise<EncodedBatch> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, range, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Take back a written batch's (first) buffer: a later request carries it to a worker to refill. A
   * buffer the archive sink adopted (detached here) comes back later through `recycleBuffer`.
   */
  recycle(batch: EncodedBatch): void {
    const data = batch.kind === 'npy' ? batch.data : batch.files[0]?.data;
    if (data !== undefined) this.recycleBuffer(data.buffer as ArrayBuffer);
  }

  /** Take back a batch buffer to refill (ignored when detached, or when enough are waiting). */
  recycleBuffer(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0 && !this.closed && this.freeBuffers.length < this.workers.length * PER_WORKER) {
      this.freeBuffers.push(buffer);
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Worker | undefined;
      for (const w of this.workers) {
        const n = this.load.get(w)!;
        if (n < PER_WORKER && (best === undefined || n < this.load.get(best)!)) best = w;
      }
      if (best === undefined) return;
      const task = this.queue.shift()!;
      this.sent.set(task.id, task);
      this.load.set(best, this.load.get(best)! + 1);
      const buffer = this.freeBuffers.pop();
      const request = { type: 'batch', id: task.id, start: task.range.start, end: task.range.end };
      if (buffer) best.postMessage({ ...request, buffer }, [buffer]);
      else best.postMessage(request);
    }
  }

  private done(w: Worker, reply: ExportWorkerReply): void {
    const task = reply.type === 'batch' || reply.type === 'error' ? this.sent.get(reply.id) : undefined;
    if (!task) {
      this.fail(new Error(`an export worker sent an unexpected ${reply.type} reply`));
      return;
    }
    this.sent.delete(task.id);
    this.load.set(w, this.load.get(w)! - 1);
    if (reply.type === 'error') task.reject(new Error(`export worker: ${reply.message}`));
    else if (reply.type === 'batch') {
      this.busy.set(w, reply.busyMs);
      task.resolve(reply.batch);
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.close(error);
  }

  /** The workers' time spent encoding so far, ms, summed over the workers. */
  busyMs(): number {
    let sum = 0;
    for (const ms of this.busy.values()) sum += ms;
    return sum;
  }

  /** Stop every worker at once; batches still pending are rejected with `reason`. */
  close(reason: Error = new Error('the export was stopped')): void {
    if (!this.closed) this.closed = reason;
    for (const t of [...this.sent.values(), ...this.queue]) t.reject(this.closed);
    this.sent.clear();
    this.queue.length = 0;
    this.freeBuffers.length = 0;
    for (const w of this.workers) w.terminate();
  }
}
