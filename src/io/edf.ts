import { parseEdfAnnotations } from './edf-annotations.ts';
import { parseEdfHeader } from './edf-header.ts';
import type { EdfAnnotation, EdfHeader, EdfRecord, EdfSignal } from './edf-types.ts';
import { checkInputSize } from './input-size.ts';
import { IoError } from './io-error.ts';

export type { EdfAnnotation, EdfHeader, EdfRecord, EdfSignal, EdfSignalHeader } from './edf-types.ts';

/** Malformed annotation lists reported one by one; the rest are counted in one warning. */
const MAX_TAL_WARNINGS = 10;

/** Options of `readEdf`. */
export interface ReadEdfOptions {
  /** The file name, for messages. */
  fileName?: string;
  /** Largest file accepted, in bytes; larger ones are refused by their size (default 1 GB). */
  maxInputBytes?: number;
}

/** Data records to read: the header's count checked against the file size (warnings for small slips). */
function recordCount(h: EdfHeader, length: number, file: string | undefined, warnings: string[]): number {
  const recordBytes = h.signals.reduce((n, s) => n + 2 * s.samplesPerRecord, 0);
  const dataBytes = length - h.headerBytes;
  const whole = Math.floor(dataBytes / recordBytes);
  const rest = dataBytes - whole * recordBytes;
  if (h.nDataRecords === -1) {
    if (rest > 0)
      warnings.push(`${file ?? 'EDF'}: an incomplete last data record (${rest} bytes) was ignored`);
    return whole;
  }
  if (whole < h.nDataRecords) {
    if (whole === h.nDataRecords - 1 && rest > 0) {
      warnings.push(
        `${file ?? 'EDF'}: truncated last data record (${rest} of ${recordBytes} bytes) was ignored`,
      );
      return whole;
    }
    const reason =
      `truncated: the header announces ${h.nDataRecords} data records of ${recordBytes} bytes ` +
      `(${h.headerBytes + h.nDataRecords * recordBytes} bytes in all) but the file holds ${length} bytes`;
    throw new IoError(reason, { file, field: 'number of data records' });
  }
  if (dataBytes > h.nDataRecords * recordBytes) {
    const extra = dataBytes - h.nDataRecords * recordBytes;
    warnings.push(
      `${file ?? 'EDF'}: header/data size mismatch: ${extra} bytes after the last data record were ignored`,
    );
  }
  return h.nDataRecords;
}

/** Physical values: pmin + (d - dmin) * (pmax - pmin) / (dmax - dmin). */
function scale(s: EdfSignal): void {
  const h = s.header;
  const k = (h.physicalMax - h.physicalMin) / (h.digitalMax - h.digitalMin);
  for (let i = 0; i < s.digital.length; i++)
    s.physical[i] = h.physicalMin + (s.digital[i] - h.digitalMin) * k;
}

/**
 * Reads an EDF or EDF+ file: header (`parseEdfHeader`), 16-bit little-endian samples of every signal,
 * scaled to physical units from the physical and digital extremes, and the TALs of `EDF Annotations`
 * signals (EDF+). A file over the size limit is refused by its size first. Throws `IoError` naming the
 * file and reason for malformed headers, truncated data (more than a partial last record missing) and a
 * zero record duration with ordinary signals; a partial last record, extra bytes, malformed TALs and
 * EDF+D (records concatenated) are warnings.
 */
export function readEdf(bytes: Uint8Array, options: ReadEdfOptions = {}): EdfRecord {
  const file = options.fileName;
  checkInputSize(bytes.length, file, options.maxInputBytes);
  const header = parseEdfHeader(bytes, file);
  const warnings: string[] = [];
  const nRecords = recordCount(header, bytes.length, file, warnings);
  const ordinary = header.signals.filter((s) => !s.isAnnotation);
  if (ordinary.length > 0 && header.recordDurationS === 0) {
    throw new IoError('0 s with ordinary signals: no sampling rate', { file, field: 'data record duration' });
  }
  const signals: EdfSignal[] = ordinary.map((s) => ({
    header: s,
    fsHz: s.samplesPerRecord / header.recordDurationS,
    digital: new Int16Array(nRecords * s.samplesPerRecord),
    physical: new Float32Array(nRecords * s.samplesPerRecord),
  }));
  const annotations: EdfAnnotation[] = [];
  const recordStartsS: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = header.headerBytes;
  let badTals = 0;
  for (let r = 0; r < nRecords; r++) {
    let k = 0;
    let start: number | undefined;
    for (const s of header.signals) {
      const n = s.samplesPerRecord;
      if (s.isAnnotation) {
        const field = `data record ${r} annotations`;
        try {
          const parsed = parseEdfAnnotations(bytes.subarray(pos, pos + 2 * n), { file, field });
          start ??= parsed.recordStartS;
          annotations.push(...parsed.annotations);
        } catch (e) {
          if (!(e instanceof IoError)) throw e;
          if (++badTals <= MAX_TAL_WARNINGS)
            warnings.push(`${e.message}; that record's annotations were skipped`);
        }
      } else {
        const d = signals[k++].digital;
        for (let i = 0, o = r * n, p = pos; i < n; i++, p += 2) d[o + i] = view.getInt16(p, true);
      }
      pos += 2 * n;
    }
    recordStartsS.push(start ?? r * header.recordDurationS);
  }
  signals.forEach(scale);
  if (badTals > MAX_TAL_WARNINGS) {
    warnings.push(
      `${file ?? 'EDF'}: ${badTals - MAX_TAL_WARNINGS} more data records with malformed annotations`,
    );
  }
  if (header.variant !== 'EDF' && !header.signals.some((s) => s.isAnnotation)) {
    warnings.push(`${file ?? 'EDF'}: an ${header.variant} file without an EDF Annotations signal`);
  }
  if (header.variant === 'EDF+D') {
    warnings.push(
      `${file ?? 'EDF'}: EDF+D (discontinuous): data records are concatenated; see recordStartsS`,
    );
  }
  return { header, signals, annotations, recordStartsS, warnings };
}
