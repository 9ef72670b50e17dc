/**
 * The training worker (src/workers/train.worker.ts) in headless Chromium, under the studio's own CSP:
 * it starts WebGL (on an OffscreenCanvas) or WASM (binaries served from our origin), trains the
 * reference CNN for 2 epochs at test scale, predicts, and stops a fit when cancelled. The studio does not
 * open this worker yet, so the spec builds a small harness page (e2e/train-worker/) and serves it.
 * WebGPU: train-worker-webgpu.spec.ts.
 */
import { expect, test } from '@playwright/test';
import {
  examples,
  expectTrained,
  openHarness,
  startHarness,
  trainTwoEpochs,
} from './train-worker/harness.ts';

let harness: Awaited<ReturnType<typeof startHarness>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  harness = await startHarness('train-worker');
});

test.afterAll(async () => harness?.close());

test('trains 2 epochs on WebGL (OffscreenCanvas) and reports the backend', async ({ page }) => {
  const problems: string[] = [];
  await openHarness(page, harness.origin, problems);
  expectTrained(await trainTwoEpochs(page, 'webgl'), 'webgl');
  expect(problems).toEqual([]);
});

test('trains 2 epochs on WASM served from its own origin under the studio CSP', async ({ page }) => {
  const problems: string[] = [];
  await openHarness(page, harness.origin, problems);
  expectTrained(await trainTwoEpochs(page, 'wasm'), 'wasm');
  expect(problems).toEqual([]);
});

test('a cancelled fit stops mid-run and says it was cancelled', async ({ page }) => {
  await openHarness(page, harness.origin, []);
  const reply = await page.evaluate(async (train) => {
    await window.trainWorker({ type: 'init', id: 1, backend: 'wasm' });
    const set = {
      x: Float32Array.from(train.x),
      y: Int32Array.from(train.y),
      n: train.n,
      inputLength: train.inputLength,
    };
    const run = window.trainWorker({
      type: 'fit',
      id: 2,
      spec: { arch: 'cnn', depth: 2, width: 16, inputLength: train.inputLength, nClasses: 2 },
      train: set,
      validation: set,
      settings: {
        epochs: 500,
        batchSize: 8,
        learningRate: 0.01,
        patience: 0,
        seed: 1,
        maskFraction: 0,
        shiftMaxSamples: 0,
      },
    });
    setTimeout(() => window.postToTrainWorker({ type: 'cancel', id: 2 }), 300);
    return run;
  }, examples(64));
  expect(reply.reply).toMatchObject({ type: 'failed', cancelled: true });
  expect(reply.epochs.length).toBeLessThan(500);
});
