import type { EdfAnnotation } from './edf-types.ts';
import { IoError } from './io-error.ts';

/** One ordinary signal to write to an EDF file. */
export interface EdfSignalInput {
  /** Label (at most 16 characters), e.g. `ECG II`. */
  label: string;
  /** Physical dimension (at most 8 characters), e.g. `mV`. */
  units: string;
  /** Physical value of `digitalMin`. */
  physicalMin: number;
  /** Physical value of `digitalMax`. */
  physicalMax: number;
  /** Smallest digital value. */
  digitalMin: number;
  /** Largest digital value. */
  digitalMax: number;
  /** Samples per data record. */
  samplesPerRecord: number;
  /** The digital samples, `samplesPerRecord * nDataRecords` long. */
  digital: Int16Array;
}

/** What `encodeEdf` writes. */
export interface EdfInput {
  /** Patient identification (at most 80 characters); default `X X X X`. */
  patient?: string;
  /** Recording identification (at most 80 characters); default `Startdate X X X X`. */
  recording?: string;
  /** Start date `dd.mm.yy`; default `01.01.00`. */
  startDate?: string;
  /** Start time `hh.mm.ss`; default `00.00.00`. */
  startTime?: string;
  /** Data record duration in seconds. */
  recordDurationS: number;
  /** The ordinary signals; all must fill the same number of data records. */
  signals: EdfSignalInput[];
  /** EDF+ annotations: when given, the file is EDF+C with an `EDF Annotations` signal last. */
  annotations?: EdfAnnotation[];
}

function field(value: string, width: number, name: string): string {
  if (value.length > width || /[^\x20-\x7e]/.test(value)) {
    throw new IoError(`"${value}" is not printable ASCII of at most ${width} characters`, { field: name });
  }
  return value.padEnd(width, ' ');
}

/** A number in at most 8 characters (fewer significant digits when needed). */
function number8(x: number, name: string): string {
  if (!Number.isFinite(x)) throw new IoError(`${x} is not finite`, { field: name });
  for (let p = 8; p >= 1; p--) {
    const t = String(Number(x.toPrecision(p)));
    if (t.length <= 8) return t.padEnd(8, ' ');
  }
  throw new IoError(`${x} does not fit 8 characters`, { field: name });
}

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Each data record's annotation bytes: the time-keeping TAL, then the TALs whose onset falls in it. */
function talBytes(input: EdfInput, nRecords: number): number[][] {
  const ascii = (t: string): number[] => [...t].map((c) => c.charCodeAt(0));
  const d = input.recordDurationS;
  return Array.from({ length: nRecords }, (_, r) => {
    const bytes = [...ascii(`+${r * d}`), 0x14, 0x14, 0x00];
    for (const a of input.annotations ?? []) {
      const k = Math.min(nRecords - 1, Math.max(0, Math.floor(a.onsetS / d)));
      if (k !== r) continue;
      const onset = a.onsetS < 0 ? String(a.onsetS) : `+${a.onsetS}`;
      bytes.push(...ascii(onset));
      if (a.durationS !== undefined) bytes.push(0x15, ...ascii(String(a.durationS)));
      bytes.push(0x14, ...utf8(a.text), 0x14, 0x00);
    }
    return bytes;
  });
}

/**
 * Writes an EDF file (EDF+C with an `EDF Annotations` signal when `annotations` is given): the ASCII
 * header, then the data records of 16-bit little-endian samples. Throws `IoError` for fields that do not
 * fit their widths, signals of unequal record counts and a non-positive record duration.
 */
export function encodeEdf(input: EdfInput): Uint8Array {
  if (!(input.recordDurationS > 0)) {
    throw new IoError(`${input.recordDurationS} s is not a positive duration`, { field: 'recordDurationS' });
  }
  const first = input.signals[0];
  const nRecords = first === undefined ? 1 : first.digital.length / first.samplesPerRecord;
  input.signals.forEach((s, i) => {
    if (
      !Number.isInteger(s.samplesPerRecord) ||
      s.samplesPerRecord < 1 ||
      s.digital.length !== nRecords * s.samplesPerRecord
    ) {
      throw new IoError(`the samples do not fill ${nRecords} whole data records`, { field: `signal ${i}` });
    }
  });
  if (!Number.isInteger(nRecords))
    throw new IoError('the samples do not fill whole data records', { field: 'signal 0' });
  const tals = input.annotations === undefined ? undefined : talBytes(input, nRecords);
  const annSamples = tals === undefined ? 0 : Math.ceil(Math.max(...tals.map((t) => t.length)) / 2);
  const rows = input.signals.map((s, i) => ({ ...s, label: field(s.label, 16, `signal ${i} label`) }));
  const ns = rows.length + (tals === undefined ? 0 : 1);
  const cols: string[][] = [[], [], [], [], [], [], [], [], [], []];
  rows.forEach((s, i) => {
    const at = (n: string): string => `signal ${i} ${n}`;
    const values = [
      s.label,
      ' '.repeat(80),
      field(s.units, 8, at('units')),
      number8(s.physicalMin, at('pmin')),
    ];
    values.push(
      number8(s.physicalMax, at('pmax')),
      number8(s.digitalMin, at('dmin')),
      number8(s.digitalMax, at('dmax')),
    );
    values.push(' '.repeat(80), number8(s.samplesPerRecord, at('samples')), ' '.repeat(32));
    values.forEach((v, c) => cols[c].push(v));
  });
  if (tals !== undefined) {
    const values = ['EDF Annotations '.padEnd(16), ' '.repeat(80), ' '.repeat(8), '-1      ', '1       '];
    values.push('-32768  ', '32767   ', ' '.repeat(80), number8(annSamples, 'annotations'), ' '.repeat(32));
    values.forEach((v, c) => cols[c].push(v));
  }
  let text = field('0', 8, 'version') + field(input.patient ?? 'X X X X', 80, 'patient');
  text += field(input.recording ?? 'Startdate X X X X', 80, 'recording');
  text +=
    field(input.startDate ?? '01.01.00', 8, 'startDate') +
    field(input.startTime ?? '00.00.00', 8, 'startTime');
  text +=
    field(String(256 * (ns + 1)), 8, 'header bytes') +
    field(tals === undefined ? '' : 'EDF+C', 44, 'reserved');
  text += field(String(nRecords), 8, 'records') + number8(input.recordDurationS, 'recordDurationS');
  text += field(String(ns), 4, 'signals') + cols.map((c) => c.join('')).join('');
  const recordBytes = 2 * (rows.reduce((n, s) => n + s.samplesPerRecord, 0) + annSamples);
  const out = new Uint8Array(text.length + nRecords * recordBytes);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  const view = new DataView(out.buffer);
  let pos = text.length;
  for (let r = 0; r < nRecords; r++) {
    for (const s of rows) {
      for (let i = 0; i < s.samplesPerRecord; i++, pos += 2)
        view.setInt16(pos, s.digital[r * s.samplesPerRecord + i], true);
    }
    if (tals !== undefined) {
      out.set(tals[r], pos);
      pos += 2 * annSamples;
    }
  }
  return out;
}
