import { IoError } from './io-error.ts';
import { decodeSamples, decodeStrided } from './wfdb-formats.ts';
import type { WfdbSignalSpec } from './wfdb-header-types.ts';
import type { SignalFileLayout, SignalSlot } from './wfdb-record-layout.ts';

/** What reading one signal file gives besides the samples, per member signal in layout order. */
export interface FileSignalsInfo {
  /** The signed 16-bit sum and the first value of each signal's samples as stored (before skew). */
  stats: [number, number][];
  /** How many samples of each signal the file lacked (marked invalid). */
  missing: number[];
}

/** An Int32Array of `n` elements, with an allocation failure reported as an `IoError`. */
function allocateInt32(n: number, file: string): Int32Array {
  try {
    return new Int32Array(n);
  } catch {
    throw new IoError(`${n} samples are too many to decode in memory`, { file });
  }
}

function sum16(xs: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum = (sum + xs[i]) | 0;
  return (sum << 16) >> 16;
}

/**
 * The fast path: every signal of the file has one sample per frame, no skew, every frame is present
 * and the format can be read with a stride (`decodeStrided`): each signal is decoded straight from the
 * bytes, without an interleaved intermediate. Returns undefined when it does not apply.
 */
function readStrided(
  l: SignalFileLayout,
  bytes: Uint8Array,
  nFrames: number,
  count: number,
  out: Int32Array[],
): FileSignalsInfo | undefined {
  const F = l.frameSamples;
  if (l.info.differences || count < nFrames * F) return undefined;
  if (l.members.some((m) => m.samplesPerFrame !== 1 || m.skewFrames !== 0)) return undefined;
  const info: FileSignalsInfo = { stats: [], missing: [] };
  for (const m of l.members) {
    const signal = allocateInt32(nFrames, l.fileName);
    if (!decodeStrided(l.info.format, bytes, l.byteOffset, m.slot, F, nFrames, signal)) return undefined;
    out[m.index] = signal;
    info.stats.push([sum16(signal), nFrames > 0 ? signal[0] : NaN]);
    info.missing.push(0);
  }
  return info;
}

/** Format 8 stores first differences: sums each signal's differences from its initial value, in place. */
function integrateDifferences(flat: Int32Array, l: SignalFileLayout, specs: WfdbSignalSpec[]): void {
  for (const m of l.members) {
    let acc = specs[m.index].initialValue;
    for (let f = m.slot; f < flat.length; f += l.frameSamples) {
      for (let j = 0; j < m.samplesPerFrame && f + j < flat.length; j++) {
        acc += flat[f + j];
        flat[f + j] = acc;
      }
    }
  }
}

/** One signal's samples from the decoded interleaved stream, frame i + skew for sample i. */
function demultiplex(
  flat: Int32Array,
  l: SignalFileLayout,
  m: SignalSlot,
  nFrames: number,
  out: Int32Array,
): number {
  const F = l.frameSamples;
  const spf = m.samplesPerFrame;
  const start = m.skewFrames * F + m.slot;
  if (spf === 1 && nFrames > 0 && start + (nFrames - 1) * F < flat.length) {
    for (let f = 0, src = start; f < nFrames; f++, src += F) out[f] = flat[src];
    return 0;
  }
  let missing = 0;
  for (let f = 0, src = start, dst = 0; f < nFrames; f++, src += F) {
    for (let j = 0; j < spf; j++, dst++) {
      const idx = src + j;
      if (idx < flat.length) out[dst] = flat[idx];
      else {
        out[dst] = l.info.invalidAdc;
        missing++;
      }
    }
  }
  return missing;
}

/** The signed 16-bit sum and the first value of a signal's samples as stored (before any skew). */
function storedStats(
  flat: Int32Array,
  l: SignalFileLayout,
  m: SignalSlot,
  nFrames: number,
): [number, number] {
  let sum = 0;
  const F = l.frameSamples;
  const end = Math.min(flat.length, nFrames * F);
  for (let f = m.slot; f < end; f += F) {
    for (let j = 0; j < m.samplesPerFrame && f + j < end; j++) sum = (sum + flat[f + j]) | 0;
  }
  return [(sum << 16) >> 16, m.slot < flat.length ? flat[m.slot] : NaN];
}

/**
 * Reads the signals of one signal file into `out` (indexed by header signal number): `count` samples of
 * the interleaved stream are decoded (see `samplesToDecode`), then split into `nFrames` frames per signal,
 * applying samples per frame, skew and format 8's differences; samples past the data are marked with the
 * format's invalid value. Common layouts take a fast path that decodes each signal directly.
 */
export function readFileSignals(
  l: SignalFileLayout,
  bytes: Uint8Array,
  nFrames: number,
  count: number,
  specs: WfdbSignalSpec[],
  out: Int32Array[],
): FileSignalsInfo {
  const fast = readStrided(l, bytes, nFrames, count, out);
  if (fast !== undefined) return fast;
  const flat = allocateInt32(count, l.fileName);
  decodeSamples(l.info.format, bytes, l.byteOffset, count, flat);
  if (l.info.differences) integrateDifferences(flat, l, specs);
  const info: FileSignalsInfo = { stats: [], missing: [] };
  for (const m of l.members) {
    const signal = allocateInt32(nFrames * m.samplesPerFrame, l.fileName);
    info.missing.push(demultiplex(flat, l, m, nFrames, signal));
    info.stats.push(storedStats(flat, l, m, nFrames));
    out[m.index] = signal;
  }
  return info;
}
