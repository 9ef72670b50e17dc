/**
 * Small Transformer over patches: linear patch embedding (a conv1d with kernel = stride = patch length),
 * a learned position embedding, `depth` pre-norm encoder layers (self-attention and a 2·width ReLU
 * feed-forward, each with a residual), mean pooling over tokens and a dense classifier.
 */
import {
  layers,
  model as functionalModel,
  type LayersModel,
  type SymbolicTensor,
} from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../types.ts';
import { PositionEmbedding, SelfAttention } from './attention.ts';
import { patchLength } from './patches.ts';
import type { InitSource } from './seeds.ts';

/** Attention heads for a model width: 4 from width 32, 2 from width 8, else 1 (each must divide it). */
export function headCount(width: number): number {
  for (const h of [4, 2]) if (width >= 8 * h && width % h === 0) return h;
  return 1;
}

function encoderLayer(x: SymbolicTensor, width: number, init: InitSource): SymbolicTensor {
  const norm1 = layers.layerNormalization({}).apply(x) as SymbolicTensor;
  const attended = new SelfAttention({ numHeads: headCount(width), kernelInitializer: init.glorot() }).apply(
    norm1,
  );
  const h = layers.add().apply([x, attended as SymbolicTensor]) as SymbolicTensor;
  const norm2 = layers.layerNormalization({}).apply(h) as SymbolicTensor;
  const ff1 = layers
    .dense({ units: 2 * width, activation: 'relu', kernelInitializer: init.he() })
    .apply(norm2) as SymbolicTensor;
  const ff2 = layers.dense({ units: width, kernelInitializer: init.glorot() }).apply(ff1) as SymbolicTensor;
  return layers.add().apply([h, ff2]) as SymbolicTensor;
}

/** Build the Transformer for `spec`; the output is class logits. */
export function buildTransformer(spec: ModelSpec, init: InitSource): LayersModel {
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
  h = new PositionEmbedding({ embeddingsInitializer: init.normal(0.02) }).apply(h) as SymbolicTensor;
  for (let i = 0; i < spec.depth; i++) h = encoderLayer(h, spec.width, init);
  h = layers.layerNormalization({}).apply(h) as SymbolicTensor;
  h = layers.globalAveragePooling1d({}).apply(h) as SymbolicTensor;
  const logits = layers.dense({ units: spec.nClasses, kernelInitializer: init.glorot() }).apply(h);
  return functionalModel({ inputs: input, outputs: logits as SymbolicTensor, name: 'transformer' });
}
