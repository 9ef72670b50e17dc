/**
 * Small 1-D CNN. With depth 2 and width 16 it is the reference model of the benchmark:
 * conv1d 16 k7 → maxpool 2 → conv1d 32 k7 → global average pool → dense.
 * Block i has width·2^i channels (at most 8·width); a max-pool of 2 sits between blocks.
 */
import { layers, model as functionalModel, type LayersModel } from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../types.ts';
import type { InitSource } from './seeds.ts';

/** Kernel size of every convolution of the CNN. */
export const CNN_KERNEL = 7;

/** Build the CNN for `spec`; the output is class logits. */
export function buildCnn(spec: ModelSpec, init: InitSource): LayersModel {
  const input = layers.input({ shape: [spec.inputLength, 1] });
  let h = input;
  for (let i = 0; i < spec.depth; i++) {
    if (i > 0) h = layers.maxPooling1d({ poolSize: 2 }).apply(h) as typeof h;
    h = layers
      .conv1d({
        filters: spec.width * Math.min(8, 2 ** i),
        kernelSize: CNN_KERNEL,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: init.he(),
      })
      .apply(h) as typeof h;
  }
  h = layers.globalAveragePooling1d({}).apply(h) as typeof h;
  const logits = layers.dense({ units: spec.nClasses, kernelInitializer: init.glorot() }).apply(h);
  return functionalModel({ inputs: input, outputs: logits as typeof h, name: 'cnn' });
}
