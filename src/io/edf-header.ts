import type { EdfHeader, EdfSignalHeader } from './edf-types.ts';
import { IoError } from './io-error.ts';
import { decodeLatin1 } from './text-decode.ts';

export type { EdfHeader, EdfSignalHeader } from './edf-types.ts';

const FIXED_BYTES = 256;
const INTEGER_RE = /^[+-]?\d+$/;
const REAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Widths of the per-signal fields, in header order. */
const SIGNAL_FIELDS = [
  ['label', 16],
  ['transducer type', 80],
  ['physical dimension', 8],
  ['physical minimum', 8],
  ['physical maximum', 8],
  ['digital minimum', 8],
  ['digital maximum', 8],
  ['prefiltering', 80],
  ['samples per data record', 8],
  ['reserved', 32],
] as const;

/** Reads fixed-width ASCII fields one after another, naming the field in errors. */
class FieldReader {
  pos = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string | undefined,
  ) {}

  text(width: number, field: string): string {
    const slice = this.bytes.subarray(this.pos, this.pos + width);
    for (let i = 0; i < slice.length; i++) {
      if (slice[i] < 0x20 || slice[i] === 0x7f) {
        const hex = slice[i].toString(16).padStart(2, '0');
        this.fail(`binary junk (byte 0x${hex} at offset ${this.pos + i}) in a text field`, field);
      }
    }
    this.pos += width;
    return decodeLatin1(slice).trim();
  }

  integer(width: number, field: string): number {
    const t = this.text(width, field);
    if (!INTEGER_RE.test(t)) this.fail(`"${t}" is not an integer`, field);
    return Number(t);
  }

  real(width: number, field: string): number {
    const t = this.text(width, field);
    if (!REAL_RE.test(t)) this.fail(`"${t}" is not a number`, field);
    const v = Number(t);
    if (!Number.isFinite(v)) this.fail(`"${t}" is not a finite number`, field);
    return v;
  }

  fail(reason: string, field: string): never {
    throw new IoError(reason, { file: this.file, field });
  }
}

function checkSignal(s: EdfSignalHeader, i: number, r: FieldReader): void {
  const at = (name: string): string => `signal ${i} ${name}`;
  if (s.samplesPerRecord < 1 || s.samplesPerRecord > 0x7fffffff) {
    r.fail(`${s.samplesPerRecord} is not a positive sample count`, at('samples per data record'));
  }
  if (s.isAnnotation) return; // annotation signals carry text, not scaled samples
  for (const [v, name] of [
    [s.digitalMin, 'digital minimum'],
    [s.digitalMax, 'digital maximum'],
  ] as const) {
    if (v < -32768 || v > 32767) r.fail(`${v} is outside the 16-bit range`, at(name));
  }
  if (s.digitalMax <= s.digitalMin) {
    r.fail(`digital maximum ${s.digitalMax} is not above the minimum ${s.digitalMin}`, at('digital maximum'));
  }
  if (s.physicalMax === s.physicalMin) {
    r.fail(`physical maximum equals the minimum (${s.physicalMin}): no scale`, at('physical maximum'));
  }
}

/**
 * Parses the header of an EDF or EDF+ file (the 256-byte fixed part and 256 bytes per signal). Throws
 * `IoError` naming the file and field for: a file too short for its header, a version other than `0`
 * (BDF's 0xFF is named), a header size that disagrees with the signal count, non-numeric or
 * out-of-range numbers, binary junk in text fields, digital max <= min and physical max = min.
 */
export function parseEdfHeader(bytes: Uint8Array, fileName?: string): EdfHeader {
  if (bytes.length === 0) throw new IoError('the file is empty', { file: fileName });
  if (bytes.length < FIXED_BYTES) {
    throw new IoError(`${bytes.length} bytes are too short for an EDF header (256 at least)`, {
      file: fileName,
      field: 'header',
    });
  }
  if (bytes[0] === 0xff) {
    throw new IoError('BDF (24-bit) files are not supported, only EDF and EDF+', {
      file: fileName,
      field: 'version',
    });
  }
  const r = new FieldReader(bytes, fileName);
  const version = r.text(8, 'version');
  if (version !== '0') r.fail(`"${version}" is not the EDF version "0": not an EDF file`, 'version');
  const patient = r.text(80, 'patient identification');
  const recording = r.text(80, 'recording identification');
  const startDate = r.text(8, 'start date');
  const startTime = r.text(8, 'start time');
  const headerBytes = r.integer(8, 'header bytes');
  const reserved = r.text(44, 'reserved');
  const nDataRecords = r.integer(8, 'number of data records');
  const recordDurationS = r.real(8, 'data record duration');
  const nSignals = r.integer(4, 'number of signals');
  if (nSignals < 1) r.fail(`${nSignals} signals: at least one is needed`, 'number of signals');
  if (headerBytes !== FIXED_BYTES * (nSignals + 1)) {
    r.fail(
      `${headerBytes} bytes disagree with ${nSignals} signals (${FIXED_BYTES * (nSignals + 1)} expected)`,
      'header bytes',
    );
  }
  if (bytes.length < headerBytes) {
    r.fail(`truncated: the header needs ${headerBytes} bytes, the file holds ${bytes.length}`, 'header');
  }
  if (nDataRecords < -1)
    r.fail(`${nDataRecords} is not a record count (-1 means unknown)`, 'number of data records');
  if (recordDurationS < 0) r.fail(`${recordDurationS} s is negative`, 'data record duration');
  const columns = SIGNAL_FIELDS.map(([name, width]) =>
    Array.from({ length: nSignals }, (_, i) => r.text(width, `signal ${i} ${name}`)),
  );
  const num = (col: number, i: number, integer: boolean): number => {
    const t = columns[col][i];
    const field = `signal ${i} ${SIGNAL_FIELDS[col][0]}`;
    if (!(integer ? INTEGER_RE : REAL_RE).test(t))
      r.fail(`"${t}" is not ${integer ? 'an integer' : 'a number'}`, field);
    const v = Number(t);
    if (!Number.isFinite(v)) r.fail(`"${t}" is not a finite number`, field);
    return v;
  };
  const signals: EdfSignalHeader[] = [];
  for (let i = 0; i < nSignals; i++) {
    const s: EdfSignalHeader = {
      label: columns[0][i],
      transducer: columns[1][i],
      units: columns[2][i],
      physicalMin: num(3, i, false),
      physicalMax: num(4, i, false),
      digitalMin: num(5, i, true),
      digitalMax: num(6, i, true),
      prefiltering: columns[7][i],
      samplesPerRecord: num(8, i, true),
      isAnnotation: columns[0][i] === 'EDF Annotations',
    };
    checkSignal(s, i, r);
    signals.push(s);
  }
  const variant = reserved.startsWith('EDF+C') ? 'EDF+C' : reserved.startsWith('EDF+D') ? 'EDF+D' : 'EDF';
  return {
    variant,
    patient,
    recording,
    startDate,
    startTime,
    headerBytes,
    nDataRecords,
    recordDurationS,
    signals,
  };
}
