/**
 * The per-row encoder, run by the workers: synthesize a block of rows and return their bytes with
 * CRC-32s, ready to append in row order. For `npy` a batch is one block of float32 rows (a slice of
 * signals.npy); for `wfdb` and `csv` it is the rows' files. Buffers are fresh per batch so they can be
 * transferred between threads. Pure and deterministic: the bytes depend only on the recipe and rows.
 */
import type { AbortSignalLike } from '../core/abort.ts';
import { crc32 } from '../io/crc32.ts';
import { ByteArena } from './byte-arena.ts';
import { encodeSignalCsvBytes } from '../io/csv-signal.ts';
import { encodeUtf8 } from '../io/utf8-encode.ts';
import { frameZipEntries } from '../io/zip-framed.ts';
import { synthesize, type SynthParams } from '../synth/index.ts';
import type { SyntheticRecipe } from './recipe.ts';
import { rowInfo, samplesPerRecord, type RowRange } from './recipe-rows.ts';
import { wfdbRecordFiles } from './wfdb-record-files.ts';

/** One file of a row, with its CRC-32. Paths are relative to the dataset folder. */
export interface EncodedFile {
  path: string;
  data: Uint8Array;
  crc32: number;
}

/** The rows [start, end) of signals.npy: float32 little-endian, C order, and their CRC-32. */
export interface EncodedNpyBatch {
  kind: 'npy';
  start: number;
  end: number;
  data: Uint8Array;
  crc32: number;
}

/**
 * The files of rows [start, end), row by row (wfdb: .hea .dat .atr .fid; csv: one .csv); with
 * `zipFramed`, the same files as zip entries in `framed` (local headers and data, see io/zip-framed.ts)
 * and `files` empty.
 */
export interface EncodedFilesBatch {
  kind: 'files';
  start: number;
  end: number;
  files: EncodedFile[];
  framed?: Uint8Array;
}

/** A worker's result for one batch of rows. */
export type EncodedBatch = EncodedNpyBatch | EncodedFilesBatch;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function file(path: string, bytes: Uint8Array, withCrc: boolean): EncodedFile {
  return { path, data: bytes, crc32: withCrc ? crc32(bytes) : 0 };
}

/** Options of `encodeRows`. */
export interface EncodeOptions {
  signal?: AbortSignalLike;
  /** Compute CRC-32s (default true; a folder export needs none, and then they are 0). */
  crc?: boolean;
  /**
   * A buffer to reuse (one handed back after its batch was written: fresh memory per batch costs page
   * faults, and, freed on another thread, more): npy samples go into it when it is large enough; for
   * wfdb and csv it is the first chunk of the batch's byte arena.
   */
  buffer?: ArrayBuffer;
  /**
   * wfdb and csv: return the files framed as zip entries in one block (`framed`, in `buffer` when it
   * is large enough), for a zip writer on another thread; implies CRCs. The files are encoded in a
   * byte arena this thread keeps.
   */
  zipFramed?: boolean;
}

/** This thread's byte arena buffer for framed batches (their files are copied into the block). */
let framedArenaBuffer: ArrayBuffer | undefined;

/** The synthesizer parameters of `row`, the class's parameters with the record's seed. */
function rowParams(recipe: SyntheticRecipe, row: number): { params: SynthParams; name: string } {
  const info = rowInfo(recipe, row);
  const base = recipe.classes.find((c) => c.className === info.className)!.params;
  return { params: { ...base, seed: info.seed }, name: info.name };
}

/** One reused signal buffer per thread: a fresh 20 kB buffer per record costs V8 more than the record. */
let scratch = new Float32Array(0);

function scratchSignal(nSamples: number): Float32Array {
  if (scratch.length !== nSamples) scratch = new Float32Array(nSamples);
  return scratch;
}

/**
 * The files of one row (wfdb or csv): `wfdb/NAME.hea`, `.dat`, `.atr`, `.fid`, or `csv/NAME.csv`,
 * each with its CRC-32 (0 without `withCrc`), as views into `arena` when given. For npy recipes use
 * `encodeRows` (rows are slices of one file).
 */
