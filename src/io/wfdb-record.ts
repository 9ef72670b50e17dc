import { checkInputSize } from './input-size.ts';
import { IoError } from './io-error.ts';
import { bytesForSamples, samplesInBytes } from './wfdb-formats.ts';
import type { WfdbHeader } from './wfdb-header-types.ts';
import { signalFileLayouts, type SignalFileLayout } from './wfdb-record-layout.ts';
import { signalToMv } from './wfdb-record-mv.ts';
import { readFileSignals } from './wfdb-record-samples.ts';
import type { ReadWfdbOptions, WfdbRecord } from './wfdb-record-types.ts';

export type { ReadWfdbOptions, WfdbRecord } from './wfdb-record-types.ts';

/** Most samples a format-0 (null) signal may announce: it has no file whose size would bound them. */
const MAX_NULL_SAMPLES = 2 ** 26;

/** The file's bytes, checked against the size limit and its byte offset. */
function fileBytes(layout: SignalFileLayout, files: Map<string, Uint8Array>, maxBytes?: number): Uint8Array {
  const bytes = files.get(layout.fileName);
  if (bytes === undefined) {
    throw new IoError('missing: the header names this signal file but it was not given', {
      file: layout.fileName,
    });
  }
  checkInputSize(bytes.length, layout.fileName, maxBytes);
  if (layout.byteOffset > bytes.length) {
    const reason = `truncated: the file is ${bytes.length} bytes, shorter than its ${layout.byteOffset}-byte offset`;
    throw new IoError(reason, { file: layout.fileName });
  }
  return bytes;
}

/** Frames of the record: the header's count, or (when it gives 0) the whole frames of the shortest file. */
function frameCount(
  h: WfdbHeader,
  layouts: SignalFileLayout[],
  data: Uint8Array[],
  warnings: string[],
): number {
  if (h.nSamples > 0 || layouts.length === 0) return h.nSamples;
  const frames = layouts.map((l, k) => {
    const avail = samplesInBytes(l.info.format, data[k].length - l.byteOffset);
    if (avail % l.frameSamples !== 0) {
      warnings.push(`${l.fileName}: the last frame is incomplete and was ignored`);
    }
    return Math.floor(avail / l.frameSamples);
  });
  const n = Math.min(...frames);
  if (frames.some((f) => f !== n)) {
    warnings.push(`the signal files hold different numbers of frames (${frames.join(', ')}); read ${n}`);
  }
  return n;
}

/** Checks the file size against the frames the header announces; returns the samples to decode. */
function samplesToDecode(l: SignalFileLayout, length: number, nFrames: number, warnings: string[]): number {
  const avail = samplesInBytes(l.info.format, length - l.byteOffset);
  const availFrames = Math.floor(avail / l.frameSamples);
  const fmt = l.info.format;
  if (availFrames < nFrames) {
    if (availFrames === nFrames - 1 && avail % l.frameSamples !== 0) {
      const have = avail % l.frameSamples;
      warnings.push(
        `${l.fileName}: truncated last frame (${have} of ${l.frameSamples} samples): the missing samples are marked invalid`,
      );
    } else {
      const need = l.byteOffset + bytesForSamples(fmt, nFrames * l.frameSamples);
      const reason =
        `truncated: the header announces ${nFrames} frames of format ${fmt} (${need} bytes) ` +
        `but the file holds ${length} bytes (${availFrames} whole frames)`;
      throw new IoError(reason, { file: l.fileName });
    }
  }
  const withSkew = nFrames + l.maxSkewFrames;
  const expected = l.byteOffset + bytesForSamples(fmt, withSkew * l.frameSamples);
  if (length > expected) {
    warnings.push(
      `${l.fileName}: header/data size mismatch: the file holds ${length} bytes, ` +
        `${length - expected} more than the header's ${nFrames} frames need; the rest is ignored`,
    );
  }
  return Math.min(avail, withSkew * l.frameSamples);
}

