import { IoError } from './io-error.ts';
import { wfdbFormatInfo, type WfdbFormatInfo } from './wfdb-formats.ts';
import type { WfdbHeader } from './wfdb-header-types.ts';

/** Largest count accepted for samples per frame, skew, byte offset and sample counts. */
const MAX_COUNT = 2 ** 31 - 1;

/** One signal's place in the frames of its file. */
export interface SignalSlot {
  /** Index of the signal in the header. */
  index: number;
  /** Position of the signal's first sample within a frame of its file. */
  slot: number;
  /** Samples of this signal per frame. */
  samplesPerFrame: number;
  /** Frames of skew (0 when skew is ignored). */
  skewFrames: number;
}

/** The signals stored in one file, and how its frames are laid out. */
export interface SignalFileLayout {
  /** File name as the header gives it. */
  fileName: string;
  /** The layout of the storage format shared by the file's signals. */
  info: WfdbFormatInfo;
  /** Bytes before the first sample (the `+` suffix of the first signal of the file). */
  byteOffset: number;
  /** Samples per frame of the whole file (the sum over its signals). */
  frameSamples: number;
  /** Largest skew among the file's signals, in frames. */
  maxSkewFrames: number;
  /** The file's signals, in header order. */
  members: SignalSlot[];
}

function checkCount(value: number, min: number, file: string, field: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_COUNT) {
    throw new IoError(`${value} is outside ${min}..${MAX_COUNT}`, { file, field });
  }
}

/**
 * Checks the header fields the sample reader relies on (finite positive sampling frequency, sample
 * count, per-signal format, samples per frame, skew, byte offset, finite non-zero gain, finite baseline)
 * and groups the signals by file. Format-0 (null) signals belong to no file. Throws `IoError` naming
 * `headerFile` and the field; FLAC and unknown formats are refused here.
 */
export function signalFileLayouts(
  h: WfdbHeader,
  headerFile: string,
  ignoreSkew: boolean,
): SignalFileLayout[] {
  if (!Number.isFinite(h.fsHz) || h.fsHz <= 0) {
    throw new IoError(`${h.fsHz} is not a finite positive frequency`, {
      file: headerFile,
      field: 'sampling frequency',
    });
  }
  checkCount(h.nSamples, 0, headerFile, 'number of samples');
  const byFile = new Map<string, SignalFileLayout>();
  const layouts: SignalFileLayout[] = [];
  h.signals.forEach((s, index) => {
    const at = (name: string): string => `signal ${index} ${name}`;
    const info = wfdbFormatInfo(s.format, { file: headerFile, field: at('format') });
    checkCount(s.samplesPerFrame, 1, headerFile, at('samples per frame'));
    checkCount(s.skew, 0, headerFile, at('skew'));
    checkCount(s.byteOffset, 0, headerFile, at('byte offset'));
    if (!Number.isFinite(s.gainAdcPerUnit) || s.gainAdcPerUnit === 0) {
      throw new IoError(`bad gain ${s.gainAdcPerUnit}: not a finite non-zero number`, {
        file: headerFile,
        field: at('gain'),
      });
    }
    if (!Number.isFinite(s.baselineAdc)) {
      throw new IoError(`bad baseline ${s.baselineAdc}`, { file: headerFile, field: at('baseline') });
    }
    if (s.format === 0) return;
    let layout = byFile.get(s.fileName);
    if (layout === undefined) {
      layout = {
        fileName: s.fileName,
        info,
        byteOffset: s.byteOffset,
        frameSamples: 0,
        maxSkewFrames: 0,
        members: [],
      };
      byFile.set(s.fileName, layout);
      layouts.push(layout);
    } else if (layout.info.format !== s.format) {
      const reason = `format ${s.format} differs from format ${layout.info.format} of the other signals in ${s.fileName}`;
      throw new IoError(reason, { file: headerFile, field: at('format') });
    }
    const skewFrames = ignoreSkew ? 0 : s.skew;
    layout.members.push({ index, slot: layout.frameSamples, samplesPerFrame: s.samplesPerFrame, skewFrames });
    layout.frameSamples += s.samplesPerFrame;
    layout.maxSkewFrames = Math.max(layout.maxSkewFrames, skewFrames);
    checkCount(layout.frameSamples, 1, headerFile, `samples per frame of ${s.fileName}`);
  });
  return layouts;
}
