/**
 * The model zoo: `buildModel(spec, seed)` builds any architecture of `ARCH_NAMES` as a tfjs-layers
 * model from [batch, inputLength, 1] to class logits, with seeded initial weights.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ArchName, ModelSpec } from '../types.ts';
import { buildCnn } from './cnn.ts';
import { buildGru } from './gru.ts';
import { tokenCount } from './patches.ts';
import { buildResnet } from './resnet.ts';
import { initSource, type InitSource } from './seeds.ts';
import { buildTransformer } from './transformer.ts';

const BUILDERS: Record<ArchName, (spec: ModelSpec, init: InitSource) => LayersModel> = {
  cnn: buildCnn,
  resnet: buildResnet,
  gru: buildGru,
  transformer: buildTransformer,
};

/** Throw a clear error when `spec` cannot be built. */
export function checkSpec(spec: ModelSpec): void {
  const bad = (field: string, why: string) => {
    throw new Error(`model spec: ${field} ${why}`);
  };
  if (!(spec.arch in BUILDERS))
    bad('arch', `must be one of ${Object.keys(BUILDERS).join(', ')}, got ${spec.arch}`);
  if (!Number.isInteger(spec.depth) || spec.depth < 1 || spec.depth > 16)
    bad('depth', `must be an integer 1-16`);
  if (!Number.isInteger(spec.width) || spec.width < 4 || spec.width > 512)
    bad('width', `must be an integer 4-512`);
  if (!Number.isInteger(spec.nClasses) || spec.nClasses < 2) bad('nClasses', 'must be an integer ≥ 2');
  const minLength =
    spec.arch === 'cnn' ? 2 ** (spec.depth - 1) : spec.arch === 'resnet' ? 4 * 2 ** spec.depth : 8;
  if (!Number.isInteger(spec.inputLength) || spec.inputLength < minLength) {
    bad('inputLength', `must be an integer ≥ ${minLength} for ${spec.arch} of depth ${spec.depth}`);
  }
  if ((spec.arch === 'gru' || spec.arch === 'transformer') && tokenCount(spec.inputLength) < 2) {
    bad('inputLength', 'too short to cut into patches');
  }
}

/** Build a fresh model for `spec` with initial weights drawn from `seed`. */
export function buildModel(spec: ModelSpec, seed: number): LayersModel {
  checkSpec(spec);
  return BUILDERS[spec.arch](spec, initSource(seed));
}

/** Number of trainable parameters of a model. */
export function trainableParamCount(model: LayersModel): number {
  let n = 0;
  for (const w of model.trainableWeights) n += w.shape.reduce((a: number, b) => a * (b ?? 1), 1);
  return n;
}
