/** Input checks of the trainer: each names the field and the reason. */
import type { ExampleSet, ModelSpec, TrainSettings } from './types.ts';

/** Throw unless `set` holds n windows of spec.inputLength samples with labels in [0, nClasses). */
export function checkExamples(name: string, set: ExampleSet, spec: ModelSpec): void {
  if (set.inputLength !== spec.inputLength) {
    throw new Error(`${name}: inputLength ${set.inputLength} differs from the model's ${spec.inputLength}`);
  }
  if (!Number.isInteger(set.n) || set.n < 0) throw new Error(`${name}: n must be a non-negative integer`);
  if (set.x.length !== set.n * set.inputLength) {
    throw new Error(
      `${name}: x has ${set.x.length} samples, expected n × inputLength = ${set.n * set.inputLength}`,
    );
  }
  if (set.y.length !== set.n) throw new Error(`${name}: y has ${set.y.length} labels, expected ${set.n}`);
  for (let i = 0; i < set.n; i++) {
    if (!(set.y[i] >= 0 && set.y[i] < spec.nClasses)) {
      throw new Error(`${name}: label ${set.y[i]} of example ${i} is outside [0, ${spec.nClasses})`);
    }
  }
}

/** Throw unless the settings are usable for `spec`. */
export function checkSettings(s: TrainSettings, spec: ModelSpec): void {
  const bad = (field: string, why: string) => {
    throw new Error(`train settings: ${field} ${why}`);
  };
  if (!Number.isInteger(s.epochs) || s.epochs < 1) bad('epochs', 'must be an integer ≥ 1');
  if (!Number.isInteger(s.batchSize) || s.batchSize < 1) bad('batchSize', 'must be an integer ≥ 1');
  if (!(s.learningRate > 0 && s.learningRate < 1)) bad('learningRate', 'must be in (0, 1)');
  if (!Number.isInteger(s.patience) || s.patience < 0) bad('patience', 'must be an integer ≥ 0');
  if (!Number.isInteger(s.seed)) bad('seed', 'must be an integer');
  if (!(s.maskFraction >= 0 && s.maskFraction <= 1)) bad('maskFraction', 'must be in [0, 1]');
  if (!(s.shiftMaxSamples >= 0)) bad('shiftMaxSamples', 'must be ≥ 0');
  if (s.classWeights) {
    if (s.classWeights.length !== spec.nClasses) bad('classWeights', `must have ${spec.nClasses} entries`);
    if (!s.classWeights.every((w) => w >= 0 && Number.isFinite(w)))
      bad('classWeights', 'must be finite and ≥ 0');
  }
}

/** Throw unless `spec` equals `from` (fine-tuning continues from weights of the same shape). */
export function checkSameSpec(spec: ModelSpec, from: ModelSpec): void {
  for (const k of ['arch', 'depth', 'width', 'inputLength', 'nClasses'] as const) {
    if (spec[k] !== from[k])
      throw new Error(`initFrom: model ${k} ${from[k]} differs from the spec's ${spec[k]}`);
  }
}