function signalName(h: WfdbHeader, i: number): string {
  const d = h.signals[i].description;
  return d === '' ? `signal ${i}` : `signal ${i} (${d})`;
}

/**
 * Warnings, never refusals: the checksum (compared modulo 2^16, as WFDB does, so that unsigned
 * checksums match) and the initial value, both of the samples as stored in the file.
 */
function verify(
  h: WfdbHeader,
  i: number,
  stats: [number, number],
  checkInitial: boolean,
  file: string,
): string[] {
  const s = h.signals[i];
  const [sum, first] = stats;
  const out: string[] = [];
  const name = signalName(h, i);
  if (h.nSamples > 0 && s.checksum !== undefined && ((sum - s.checksum) & 0xffff) !== 0) {
    out.push(
      `${file}, ${name}: checksum mismatch: the header says ${s.checksum}, the samples sum to ${sum} (mod 2^16)`,
    );
  }
  if (checkInitial && !Number.isNaN(first) && first !== s.initialValue) {
    out.push(
      `${file}, ${name}: initial value mismatch: the header says ${s.initialValue}, the first sample is ${first}`,
    );
  }
  return out;
}

/**
 * Reads the samples of a single-segment WFDB record: `files` maps each file name of the header's signal
 * lines to its bytes (a `.dat`, or a `.mat` for `16+24`). Supports formats 0, 8, 16, 24, 32, 61, 80, 160,
 * 212, 310 and 311, several signals per file (interleaved frame by frame), several files per record,
 * samples per frame (`x`), skew (`:`) and byte offsets (`+`). A file over `maxInputBytes` is refused by
 * its size before decoding. Throws `IoError` naming the file and reason for FLAC (508/516/524) and
 * unknown formats, bad gains, missing files and truncated data (more than a partial last frame missing);
 * checksum and initial-value mismatches, a truncated last frame and extra bytes are warnings.
 */
export function readWfdbRecord(
  header: WfdbHeader,
  files: Map<string, Uint8Array>,
  options: ReadWfdbOptions = {},
): WfdbRecord {
  const headerFile = options.headerFileName ?? `${header.recordName}.hea`;
  const layouts = signalFileLayouts(header, headerFile, options.ignoreSkew === true);
  const data = layouts.map((l) => fileBytes(l, files, options.maxInputBytes));
  const warnings: string[] = [];
  const nFrames = frameCount(header, layouts, data, warnings);
  const signalsAdc: Int32Array[] = new Array<Int32Array>(header.nSignals);
  layouts.forEach((l, k) => {
    const count = samplesToDecode(l, data[k].length, nFrames, warnings);
    const { stats, missing } = readFileSignals(l, data[k], nFrames, count, header.signals, signalsAdc);
    l.members.forEach((m, j) => {
      warnings.push(...verify(header, m.index, stats[j], !l.info.differences, headerFile));
      if (missing[j] > 0 && m.skewFrames > 0) {
        warnings.push(
          `${l.fileName}, ${signalName(header, m.index)}: skew ${m.skewFrames} reaches past the end of the data: ${missing[j]} samples are marked invalid`,
        );
      }
    });
  });
  const signalsMv: Float32Array[] = [];
  header.signals.forEach((s, i) => {
    if (s.format === 0) {
      const n = nFrames * s.samplesPerFrame;
      if (n > MAX_NULL_SAMPLES) {
        throw new IoError(`${n} samples are too many for a null signal`, { file: headerFile });
      }
      signalsAdc[i] = new Int32Array(n).fill(-32768);
      warnings.push(`${headerFile}, ${signalName(header, i)}: format 0 (null signal) stores no samples`);
    }
    const layout = layouts.find((l) => l.members.some((m) => m.index === i));
    signalsMv.push(signalToMv(signalsAdc[i], s, layout?.info ?? { invalidAdc: -32768, differences: false }));
  });
  return { header, signalsAdc, signalsMv, warnings };
}
