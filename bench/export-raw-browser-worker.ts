/**
 * Raw synthesis in a browser worker, the export-browser bench's baseline: synthesize rows
 * [start, end) of a recipe into one reused buffer (no encoding, no CRC, nothing sent back but the
 * end). Built with vite next to the studio's build by the bench; not part of the studio.
 */
import { rowInfo, samplesPerRecord } from '../src/dataset/recipe-rows.ts';
import type { SyntheticRecipe } from '../src/dataset/recipe.ts';
import { synthesize } from '../src/synth/index.ts';

/** The worker's global scope, as far as this file uses it (bench files are typed without DOM libs). */
const scope = globalThis as unknown as {
  onmessage: (event: { data: { recipe: SyntheticRecipe; start: number; end: number } }) => void;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { recipe, start, end } = event.data;
  const out = new Float32Array(samplesPerRecord(recipe));
  for (let row = start; row < end; row++) {
    const info = rowInfo(recipe, row);
    const params = recipe.classes.find((c) => c.className === info.className)!.params;
    synthesize({ ...params, seed: info.seed }, { out });
  }
  scope.postMessage(end - start);
};
