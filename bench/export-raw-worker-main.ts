// Raw synthesis for the export benchmark: synthesize rows [start, end) of a recipe into one reused
// buffer (no encoding, no CRC, no I/O) and report the seconds taken, after a short warm-up.
import { parentPort, workerData } from 'node:worker_threads';
import { rowInfo, samplesPerRecord } from '../src/dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../src/dataset/recipe.ts';
import { synthesize } from '../src/synth/index.ts';

const { recipe } = workerData as { recipe: SyntheticRecipe };
const out = new Float32Array(samplesPerRecord(recipe));
const run = (start: number, end: number) => {
  for (let row = start; row < end; row++) {
    const info = rowInfo(recipe, row);
    const params = recipe.classes.find((c) => c.className === info.className)!.params;
    synthesize({ ...params, seed: info.seed }, { out });
  }
};
run(0, 50);
parentPort?.postMessage('ready');
parentPort?.on('message', ({ start, end }: { start: number; end: number }) => {
  const t0 = performance.now();
  run(start, end);
  parentPort?.postMessage({ seconds: (performance.now() - t0) / 1000 });
});
