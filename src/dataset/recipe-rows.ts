/**
 * The rows of a recipe's dataset, and how a run is cut up: shards (contiguous, disjoint blocks of rows,
 * one per machine) and batches (a worker's unit of work). Rows are the classes' records one class after
 * another in the recipe's class order (CLASS_NAMES order), so row r is found in O(classes).
 */
import type { ClassName } from '../core/units.ts';
import { recordSeed } from '../synth/index.ts';
import { recordName, type SyntheticRecipe } from './recipe.ts';
import { classSplit } from './split-assign.ts';

/** A half-open block of rows [start, end). */
export interface RowRange {
  start: number;
  end: number;
}

/** Everything labels.csv says about one row. */
export interface RowInfo {
  /** Row in the whole dataset (0-based). */
  row: number;
  className: ClassName;
  /** Index of the record within its class (0-based): the name's number and the seed's offset. */
  index: number;
  /** The record's seed: (recipe seed + index) mod 2^32. */
  seed: number;
  /** `{class}_{index:06d}`. */
  name: string;
  /** `train`, `validation`, or '' without a split. */
  split: string;
}

/** Number of rows (records) of the recipe's dataset. */
export function totalRows(recipe: SyntheticRecipe): number {
  return recipe.classes.reduce((n, c) => n + c.count, 0);
}

/** Samples per record: round(durationS · fsHz). */
export function samplesPerRecord(recipe: SyntheticRecipe): number {
  return Math.round(recipe.durationS * recipe.fsHz);
}

/** The class position and record index of `row`. */
export function locateRow(recipe: SyntheticRecipe, row: number): { classPos: number; index: number } {
  let first = 0;
  for (let c = 0; c < recipe.classes.length; c++) {
    const count = recipe.classes[c].count;
    if (row < first + count) return { classPos: c, index: row - first };
    first += count;
  }
  throw new RangeError(`row ${row} is outside the dataset's ${first} rows`);
}

/** Each class's split function, made once per recipe object. */
const splitCache = new WeakMap<SyntheticRecipe, ((index: number) => string)[]>();

function splitFunctions(recipe: SyntheticRecipe): ((index: number) => string)[] {
  let fns = splitCache.get(recipe);
  if (fns === undefined) {
    const split = recipe.split;
    fns = recipe.classes.map((c) => (split ? classSplit(split, c.className, c.count) : () => ''));
    splitCache.set(recipe, fns);
  }
  return fns;
}

/** labels.csv's facts about `row` (the recipe must not be changed afterwards: its split is cached). */
export function rowInfo(recipe: SyntheticRecipe, row: number): RowInfo {
  const { classPos, index } = locateRow(recipe, row);
  const className = recipe.classes[classPos].className;
  return {
    row,
    className,
    index,
    seed: recordSeed(recipe.seed, className, index),
    name: recordName(className, index),
    split: splitFunctions(recipe)[classPos](index),
  };
}

/**
 * Rows of shard `shard` (1-based) of `shards` over `rows` rows: the i-th of n contiguous, disjoint,
 * near-equal blocks [floor((i-1)·rows/n), floor(i·rows/n)); together they cover every row in order.
 */
export function shardRows(rows: number, shard: number, shards: number): RowRange {
  if (!Number.isInteger(shards) || shards < 1 || !Number.isInteger(shard) || shard < 1 || shard > shards) {
    throw new RangeError(`shard ${shard}/${shards}: expected 1 ≤ i ≤ n`);
  }
  return { start: Math.floor(((shard - 1) * rows) / shards), end: Math.floor((shard * rows) / shards) };
}

/** Cut `range` into consecutive batches of at most `batchRows` rows. */
export function planBatches(range: RowRange, batchRows: number): RowRange[] {
  const size = Math.max(1, Math.floor(batchRows));
  const out: RowRange[] = [];
  for (let s = range.start; s < range.end; s += size)
    out.push({ start: s, end: Math.min(range.end, s + size) });
  return out;
}

/** Rows per batch: about 1 MiB of samples (float32), between 1 and 256 rows. The bytes never depend on it. */
export function defaultBatchRows(recipe: SyntheticRecipe): number {
  return Math.min(256, Math.max(1, Math.round((1 << 20) / (4 * samplesPerRecord(recipe)))));
}
