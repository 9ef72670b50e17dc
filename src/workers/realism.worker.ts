/**
 * Module worker of the studio's Realism view: reads the real windows of the class from the import's
 * dataset files, synthesizes the synthetic side from its recipe (`recipeSet`: the samples
 * `pqrst generate --recipe` writes), and runs `realismRun`, the code of `pqrst realism`, with the
 * classifier test on the training engine (WASM, else CPU). Progress per stage; errors come back as
 * messages naming the reason.
 */
import {
  classCountsText,
  classSet,
  realismFiles,
  realismRecipe,
  realismRun,
  recipeSet,
} from '../analysis/realism/index.ts';
import { recipeJson } from '../dataset/recipe-validate.ts';
import { decodeNpy } from '../io/npy.ts';
import { datasetFromNpy, parseLabelsCsv } from '../train/experiment/labels-parse.ts';
import type { Trainer } from '../train/types.ts';
import type { RealismReply, RealismRequest, RealismWorkerStage } from './realism-protocol.ts';
import { createBrowserTrainer } from './tf-browser.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Smallest progress step reported. */
const PROGRESS_STEP = 0.01;

const trainers = new Map<string, Trainer>();

function send(reply: RealismReply): void {
  self.postMessage(reply);
}

async function trainerFor(backend: 'wasm' | 'cpu'): Promise<Trainer> {
  let t = trainers.get(backend);
  if (t === undefined) {
    t = await createBrowserTrainer(backend);
    trainers.set(backend, t);
  }
  return t;
}

async function run(req: RealismRequest): Promise<void> {
  const t0 = performance.now();
  let last = { stage: '', fraction: -1 };
  const progress = (stage: RealismWorkerStage, fraction: number): void => {
    if (stage === last.stage && fraction - last.fraction < PROGRESS_STEP && fraction < 1) return;
    last = { stage, fraction };
    send({ type: 'progress', id: req.id, stage, fraction });
  };
  const className = req.synthetic.className;
  const dataset = datasetFromNpy(
    decodeNpy(new Uint8Array(req.real.npy), 'signals.npy'),
    parseLabelsCsv(req.real.labelsCsv),
    'import',
  );
  const real = classSet(dataset, className);
  if (real === null) {
    throw new Error(
      `no imported windows of class ${className} (the import holds ${classCountsText(dataset)})`,
    );
  }
  const recipe = realismRecipe(req.synthetic, real.fsHz, real.windowSamples / real.fsHz);
  const synthetic = recipeSet(recipe, { onProgress: (done, total) => progress('synthesis', done / total) });
  const test: { trainer: Trainer } | { skipped: string } = req.classifier.run
    ? { trainer: await trainerFor(req.classifier.backend) }
    : { skipped: 'not run (classifier test off)' };
  const report = await realismRun(className, real, synthetic, test, {
    maxWindows: req.maxWindows,
    seed: req.classifier.seed,
    epochs: req.classifier.epochs,
    onProgress: progress,
  });
  send({
    type: 'done',
    id: req.id,
    report,
    files: realismFiles(report),
    recipeJson: recipeJson(recipe),
    backend: 'trainer' in test ? test.trainer.backend : null,
    elapsedMs: performance.now() - t0,
  });
}

self.onmessage = (event: MessageEvent<RealismRequest>) => {
  const req = event.data;
  run(req).catch((e: unknown) => {
    send({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  });
};
