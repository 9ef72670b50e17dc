import { IoError } from './io-error.ts';

/** The header line of a single-lead signal CSV. */
export const SIGNAL_CSV_HEADER = 'time_s,ii_mv';

/** 10^0 … 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The fast path's answer (module state, so the hot loop allocates nothing): the decimal digits without
 * trailing zeros as an integer, how many there are, and the point position (value = 0.DIGITS · 10^point).
 */
let fastDigits = 0;
let fastLength = 0;
let fastPoint = 0;

/** The bits of a float32, to read its exponent. */
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** By biased float32 exponent b (value 2^(b-127)·1.x): 8 - floor(log10(2^(b-127))), and half an ulp. */
const K_BY_EXPONENT = Int32Array.from({ length: 256 }, (_, b) => 8 - Math.floor((b - 127) * Math.log10(2)));
const HALF_ULP_BY_EXPONENT = Float64Array.from({ length: 256 }, (_, b) => 2 ** (b - 127 - 24));

/** d mod 10^j for j = 0…8 of the current value. */
const TAILS = new Int32Array(9);

/**
 * What `formatFloat32Shortest`'s precision loop finds for a positive float32 `a` in [1e-4, 1e9), by exact
 * double arithmetic instead of strings; false outside that range (the caller then uses the loop).
 *
 * y = a · 10^k, with k in 0…12 chosen to give 9 integer digits, is exact (a has at most 24 significant
 * bits, 10^k = 5^k · 2^k with 5^k < 2^28), so its integer part d and fraction are exact too. Rounding
 * y to p digits, halves up, is then exactly `toPrecision(p)`'s decimal, and q · 10^e (or q / 10^-e,
 * q ≤ 10^9, |e| ≤ 12) is one correctly rounded operation on exact doubles, i.e. exactly
 * `Number(toPrecision(p))`. A decimal of at most 15 digits is the shortest string of the double it
 * reads as, so `String(Number(s))` is that decimal without trailing zeros, in plain notation here.
 *
 * A p-digit decimal can only read back as `a` within half the float32 spacing above `a` (plus half a
 * double ulp), so precisions whose rounding lands farther away are skipped without the exact check.
 */
function shortestPositive(a: number): boolean {
  if (!(a >= 1e-4 && a < 1e9)) return false;
  F32[0] = a;
  const biased = U32[0] >>> 23;
  let k = K_BY_EXPONENT[biased];
  let y = a * POW10[k];
  if (y >= 1e9) y = a * POW10[--k];
  else if (y < 1e8) y = a * POW10[++k];
  if (k < 0 || k > 12) return false;
  const d = y | 0; // < 1e9 < 2^31: int32 arithmetic from here on
  const frac = y - d;
  const tolerance = HALF_ULP_BY_EXPONENT[biased] * POW10[k] * (1 + 1e-6);
  let rest = d;
  for (let j = 1, tail = 0, scale = 1; j <= 8; j++, scale *= 10) {
    const next = (rest / 10) | 0;
    tail += (rest - next * 10) * scale;
    rest = next;
    TAILS[j] = tail;
  }
  // The tolerance is under 60 (half a float32 step of a 9-digit y); a rounding at the 10^j digit, j ≥ 3,
  // can only be that close when the last three digits are: otherwise start at j = 2.
  const t3 = TAILS[3];
  for (let j = t3 > tolerance && t3 < 999 - tolerance ? 2 : 8; j >= 0; j--) {
    // Precision p = 9 - j: round d.frac at the 10^j digit.
    const tail = TAILS[j] + frac;
    const grid = POW10[j];
    if (tail > tolerance && grid - tail > tolerance) continue;
    let q = ((d - TAILS[j]) / grid) | 0;
    if (j > 0 ? TAILS[j] >= 5 * POW10[j - 1] : frac >= 0.5) q++;
    const e = j - k;
    const v = e >= 0 ? q * POW10[e] : q / POW10[-e];
    if (Math.fround(v) === a) {
      let n = q === POW10[9 - j] ? 10 - j : 9 - j;
      fastPoint = n + e;
      while (q % 10 === 0) {
        q = (q / 10) | 0;
        n--;
      }
      fastDigits = q;
      fastLength = n;
      return true;
    }
  }
  return false;
}

