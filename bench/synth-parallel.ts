// Synthesis rate with one worker thread per core (all start together after warming up).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { median } from './synth-rate.ts';

async function oneRound(workers: number, caseIndex: number, ms: number): Promise<number> {
  const pool = Array.from(
    { length: workers },
    (_, i) =>
      new Worker(new URL('./synth-worker.js', import.meta.url), {
        workerData: { caseIndex, ms, seedBase: i * 1e6 },
      }),
  );
  await Promise.all(pool.map((w) => new Promise((r) => w.once('message', r))));
  const results = pool.map((w) => new Promise<{ n: number; seconds: number }>((r) => w.once('message', r)));
  pool.forEach((w) => w.postMessage('go'));
  const done = await Promise.all(results);
  await Promise.all(pool.map((w) => w.terminate()));
  return done.reduce((s, d) => s + d.n / d.seconds, 0);
}

/** Records per second of case 0 (nsr, 10 s at 500 Hz, default noise) with one worker per core. */
export async function benchSynthParallel(): Promise<object[]> {
  const workers = availableParallelism();
  const rates: number[] = [];
  for (let r = 0; r < 3; r++) rates.push(await oneRound(workers, 0, 1500));
  return [
    {
      bench: 'synth',
      class: 'nsr',
      preset: 'default',
      fsHz: 500,
      seconds: 10,
      noise: 'default',
      workers,
      recordsPerSec: Math.round(median(rates)),
    },
  ];
}
