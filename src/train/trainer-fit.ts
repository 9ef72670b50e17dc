/**
 * The training loop (EXPERIMENT.md's recipe): per-sample z-score, seeded shuffling and augmentation
 * (random shift, random mask), Adam, class-weighted cross-entropy, validation after every epoch and
 * early stopping on validation loss, keeping the best epoch's weights. Every tensor made here is
 * disposed, so the live tensor count is the same after every epoch.
 */
import {
  dispose,
  tensor1d,
  tensor2d,
  tensor3d,
  train,
  type Tensor,
  type Variable,
} from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { createRng, fnv1a32 } from '../core/rng.ts';
import { buildModel } from './models/index.ts';
import { BatchBuffers, shuffleInPlace } from './trainer-batches.ts';
import { checkExamples, checkSameSpec, checkSettings } from './trainer-checks.ts';
import { lossAndAccuracy, weightedCrossEntropy } from './trainer-loss.ts';
import { layersModelOf, wrapLayersModel } from './trainer-model.ts';
import { predictProbabilities } from './trainer-predict.ts';
import { nowMs, yieldToEventLoop } from './trainer-yield.ts';
import type { EpochLog, ExampleSet, FitOptions, FitResult, ModelSpec, TrainSettings } from './types.ts';
import { zScoreRows } from './zscore.ts';

/** Yield to the event loop (for cancel messages) at most this often during an epoch. */
const YIELD_EVERY_MS = 50;

function freshModel(spec: ModelSpec, s: TrainSettings, options: FitOptions): LayersModel {
  const model = buildModel(spec, s.seed);
  if (options.initFrom) {
    checkSameSpec(spec, options.initFrom.spec);
    model.setWeights(layersModelOf(options.initFrom).getWeights());
  }
  return model;
}

/** One optimiser step on the first `count` rows of `batch`; returns the batch's mean loss. */
async function trainStep(
  model: LayersModel,
  optimizer: ReturnType<typeof train.adam>,
  variables: Variable[],
  batch: BatchBuffers,
  count: number,
): Promise<number> {
  const L = batch.length;
  const x = tensor3d(batch.x.subarray(0, count * L), [count, L, 1]);
  const y = tensor2d(batch.oneHot.subarray(0, count * batch.classes), [count, batch.classes]);
  const w = tensor1d(batch.weights.subarray(0, count));
  try {
    const loss = optimizer.minimize(
      () => weightedCrossEntropy(model.apply(x, { training: true }) as Tensor, y, w),
      true,
      variables,
    );
    if (!loss) throw new Error('training step returned no loss');
    try {
      return (await loss.data())[0];
    } finally {
      loss.dispose();
    }
  } finally {
    dispose([x, y, w]);
  }
}

/** Train a model for `spec` (see `Trainer.fit`). */
export async function fitModel(
  spec: ModelSpec,
  trainSet: ExampleSet,
  validation: ExampleSet,
  s: TrainSettings,
  options: FitOptions = {},
): Promise<FitResult> {
  checkSettings(s, spec);
  checkExamples('train', trainSet, spec);
  checkExamples('validation', validation, spec);
  if (trainSet.n === 0) throw new Error('train: no examples');
  const L = spec.inputLength;
  const classWeights = s.classWeights ?? new Float32Array(spec.nClasses).fill(1);
  const xTrain = zScoreRows(trainSet.x, trainSet.n, L);
  const xVal = zScoreRows(validation.x, validation.n, L);
  const augment = s.maskFraction > 0 || s.shiftMaxSamples > 0 ? s : null;
  const rng = createRng(s.seed, fnv1a32('fit'));
  const order = Int32Array.from({ length: trainSet.n }, (_, i) => i);
  const batch = new BatchBuffers(Math.min(s.batchSize, trainSet.n), L, spec.nClasses);

  const model = freshModel(spec, s, options);
  const variables = model.trainableWeights.map((v) => v.read() as Variable);
  const optimizer = train.adam(s.learningRate);
  const history: EpochLog[] = [];
  let best: { loss: number; epoch: number; weights: Tensor[] | null } = {
    loss: Infinity,
    epoch: 0,
    weights: null,
  };
  let sinceBest = 0;
  try {
    for (let epoch = 1; epoch <= s.epochs; epoch++) {
      const t0 = nowMs();
      let lastYield = t0;
      let pausedMs = 0;
      shuffleInPlace(order, rng);
      let lossSum = 0;
      for (let from = 0; from < trainSet.n; from += batch.capacity) {
        options.signal?.throwIfAborted();
        if (options.pauseGate) pausedMs += await options.pauseGate.wait(options.signal);
        const count = Math.min(batch.capacity, trainSet.n - from);
        batch.fill(xTrain, trainSet.y, order, from, count, classWeights, augment, rng);
        lossSum += (await trainStep(model, optimizer, variables, batch, count)) * count;
        options.onProgress?.((epoch - 1 + (from + count) / trainSet.n) / s.epochs);
        if (nowMs() - lastYield > YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = nowMs();
        }
      }
      const trainMs = nowMs() - t0 - pausedMs;
      const probs = await predictProbabilities(model, xVal, validation.n, L, spec.nClasses, options.signal);
      const val = lossAndAccuracy(probs, validation.y, validation.n, spec.nClasses, classWeights);
      // Without validation examples, the last epoch is kept.
      const score = validation.n > 0 ? val.loss : -epoch;
      if (score < best.loss) {
        dispose(best.weights ?? []);
        best = { loss: score, epoch, weights: model.getWeights().map((t) => t.clone()) };
        sinceBest = 0;
      } else sinceBest++;
      const log: EpochLog = {
        epoch,
        trainLoss: lossSum / trainSet.n,
        valLoss: val.loss,
        valAccuracy: val.accuracy,
        samplesPerSec: (trainSet.n / Math.max(trainMs, 1e-3)) * 1000,
        epochMs: nowMs() - t0 - pausedMs,
      };
      history.push(log);
      options.onEpoch?.(log);
      if (s.patience > 0 && sinceBest >= s.patience) break;
    }
    if (best.weights) model.setWeights(best.weights);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    dispose(best.weights ?? []);
    optimizer.dispose();
  }
  return { model: wrapLayersModel(spec, model), history, bestEpoch: best.epoch };
}
