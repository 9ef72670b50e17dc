// worker_threads entry: synthesize records of one case for `ms` milliseconds and report the count.
import { parentPort, workerData } from 'node:worker_threads';
import { synthesize } from '../src/synth/index.ts';
import { caseParams, CASES } from './synth-rate.ts';

const { caseIndex, ms, seedBase } = workerData as { caseIndex: number; ms: number; seedBase: number };
const params = caseParams(CASES[caseIndex]);
let seed = seedBase;
const out = new Float32Array(Math.round(params.durationS * params.fsHz));
const warmUntil = performance.now() + 300;
while (performance.now() < warmUntil) synthesize({ ...params, seed: seed++ }, { out });
parentPort?.postMessage('ready');
parentPort?.once('message', () => {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) {
    synthesize({ ...params, seed: seed++ }, { out });
    n++;
  }
  parentPort?.postMessage({ n, seconds: (performance.now() - t0) / 1000 });
});