export function encodeRowFiles(
  recipe: SyntheticRecipe,
  row: number,
  withCrc = true,
  arena?: ByteArena,
): EncodedFile[] {
  const { params, name } = rowParams(recipe, row);
  const record = synthesize(params, { out: scratchSignal(samplesPerRecord(recipe)) });
  const alloc = arena ? (n: number) => arena.alloc(n) : undefined;
  const bytes = (text: string) => (arena ? arena.text(text, encodeUtf8) : encodeUtf8(text));
  if (recipe.output === 'csv') {
    return [file(`csv/${name}.csv`, encodeSignalCsvBytes(record.signalMv, params.fsHz, alloc), withCrc)];
  }
  if (recipe.output !== 'wfdb') throw new RangeError('encodeRowFiles: npy rows are encoded by encodeRows');
  const f = wfdbRecordFiles(name, record, alloc);
  return [
    file(`wfdb/${name}.hea`, bytes(f.hea), withCrc),
    file(`wfdb/${name}.dat`, f.dat, withCrc),
    file(`wfdb/${name}.atr`, f.atr, withCrc),
    file(`wfdb/${name}.fid`, f.fid, withCrc),
  ];
}

/**
 * Synthesize and encode rows [start, end) of the recipe's dataset (`range` must lie inside it), with
 * the CRC-32 of every file (or npy block) unless `crc` is false. Checks `signal` between rows.
 */
export function encodeRows(
  recipe: SyntheticRecipe,
  range: RowRange,
  options: EncodeOptions = {},
): EncodedBatch {
  const { signal } = options;
  const framed = options.zipFramed === true;
  const withCrc = framed || (options.crc ?? true);
  const { start, end } = range;
  if (recipe.output !== 'npy') {
    const files: EncodedFile[] = [];
    // About the .dat bytes of the rows plus 4 KiB each (csv: about 20 bytes a sample); more chunks are
    // added when needed.
    const n = samplesPerRecord(recipe);
    const arenaBytes = (end - start) * (recipe.output === 'csv' ? 20 * n + 64 : 2 * n + 4096);
    const arena = new ByteArena(arenaBytes, framed ? framedArenaBuffer : options.buffer);
    for (let row = start; row < end; row++) {
      signal?.throwIfAborted();
      for (const f of encodeRowFiles(recipe, row, withCrc, arena)) files.push(f);
    }
    if (!framed) return { kind: 'files', start, end, files };
    framedArenaBuffer = arena.buffers()[0];
    return { kind: 'files', start, end, files: [], framed: frameZipEntries(files, options.buffer) };
  }
  const n = samplesPerRecord(recipe);
  const count = (end - start) * n;
  const reuse = options.buffer !== undefined && options.buffer.byteLength >= count * 4;
  const samples = reuse ? new Float32Array(options.buffer!, 0, count) : new Float32Array(count);
  const bytes = new Uint8Array(samples.buffer, 0, count * 4);
  let crc = 0;
  for (let row = start; row < end; row++) {
    signal?.throwIfAborted();
    const { params } = rowParams(recipe, row);
    // Synthesized into this thread's small buffer (in cache; the batch block was last touched by the
    // thread that wrote it out), checksummed there, then copied into the block.
    const hot = synthesize(params, { out: scratchSignal(n) }).signalMv;
    if (LITTLE_ENDIAN_HOST) {
      samples.set(hot, (row - start) * n);
      if (withCrc) crc = crc32(new Uint8Array(hot.buffer, hot.byteOffset, n * 4), crc);
    } else {
      const rowBytes = bytes.subarray((row - start) * n * 4, (row - start + 1) * n * 4);
      const view = new DataView(rowBytes.buffer, rowBytes.byteOffset, n * 4);
      for (let i = 0; i < n; i++) view.setFloat32(i * 4, hot[i], true);
      if (withCrc) crc = crc32(rowBytes, crc);
    }
  }
  return { kind: 'npy', start, end, data: bytes, crc32: crc };
}

/** The buffers of a batch, for `postMessage(batch, transferables(batch))`. */
export function batchTransferables(batch: EncodedBatch): ArrayBuffer[] {
  const buffers =
    batch.kind === 'npy'
      ? [batch.data.buffer]
      : batch.files.map((f) => f.data.buffer).concat(batch.framed ? [batch.framed.buffer] : []);
  return [...new Set(buffers)] as ArrayBuffer[];
}
