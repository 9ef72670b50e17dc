/**
 * Gradients that tfjs-core computes wastefully, replaced by equivalent vectorised ones (for every
 * backend; `registerTrainingGradients` is called by createTrainer):
 * - Tile: tfjs-core loops over every repetition with one slice and one add each (1,600 kernel calls to
 *   tile a [16] vector over a [32, 50, 16] batch, as tfjs-layers' LayerNormalization does); here
 *   dx = Σ over the repetition axes of dy reshaped to [r0, a0, r1, a1, …], one reshape and one sum.
 * - Mean and Sum: tfjs-core multiplies dy by a ones tensor of x's shape, built element by element in
 *   JavaScript and uploaded each step (a third of a wasm ResNet step, with batch norm and average
 *   pooling over [64, 2500, 32]); here dy is broadcast (Tile) to x's shape.
 */
import {
  broadcastTo,
  div,
  getGradient,
  Mean,
  registerGradient,
  reshape,
  Sum,
  sum,
  Tile,
  unregisterGradient,
  util,
  type GradConfig,
  type NamedAttrMap,
  type Tensor,
} from '@tensorflow/tfjs-core';

/** Gradient config for Tile (any rank). */
export const tileGradConfig: GradConfig = {
  kernelName: Tile,
  inputsToSave: ['x'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const [x] = saved;
    const reps = attrs.reps as number[];
    return {
      x: () => {
        const shape: number[] = [];
        const axes: number[] = [];
        x.shape.forEach((a, i) => {
          axes.push(shape.length);
          shape.push(reps[i], a);
        });
        return sum(reshape(dy as Tensor, shape), axes);
      },
    };
  },
};

/** dy of a reduction over `attrs.axis` of x, broadcast back to x's shape. */
function broadcastBack(dy: Tensor, x: Tensor, attrs: NamedAttrMap): { grad: Tensor; reduced: number } {
  const axes = util.parseAxisParam(attrs.axis as number[], x.shape);
  const expanded = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const reduced = axes.reduce((n, a) => n * x.shape[a], 1);
  return { grad: broadcastTo(reshape(dy, expanded), x.shape), reduced };
}

/** Gradient config for Sum. */
export const sumGradConfig: GradConfig = {
  kernelName: Sum,
  inputsToSave: ['x'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => ({
    x: () => broadcastBack(dy as Tensor, saved[0], attrs).grad,
  }),
};

/** Gradient config for Mean. */
export const meanGradConfig: GradConfig = {
  kernelName: Mean,
  inputsToSave: ['x'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => ({
    x: () => {
      const { grad, reduced } = broadcastBack(dy as Tensor, saved[0], attrs);
      return div(grad, reduced);
    },
  }),
};

let registered = false;

/** Replace tfjs-core's Tile, Sum and Mean gradients with the ones above (once). */
export function registerTrainingGradients(): void {
  if (registered) return;
  for (const config of [tileGradConfig, sumGradConfig, meanGradConfig]) {
    if (getGradient(config.kernelName)) unregisterGradient(config.kernelName);
    registerGradient(config);
  }
  registered = true;
}