/** The precision loop itself: the first `toPrecision(1..9)` of float32 `f` (finite, non-zero) that round-trips. */
function shortestByPrecision(f: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    // String(Number(s)) has the same digits as s (no shorter string names this float64), minus any
    // trailing zeros and in JS's plain-or-exponent notation.
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  // Unreachable: 9 significant digits always identify a float32.
  return String(f);
}

/** The fast path's decimal in plain notation (its point lies in -3…10). */
function fastPlain(negative: boolean): string {
  const digits = String(fastDigits);
  const sign = negative ? '-' : '';
  if (fastPoint >= fastLength) return sign + digits + '0'.repeat(fastPoint - fastLength);
  if (fastPoint > 0) return `${sign}${digits.slice(0, fastPoint)}.${digits.slice(fastPoint)}`;
  return `${sign}0.${'0'.repeat(-fastPoint)}${digits}`;
}

/**
 * The shortest decimal string that reads back (via `Number` then float32 rounding) as exactly the
 * float32 value of `x`: the first of `toPrecision(1..9)` that round-trips, written as JS writes
 * numbers (plain notation for 1e-7 <= |x| < 1e21, exponent form otherwise). `-0`, `NaN`, `Infinity`
 * and `-Infinity` are kept as such, all of which `Number` reads back. Values in [1e-4, 1e9) take an
 * exact arithmetic path with the same result.
 */
export function formatFloat32Shortest(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return shortestPositive(Math.abs(f)) ? fastPlain(f < 0) : shortestByPrecision(f);
}

/** Write `text` (ASCII) at `pos`; returns the position after it. */
function writeAscii(out: Uint8Array, pos: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[pos++] = text.charCodeAt(i);
  return pos;
}

/** The ASCII codes of 00…99, two per entry. */
const DIGIT_PAIRS = Uint8Array.from(
  { length: 200 },
  (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10),
);

/** Write the `n`-digit integer `q` at `pos`; returns the position after it. */
function writeDigits(out: Uint8Array, pos: number, q: number, n: number): number {
  let i = pos + n;
  while (i - pos >= 2) {
    const rest = (q / 100) | 0;
    const pair = (q - rest * 100) << 1;
    out[--i] = DIGIT_PAIRS[pair + 1];
    out[--i] = DIGIT_PAIRS[pair];
    q = rest;
  }
  if (i > pos) out[pos] = 48 + q; // one digit left: i = pos + 1
  return pos + n;
}

/** Write `formatFloat32Shortest(x)` at `pos` (room for `MAX_VALUE_BYTES`); returns the position after it. */
function writeFloat32Shortest(out: Uint8Array, pos: number, x: number): number {
  const f = Math.fround(x);
  const a = f < 0 ? -f : f;
  if (!shortestPositive(a)) return writeAscii(out, pos, formatFloat32Shortest(f));
  if (f < 0) out[pos++] = 0x2d; // -
  const n = fastLength;
  const point = fastPoint;
  if (point >= n) {
    pos = writeDigits(out, pos, fastDigits, n);
    for (let i = n; i < point; i++) out[pos++] = 0x30;
  } else if (point > 0) {
    const high = (fastDigits / POW10[n - point]) | 0;
    writeDigits(out, pos, high, point);
    out[pos + point] = 0x2e; // .
    pos = writeDigits(out, pos + point + 1, fastDigits - high * POW10[n - point], n - point);
  } else {
    out[pos++] = 0x30;
    out[pos++] = 0x2e;
    for (let i = point; i < 0; i++) out[pos++] = 0x30;
    pos = writeDigits(out, pos, fastDigits, n);
  }
  return pos;
}

/** Longest `formatFloat32Shortest` output: 21 digits and a sign (-1e20), with room to spare. */
const MAX_VALUE_BYTES = 24;

/** This thread's time column: `String(i / fsHz) + ','` for i < count, as bytes with row offsets. */
const timeColumn = { fsHz: NaN, count: 0, bytes: new Uint8Array(0), offsets: new Int32Array([0]) };

