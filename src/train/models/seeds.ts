/**
 * Seeded weight initialisation: every random initialiser of a model gets its own seed, drawn in layer
 * order from the model seed, so the same spec and seed give the same initial weights on every backend
 * (tfjs's seeded random ops run in JavaScript, independent of the backend).
 */
import { initializers } from '@tensorflow/tfjs-layers';
import { createRng, fnv1a32 } from '../../core/rng.ts';

type Initializer = ReturnType<typeof initializers.glorotUniform>;

/** A source of seeded initialisers for one model. */
export interface InitSource {
  /** He-normal (for ReLU convolutions and dense layers). */
  he(): Initializer;
  /** Glorot-uniform (for linear projections and the classifier). */
  glorot(): Initializer;
  /** A seed for weights computed outside tfjs (the orthogonal recurrent kernels). */
  seed(): number;
  /** Normal(0, stddev) (position embeddings). */
  normal(stddev: number): Initializer;
}

/** Initialisers for a model built from `seed`. */
export function initSource(seed: number): InitSource {
  const rng = createRng(seed, fnv1a32('weights'));
  // tfjs seeds are doubles handed to seedrandom; a 31-bit integer keeps them exact and portable.
  const next = () => rng.nextU32() >>> 1;
  return {
    he: () => initializers.heNormal({ seed: next() }),
    glorot: () => initializers.glorotUniform({ seed: next() }),
    seed: next,
    normal: (stddev) => initializers.randomNormal({ mean: 0, stddev, seed: next() }),
  };
}
