import type { EdfAnnotation } from './edf-types.ts';
import { IoError } from './io-error.ts';
import { decodeLatin1, decodeUtf8 } from './text-decode.ts';

const TAL_END = 0x00;
const TEXT_END = 0x14;
const DURATION_START = 0x15;
const ONSET_RE = /^[+-]\d+(\.\d*)?$/;
const DURATION_RE = /^\d+(\.\d*)?$/;

/** The TALs of one data record's annotation signal. */
export interface EdfRecordAnnotations {
  /** Onset of the record's first TAL (the EDF+ time-keeping TAL), in seconds; undefined when none. */
  recordStartS?: number;
  /** The annotations with text, in order (one per text of a TAL). */
  annotations: EdfAnnotation[];
}

/**
 * Parses the time-stamped annotation lists (TALs) in the bytes of one data record's `EDF Annotations`
 * signal, per EDF+: `+onset[\x15duration]\x14text\x14...\x14\x00`, NUL bytes padding the rest. The first
 * TAL's onset is the record start (its empty text is the time-keeping annotation). Texts are UTF-8.
 * Throws `IoError` naming `where` (file and data record) for a malformed TAL: a bad onset or duration,
 * or a TAL not closed by `\x14\x00`.
 */
export function parseEdfAnnotations(
  bytes: Uint8Array,
  where: { file?: string; field?: string } = {},
): EdfRecordAnnotations {
  const out: EdfRecordAnnotations = { annotations: [] };
  let pos = 0;
  let first = true;
  while (pos < bytes.length) {
    if (bytes[pos] === TAL_END) {
      pos++;
      continue;
    }
    let end = pos;
    while (end < bytes.length && bytes[end] !== TAL_END) end++;
    if (end >= bytes.length) throw new IoError(`a TAL at byte ${pos} has no closing NUL`, where);
    const tal = bytes.subarray(pos, end);
    const firstText = tal.indexOf(TEXT_END);
    if (firstText < 0 || tal[tal.length - 1] !== TEXT_END) {
      throw new IoError(`the TAL at byte ${pos} does not end with 0x14 0x00`, where);
    }
    const stamp = tal.subarray(0, firstText);
    const dur = stamp.indexOf(DURATION_START);
    const onsetText = decodeLatin1(dur < 0 ? stamp : stamp.subarray(0, dur));
    if (!ONSET_RE.test(onsetText)) throw new IoError(`bad TAL onset "${onsetText}" at byte ${pos}`, where);
    const onsetS = Number(onsetText);
    let durationS: number | undefined;
    if (dur >= 0) {
      const durText = decodeLatin1(stamp.subarray(dur + 1));
      if (!DURATION_RE.test(durText))
        throw new IoError(`bad TAL duration "${durText}" at byte ${pos}`, where);
      durationS = Number(durText);
    }
    if (first) out.recordStartS = onsetS;
    // Texts lie between the 0x14 separators after the time stamp; the last 0x14 closes the list.
    let start = firstText + 1;
    for (let k = start; k < tal.length; k++) {
      if (tal[k] !== TEXT_END) continue;
      const text = decodeUtf8(tal.subarray(start, k));
      start = k + 1;
      if (text === '') continue;
      out.annotations.push(durationS === undefined ? { onsetS, text } : { onsetS, durationS, text });
    }
    first = false;
    pos = end + 1;
  }
  return out;
}
