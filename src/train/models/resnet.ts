/**
 * 1-D ResNet: a stem (conv k7 stride 2, batch norm, ReLU, max-pool 2), then `depth` basic residual
 * blocks (two conv k5 + batch norm, with a 1×1 projection shortcut when the shape changes). Block i > 0
 * halves the length; block i has width·2^i channels (at most 8·width).
 */
import {
  layers,
  model as functionalModel,
  type LayersModel,
  type SymbolicTensor,
} from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../types.ts';
import type { InitSource } from './seeds.ts';

function convBn(x: SymbolicTensor, filters: number, kernelSize: number, strides: number, init: InitSource) {
  const c = layers
    .conv1d({ filters, kernelSize, strides, padding: 'same', useBias: false, kernelInitializer: init.he() })
    .apply(x) as SymbolicTensor;
  return layers.batchNormalization({}).apply(c) as SymbolicTensor;
}

function residualBlock(
  x: SymbolicTensor,
  filters: number,
  strides: number,
  init: InitSource,
): SymbolicTensor {
  const inChannels = x.shape[x.shape.length - 1];
  let h = layers.reLU().apply(convBn(x, filters, 5, strides, init)) as SymbolicTensor;
  h = convBn(h, filters, 5, 1, init);
  const shortcut = strides !== 1 || inChannels !== filters ? convBn(x, filters, 1, strides, init) : x;
  return layers.reLU().apply(layers.add().apply([h, shortcut]) as SymbolicTensor) as SymbolicTensor;
}

/** Build the ResNet for `spec`; the output is class logits. */
export function buildResnet(spec: ModelSpec, init: InitSource): LayersModel {
  const input = layers.input({ shape: [spec.inputLength, 1] });
  let h = layers.reLU().apply(convBn(input, spec.width, 7, 2, init)) as SymbolicTensor;
  h = layers.maxPooling1d({ poolSize: 2 }).apply(h) as SymbolicTensor;
  for (let i = 0; i < spec.depth; i++) {
    h = residualBlock(h, spec.width * Math.min(8, 2 ** i), i === 0 ? 1 : 2, init);
  }
  h = layers.globalAveragePooling1d({}).apply(h) as SymbolicTensor;
  const logits = layers.dense({ units: spec.nClasses, kernelInitializer: init.glorot() }).apply(h);
  return functionalModel({ inputs: input, outputs: logits as SymbolicTensor, name: 'resnet' });
}
