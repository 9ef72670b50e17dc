/**
 * labels.csv and wfdb/RECORDS of a synthetic dataset (or of a shard of it), as ASCII byte chunks made
 * from the recipe alone: no record is synthesized, so both files can be written, with their sizes and
 * CRCs, before the signals. (Bytes, not one long string: concatenating 10^5 short strings costs V8
 * seconds of garbage collection.)
 */
import { formatLabelRow, LABELS_HEADER } from './labels-csv.ts';
import type { SyntheticRecipe } from './recipe.ts';
import { rowInfo, type RowRange } from './recipe-rows.ts';

/** Rows per chunk (under 1 MB of labels). */
export const TEXT_CHUNK_ROWS = 16_384;

/** An ASCII line buffer. */
class AsciiBuffer {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  add(text: string): void {
    if (this.length + text.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + text.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }
  /** The bytes so far (a copy); empties the buffer. */
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/**
 * labels.csv of rows `range`: the header line, then one line per row (`row` is the row of the whole
 * dataset, so shards' rows concatenate to the unsharded file's), in chunks of `chunkRows` rows.
 */
export function* labelsChunks(
  recipe: SyntheticRecipe,
  range: RowRange,
  chunkRows = TEXT_CHUNK_ROWS,
): Generator<Uint8Array> {
  const buf = new AsciiBuffer();
  buf.add(LABELS_HEADER + '\n');
  for (let s = range.start; s < range.end; s += chunkRows) {
    for (let row = s; row < Math.min(range.end, s + chunkRows); row++) {
      const r = rowInfo(recipe, row);
      buf.add(
        formatLabelRow({
          row,
          record: r.name,
          patient: r.name,
          className: r.className,
          seed: r.seed,
          startS: 0,
          fsHz: recipe.fsHz,
          split: r.split,
        }),
      );
    }
    yield buf.take();
  }
  if (range.start >= range.end) yield buf.take();
}

/** wfdb/RECORDS of rows `range`: one record name per line, in chunks of `chunkRows` rows. */
export function* recordsChunks(
  recipe: SyntheticRecipe,
  range: RowRange,
  chunkRows = TEXT_CHUNK_ROWS,
): Generator<Uint8Array> {
  const buf = new AsciiBuffer();
  for (let s = range.start; s < range.end; s += chunkRows) {
    for (let row = s; row < Math.min(range.end, s + chunkRows); row++)
      buf.add(rowInfo(recipe, row).name + '\n');
    yield buf.take();
  }
}