/** The time column of `fsHz` for at least `n` rows (built once per rate, extended as needed). */
function timeColumnFor(fsHz: number, n: number): typeof timeColumn {
  const c = timeColumn;
  if (c.fsHz !== fsHz)
    Object.assign(c, { fsHz, count: 0, bytes: new Uint8Array(0), offsets: new Int32Array([0]) });
  if (c.count >= n) return c;
  const offsets = new Int32Array(n + 1);
  offsets.set(c.offsets.subarray(0, c.count + 1));
  let texts = '';
  for (let i = c.count; i < n; i++) {
    texts += `${String(i / fsHz)},`;
    offsets[i + 1] = offsets[c.count] + texts.length;
  }
  const bytes = new Uint8Array(offsets[n]);
  bytes.set(c.bytes.subarray(0, offsets[c.count]));
  writeAscii(bytes, offsets[c.count], texts);
  Object.assign(c, { count: n, bytes, offsets });
  return c;
}

let scratch = new Uint8Array(0);

/**
 * `encodeSignalCsv`'s text as ASCII bytes, written directly (no strings per sample); in a view from
 * `alloc` (an arena) when given, else a new array.
 */
export function encodeSignalCsvBytes(
  signalMv: Float32Array,
  fsHz: number,
  alloc?: (n: number) => Uint8Array,
): Uint8Array {
  if (!Number.isFinite(fsHz) || fsHz <= 0) {
    throw new IoError(`sampling frequency ${fsHz} must be a positive finite number`, { field: 'fsHz' });
  }
  const n = signalMv.length;
  const times = timeColumnFor(fsHz, n);
  const bound = SIGNAL_CSV_HEADER.length + 1 + times.offsets[n] + n * (MAX_VALUE_BYTES + 1);
  if (scratch.length < bound) scratch = new Uint8Array(bound);
  const out = scratch;
  let pos = writeAscii(out, 0, SIGNAL_CSV_HEADER);
  out[pos++] = 0x0a;
  const timeBytes = times.bytes;
  const offsets = times.offsets;
  for (let i = 0; i < n; i++) {
    for (let b = offsets[i], end = offsets[i + 1]; b < end; b++) out[pos++] = timeBytes[b];
    pos = writeFloat32Shortest(out, pos, signalMv[i]);
    out[pos++] = 0x0a;
  }
  const result = alloc ? alloc(pos) : new Uint8Array(pos);
  result.set(out.subarray(0, pos));
  return result;
}

/**
 * A CSV of one lead: the header `time_s,ii_mv`, then one row per sample with the time i / fsHz written
 * as the shortest float64 round-trip string and the value as `formatFloat32Shortest`; every line,
 * the last included, ends with `\n`.
 */
export function encodeSignalCsv(signalMv: Float32Array, fsHz: number): string {
  const bytes = encodeSignalCsvBytes(signalMv, fsHz);
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return text;
}

function parseCell(cell: string, line: number, column: string, fileName: string | undefined): number {
  const text = cell.trim();
  const value = Number(text);
  if (text === '' || (Number.isNaN(value) && text !== 'NaN')) {
    throw new IoError(`"${cell}" is not a number`, { file: fileName, field: `line ${line} ${column}` });
  }
  return value;
}

/**
 * Reads a CSV written by `encodeSignalCsv` (also accepting `\r\n` line ends, a byte order mark and blank
 * lines): the header must be `time_s,ii_mv`, each row two numbers. Throws `IoError` naming the line
 * number (1-based) of a malformed row.
 */
export function decodeSignalCsv(
  text: string,
  fileName?: string,
): { timeS: Float64Array; signalMv: Float32Array } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let headerSeen = false;
  const times: number[] = [];
  const values: number[] = [];
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.trim() === '') return;
    if (!headerSeen) {
      if (raw.trim() !== SIGNAL_CSV_HEADER) {
        throw new IoError(`expected the header "${SIGNAL_CSV_HEADER}", found "${raw}"`, {
          file: fileName,
          field: `line ${lineNo}`,
        });
      }
      headerSeen = true;
      return;
    }
    const cells = raw.split(',');
    if (cells.length !== 2) {
      throw new IoError(`expected 2 columns, found ${cells.length}`, {
        file: fileName,
        field: `line ${lineNo}`,
      });
    }
    times.push(parseCell(cells[0], lineNo, 'time_s', fileName));
    values.push(parseCell(cells[1], lineNo, 'ii_mv', fileName));
  });
  if (!headerSeen) throw new IoError('the file is empty', { file: fileName, field: 'line 1' });
  return { timeS: Float64Array.from(times), signalMv: Float32Array.from(values) };
}
