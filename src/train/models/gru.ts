/**
 * GRU over patch embeddings: the window is cut into `tokenCount` patches, each embedded by a linear
 * map (a conv1d whose kernel and stride are the patch length), then `depth` stacked GRU layers of
 * `width` units; the last layer's final state feeds the classifier. Recurrent kernels start orthogonal
 * (one block per gate).
 */
import { tensor2d } from '@tensorflow/tfjs-core';
import {
  layers,
  model as functionalModel,
  type LayersModel,
  type SymbolicTensor,
} from '@tensorflow/tfjs-layers';
import { orthogonalBlocks } from './orthogonal.ts';
import type { ModelSpec } from '../types.ts';
import { patchLength } from './patches.ts';
import type { InitSource } from './seeds.ts';

/** Build the GRU model for `spec`; the output is class logits. */
export function buildGru(spec: ModelSpec, init: InitSource): LayersModel {
  const input = layers.input({ shape: [spec.inputLength, 1] });
  const p = patchLength(spec.inputLength);
  let h = layers
    .conv1d({
      filters: spec.width,
      kernelSize: p,
      strides: p,
      padding: 'valid',
      kernelInitializer: init.glorot(),
    })
    .apply(input) as SymbolicTensor;
  const grus = [];
  for (let i = 0; i < spec.depth; i++) {
    const gru = layers.gru({
      units: spec.width,
      returnSequences: i < spec.depth - 1,
      kernelInitializer: init.glorot(),
      recurrentInitializer: 'zeros',
    });
    h = gru.apply(h) as SymbolicTensor;
    grus.push(gru);
  }
  const logits = layers.dense({ units: spec.nClasses, kernelInitializer: init.glorot() }).apply(h);
  const model = functionalModel({ inputs: input, outputs: logits as SymbolicTensor, name: 'gru' });
  for (const gru of grus) {
    const [kernel, , bias] = gru.getWeights();
    const recurrent = tensor2d(orthogonalBlocks(spec.width, 3, init.seed()), [spec.width, 3 * spec.width]);
    gru.setWeights([kernel, recurrent, bias]);
    recurrent.dispose();
  }
  return model;
}
