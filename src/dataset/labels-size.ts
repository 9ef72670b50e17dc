/**
 * The byte lengths of labels.csv and wfdb/RECORDS of a whole dataset, computed from the recipe in
 * O(classes) (the builder's size preview runs on every edit, for up to millions of rows).
 */
import { LABELS_HEADER } from './labels-csv.ts';
import type { SyntheticRecipe } from './recipe.ts';
import { validationCount } from './split-assign.ts';

/** Σ digits(x) for integers x in [from, to), 0 ≤ from ≤ to. */
function digitSum(from: number, to: number): number {
  let total = 0;
  for (let d = 1, lo = 0, hi = 10; lo < to; d++, lo = hi, hi *= 10) {
    const a = Math.max(from, lo);
    const b = Math.min(to, hi);
    if (b > a) total += (b - a) * d;
  }
  return total;
}

const SEED_SPAN = 2 ** 32;

/** Σ digits of the seeds (seed + k) mod 2^32 for k in [0, count). */
function seedDigitSum(seed: number, count: number): number {
  const first = Math.min(count, SEED_SPAN - seed);
  return digitSum(seed, seed + first) + digitSum(0, count - first);
}

/** Σ length of the names `{class}_{k:06d}` for k in [0, count) (6 digits, more past 999,999). */
function nameLengthSum(className: string, count: number): number {
  const padded = Math.min(count, 1_000_000);
  return count * (className.length + 1) + padded * 6 + digitSum(1_000_000, Math.max(count, 1_000_000));
}

/** The byte lengths of labels.csv and wfdb/RECORDS of all of the recipe's rows. */
export function labelsSizes(recipe: SyntheticRecipe): { labelsBytes: number; recordsBytes: number } {
  let labels = LABELS_HEADER.length + 1;
  let records = 0;
  let firstRow = 0;
  const fsDigits = String(recipe.fsHz).length;
  for (const c of recipe.classes) {
    const names = nameLengthSum(c.className, c.count);
    const nVal = recipe.split ? validationCount(recipe.split, c.count) : 0;
    const splitChars = recipe.split ? nVal * 'validation'.length + (c.count - nVal) * 'train'.length : 0;
    // row,record,patient,class,seed,0,fs,split\n: 7 commas, "0", the line end.
    labels +=
      digitSum(firstRow, firstRow + c.count) +
      2 * names +
      c.count * (c.className.length + 1 + fsDigits + 7 + 1) +
      seedDigitSum(recipe.seed, c.count) +
      splitChars;
    records += names + c.count;
    firstRow += c.count;
  }
  return { labelsBytes: labels, recordsBytes: records };
}
