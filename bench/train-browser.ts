/**
 * In-browser training benchmark: the studio's training worker (src/workers/train.worker.ts, served by the
 * e2e harness page under the studio's CSP) in Debian's headless Chromium trains the reference CNN
 * (conv1d 16 k7 → maxpool 2 → conv1d 32 k7 → global average pool → dense), batch 64, on each backend the
 * browser offers: WebGPU (--enable-unsafe-webgpu; a software adapter where there is no GPU), WebGL
 * (OffscreenCanvas in the worker) and WASM. Each backend trains `--epochs` epochs (default 3) on
 * `--samples` windows (default 256) of 1000 and of 5000 samples; the figure is the median of the epochs
 * after the first (the first compiles shaders and kernels).
 *
 * Run: `npx tsx bench/train-browser.ts [--samples 256] [--epochs 3]` or `npm run bench train-browser`.
 * Prints one JSON line per backend and input length on stdout:
 * {"bench":"train","where":"browser","backend":…,"model":"cnn","inputLength":…,"batch":64,"threads":…,
 *  "samples":…,"trainSamplesPerSec":…}; a backend the browser cannot start prints a line with "error".
 * Logs go to stderr.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { openHarness, startHarness } from '../e2e/train-worker/harness.ts';
import { argValue, benchLog, CHROMIUM_ARGS, CHROMIUM_PATH, median } from './browser-kit.ts';

const log = benchLog('train-browser');

const BACKENDS = ['webgpu', 'webgl', 'wasm'] as const;
const INPUT_LENGTHS = [1000, 5000];
const BATCH = 64;

const samples = argValue('--samples', 256);
const epochs = Math.max(2, argValue('--epochs', 3));
const harness = await startHarness('bench-train-browser');
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu', '--enable-features=Vulkan'],
});
try {
  for (const backend of BACKENDS) {
    for (const inputLength of INPUT_LENGTHS) {
      const page = await browser.newPage();
      await openHarness(page, harness.origin, []);
      log(
        `${backend}, ${samples} windows of ${inputLength} samples, ${epochs} epochs (load ${loadavg()[0]})`,
      );
      const r = await page.evaluate(
        async ({ backend, inputLength, samples, epochs, batch }) => {
          const init = await window.trainWorker({ type: 'init', id: 1, backend });
          if (init.reply.type !== 'ready' || init.reply.backend !== backend)
            return { error: JSON.stringify(init.reply), rates: [], threads: 0 };
          const x = new Float32Array(samples * inputLength);
          const y = new Int32Array(samples);
          for (let i = 0; i < samples; i++) {
            y[i] = i % 2;
            const period = y[i] ? 6 : 16;
            for (let t = 0; t < inputLength; t++)
              x[i * inputLength + t] = Math.sin((2 * Math.PI * t) / period + i) + 0.1 * Math.random();
          }
          const set = { x, y, n: samples, inputLength };
          const fit = await window.trainWorker({
            type: 'fit',
            id: 2,
            spec: { arch: 'cnn', depth: 2, width: 16, inputLength, nClasses: 2 },
            train: set,
            validation: { x: x.subarray(0, 2 * inputLength), y: y.subarray(0, 2), n: 2, inputLength },
            settings: {
              epochs,
              batchSize: batch,
              learningRate: 0.001,
              patience: 0,
              seed: 1,
              maskFraction: 0.1,
              shiftMaxSamples: 10,
            },
          });
          if (fit.reply.type !== 'fitted') return { error: JSON.stringify(fit.reply), rates: [], threads: 0 };
          return {
            error: null,
            rates: fit.epochs.slice(1).map((e) => e.samplesPerSec),
            // Multi-threaded WASM needs cross-origin isolation, which the harness page does not have.
            threads: crossOriginIsolated ? navigator.hardwareConcurrency : 1,
          };
        },
        { backend, inputLength, samples, epochs, batch: BATCH },
      );
      await page.close();
      const line = {
        bench: 'train',
        where: 'browser',
        backend,
        model: 'cnn',
        inputLength,
        batch: BATCH,
        threads: backend === 'wasm' ? r.threads : 1,
        samples,
        ...(r.error === null
          ? { trainSamplesPerSec: Number(median(r.rates).toFixed(1)) }
          : { error: r.error.slice(0, 300) }),
        loadAvg1m: Number(loadavg()[0].toFixed(2)),
      };
      process.stdout.write(JSON.stringify(line) + '\n');
    }
  }
} finally {
  await browser.close();
  await harness.close();
}
