/**
 * The seeded train/validation split of a synthetic dataset, by record and stratified by class: of the
 * `count` records of a class, exactly round(f · count) are `validation`. Record k's side comes from a
 * keyed permutation of 0…count-1 (a 4-round Feistel network over the next even power of two, cycle-
 * walked back into range), so any row's split is computed alone, in O(1), and shards agree with the
 * whole run.
 */
import { fnv1a32, mix32 } from '../core/rng.ts';
import type { ClassName } from '../core/units.ts';
import type { SplitSpec } from './recipe.ts';

const ROUNDS = 4;

/** A keyed permutation of [0, n) (n ≤ 2^32): `permute(index)` is the index's position. */
export function keyedPermutation(key: number, n: number): (index: number) => number {
  // ⌈log2 n⌉ in integers (Math.log2's last bit is not pinned by the language).
  const bits = n <= 1 ? 0 : 32 - Math.clz32(n - 1);
  const size = 2 ** Math.ceil(bits / 2);
  const mask = size - 1;
  const roundKeys = Array.from({ length: ROUNDS }, (_, r) =>
    mix32((key + Math.imul(r + 1, 0x9e3779b9)) >>> 0),
  );
  return (index) => {
    let x = index;
    do {
      let left = Math.floor(x / size);
      let right = x & mask;
      for (let r = 0; r < ROUNDS; r++) {
        const next = (left ^ (mix32((right ^ roundKeys[r]) >>> 0) & mask)) >>> 0;
        left = right;
        right = next;
      }
      x = left * size + right;
    } while (x >= n);
    return x;
  };
}

/** How many of a class's `count` records are validation records. */
export function validationCount(split: SplitSpec, count: number): number {
  return Math.round(split.validationFraction * count);
}

/**
 * The `split` column of the records of a class with `count` records: a function of the record index
 * giving `train` or `validation`.
 */
export function classSplit(split: SplitSpec, className: ClassName, count: number): (index: number) => string {
  const permute = keyedPermutation(mix32((split.seed ^ fnv1a32(className)) >>> 0), count);
  const nValidation = validationCount(split, count);
  return (index) => (permute(index) < nValidation ? 'validation' : 'train');
}
