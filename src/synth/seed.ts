/**
 * Seeds of records. Rule (documented in the README): in a run with seed K, record r (0-based) of class c
 * has seed (K + r) mod 2^32, and its random stream is `createRng(recordSeed, fnv1a32(c))`. So
 * `pqrst generate --class c --count 1 --seed <that record's seed>` reproduces record r exactly, and
 * records of different classes with the same seed are independent.
 */
import { createRng, fnv1a32, type Rng } from '../core/rng.ts';
import type { ClassName } from '../core/units.ts';

/** The seed of record `index` (0-based) in a run of class `className` with seed `runSeed`. */
export function recordSeed(runSeed: number, _className: ClassName, index: number): number {
  return (runSeed + index) >>> 0;
}

/** The random stream of a record with seed `seed` of class `className`. */
export function recordRng(seed: number, className: ClassName): Rng {
  return createRng(seed, fnv1a32(className));
}
