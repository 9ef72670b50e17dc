/**
 * The same recipe and seed give the identical Float32Array in the browser's worker and in Node: the
 * strip the studio plotted is compared sample for sample with `synthesize` run here, in Node.
 */
import { synthesize, validateParams } from '../src/synth/index.ts';
import { expect, test } from './fixtures.ts';

for (const hash of ['', '#preset=default&seed=99&fsHz=360&noiseUnit=dB', '#preset=nonaka2026&seed=7']) {
  test(`the worker's samples equal Node's exactly (${hash || 'defaults'})`, async ({ studio }) => {
    await studio.open(hash);
    await studio.whenIdle();
    const params = validateParams(await studio.params());
    const strip = await studio.strip();
    const node = synthesize(params).signalMv;
    expect(strip.mv.length).toBe(node.length);
    expect(strip.mv).toEqual(Array.from(node));
  });
}
