import { IoError } from './io-error.ts';

/** The header line of a single-lead signal CSV. */
export const SIGNAL_CSV_HEADER = 'time_s,ii_mv';

/**
 * The shortest decimal string that reads back (via `Number` then float32 rounding) as exactly the
 * float32 value of `x`: the first of `toPrecision(1..9)` that round-trips, written as JS writes
 * numbers (plain notation for 1e-7 <= |x| < 1e21, exponent form otherwise). `-0`, `NaN`, `Infinity`
 * and `-Infinity` are kept as such, all of which `Number` reads back.
 */
export function formatFloat32Shortest(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    // String(Number(s)) has the same digits as s (no shorter string names this float64), minus any
    // trailing zeros and in JS's plain-or-exponent notation.
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  // Unreachable: 9 significant digits always identify a float32.
  return String(f);
}

/**
 * A CSV of one lead: the header `time_s,ii_mv`, then one row per sample with the time i / fsHz written
 * as the shortest float64 round-trip string and the value as `formatFloat32Shortest`; every line,
 * the last included, ends with `\n`.
 */
export function encodeSignalCsv(signalMv: Float32Array, fsHz: number): string {
  if (!Number.isFinite(fsHz) || fsHz <= 0) {
    throw new IoError(`sampling frequency ${fsHz} must be a positive finite number`, { field: 'fsHz' });
  }
  const rows: string[] = [SIGNAL_CSV_HEADER];
  for (let i = 0; i < signalMv.length; i++) {
    rows.push(`${String(i / fsHz)},${formatFloat32Shortest(signalMv[i])}`);
  }
  return `${rows.join('\n')}\n`;
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
