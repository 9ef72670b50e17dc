/**
 * Node side of the training-worker e2e specs: builds the harness page (index.html + main.ts, with the
 * studio's own CSP from index.html) with Vite, serves it on a free port, and drives the worker through
 * `window.trainWorker` (main.ts).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { build } from 'vite';
import type { EpochLog } from '../../src/train/types.ts';
import type { TrainReply, TrainRequest } from '../../src/workers/train-protocol.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
};
/** Samples per window at test scale. */
export const L = 200;

interface HarnessResult {
  reply: TrainReply;
  epochs: EpochLog[];
  progress: number[];
}

declare global {
  interface Window {
    trainWorker(req: TrainRequest): Promise<HarnessResult>;
    postToTrainWorker(req: TrainRequest): void;
  }
}

/** Build the harness into node_modules/.cache/pqrst-e2e-`name` and serve it; returns its origin. */
export async function startHarness(name: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const out = join(ROOT, `node_modules/.cache/pqrst-e2e-${name}`);
  const studioHtml = await readFile(join(ROOT, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(studioHtml)?.[1];
  if (!csp) throw new Error('index.html has no Content-Security-Policy meta');
  await build({
    configFile: false,
    root: join(ROOT, 'e2e/train-worker'),
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { target: 'es2022', outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 8000 },
    plugins: [{ name: 'studio-csp', transformIndexHtml: (html) => html.replace('__STUDIO_CSP__', csp) }],
  });
  const server = createServer(async (req, res) => {
    const path = normalize(join(out, new URL(req.url ?? '/', 'http://x').pathname));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      if (!file.startsWith(out)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** n windows of L samples: class 0 a slow sine, class 1 a fast one. */
export function examples(n: number) {
  const x = Array.from({ length: n * L }, (_, k) => {
    const i = Math.floor(k / L);
    return Math.sin((2 * Math.PI * (k % L)) / (i % 2 ? 6 : 16) + i);
  });
  return { x, y: Array.from({ length: n }, (_, i) => i % 2), n, inputLength: L };
}

/** Open the harness at `origin`, collecting page errors and console errors into `problems`. */
export async function openHarness(page: Page, origin: string, problems: string[]): Promise<void> {
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => typeof window.trainWorker === 'function');
}

/** Start `backend`, train the reference CNN 2 epochs on 64 windows, predict; returns what came back. */
export async function trainTwoEpochs(page: Page, backend: 'webgl' | 'webgpu' | 'wasm') {
  return page.evaluate(
    async ({ backend, train, val }) => {
      const toSet = (s: typeof train) => ({
        x: Float32Array.from(s.x),
        y: Int32Array.from(s.y),
        n: s.n,
        inputLength: s.inputLength,
      });
      const init = await window.trainWorker({ type: 'init', id: 1, backend });
      const spec = { arch: 'cnn' as const, depth: 2, width: 16, inputLength: train.inputLength, nClasses: 2 };
      const settings = {
        epochs: 2,
        batchSize: 32,
        learningRate: 0.01,
        patience: 0,
        seed: 1,
        maskFraction: 0.2,
        shiftMaxSamples: 10,
      };
      const fit = await window.trainWorker({
        type: 'fit',
        id: 2,
        spec,
        train: toSet(train),
        validation: toSet(val),
        settings,
      });
      const modelId = fit.reply.type === 'fitted' ? fit.reply.modelId : -1;
      const predict = await window.trainWorker({ type: 'predict', id: 3, modelId, examples: toSet(val) });
      const state = await window.trainWorker({ type: 'state', id: 4 });
      const probabilities = predict.reply.type === 'predicted' ? predict.reply.probabilities.length : -1;
      return { init: init.reply, fit, probabilities, state: state.reply };
    },
    { backend, train: examples(64), val: examples(16) },
  );
}

/** The replies of `trainTwoEpochs` show a trained model on `backend`. */
export function expectTrained(r: Awaited<ReturnType<typeof trainTwoEpochs>>, backend: string): void {
  expect(r.init).toMatchObject({ type: 'ready', backend });
  expect(r.fit.reply.type, JSON.stringify(r.fit.reply)).toBe('fitted');
  expect(r.fit.epochs.map((e) => e.epoch)).toEqual([1, 2]);
  for (const e of r.fit.epochs) expect(Number.isFinite(e.trainLoss) && Number.isFinite(e.valLoss)).toBe(true);
  expect(r.fit.progress.at(-1)).toBeCloseTo(1, 6);
  expect(r.probabilities).toBe(16 * 2);
  expect(r.state).toMatchObject({ type: 'state', backend, modelIds: [1] });
}
