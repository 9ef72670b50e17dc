import { csvColumnRole, type CsvColumnRole } from './csv-table-columns.ts';
import { checkInputSize } from './input-size.ts';
import { IoError } from './io-error.ts';
import { decodeUtf8 } from './text-decode.ts';

/** Options of `readCsvSignals`. */
export interface ReadCsvSignalsOptions {
  /** The file name, for messages. */
  fileName?: string;
  /** Sampling frequency in Hz; needed when the file has no time column (and wins over one). */
  fsHz?: number;
  /** Columns to read, by name (any letter case; `II` also matches `ii_uv`); default all signal columns. */
  columns?: string[];
  /** Units of the values: `auto` (default) takes them from the header (`_uv`, `(mV)` ...), else mV. */
  units?: 'auto' | 'mV' | 'uV';
  /** Whether the first row is a header; `auto` (default): when any of its cells is not a number. */
  header?: 'auto' | boolean;
  /** Largest file accepted by `readCsvSignalsBytes`, in bytes (default 1 GB). */
  maxInputBytes?: number;
}

/** Signals read from a CSV table. */
export interface CsvSignals {
  /** Sampling frequency in Hz: given, or from the time column. */
  fsHz: number;
  /** The names of the columns read (`column N` without a header). */
  names: string[];
  /** The units each column was read in. */
  unitsInFile: ('mV' | 'uV')[];
  /** The columns' values in millivolts; empty cells and `NaN`/`NA` are NaN. */
  signalsMv: Float32Array[];
  /** The time column in seconds, when the file has one. */
  timeS?: Float64Array;
  /** Problems that did not stop the reading. */
  warnings: string[];
}

const MISSING_RE = /^(|nan|na|n\/a|null)$/i;

function splitRow(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

function detectDelimiter(line: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

function isNumber(cell: string): boolean {
  return cell !== '' && !Number.isNaN(Number(cell));
}

/** Picks the columns to read; throws naming a requested column that is not there. */
function selectColumns(
  roles: CsvColumnRole[],
  names: string[],
  wanted: string[] | undefined,
  file?: string,
): number[] {
  if (wanted === undefined) return roles.flatMap((r, i) => (r.kind === 'signal' ? [i] : []));
  return wanted.map((w) => {
    const key = w.trim().toLowerCase();
    let i = names.findIndex((n) => n.toLowerCase() === key);
    if (i < 0) i = roles.findIndex((r) => r.baseName.toLowerCase() === key);
    if (i < 0)
      throw new IoError(`no column "${w}" (columns: ${names.join(', ')})`, { file, field: 'header' });
    return i;
  });
}

/** Sampling frequency from a time column: (n - 1) / span, rounded to an integer within 1e-4. */
function fsFromTime(t: Float64Array, lines: number[], file: string | undefined, warnings: string[]): number {
  if (t.length < 2)
    throw new IoError('a time column needs at least 2 rows to give a sampling frequency', { file });
  for (let i = 1; i < t.length; i++) {
    if (!(t[i] > t[i - 1])) {
      throw new IoError(`time ${t[i]} does not increase`, { file, field: `line ${lines[i]}` });
    }
  }
  const dt = (t[t.length - 1] - t[0]) / (t.length - 1);
  let worst = 0;
  for (let i = 1; i < t.length; i++) worst = Math.max(worst, Math.abs(t[i] - t[i - 1] - dt));
  if (worst > 0.01 * dt)
    warnings.push(`${file ?? 'CSV'}: irregular time steps (up to ${worst} s off ${dt} s)`);
  const fs = 1 / dt;
  return Math.abs(fs - Math.round(fs)) < 1e-4 * fs ? Math.round(fs) : fs;
}

/**
 * Reads signals from a CSV table: a header row or none, comma, semicolon or tab separated, one sample
 * per row. A time column (`time`, `time_s`, `time_ms`, `t` ...) gives the sampling frequency, else
 * `fsHz` must be given. Values are taken as mV unless the header marks µV (`ii_uv`, `II (uV)`) or
 * `units` says otherwise; they are returned in mV. Throws `IoError` naming the file and line of a
 * malformed cell or a row with the wrong number of cells.
 */
export function readCsvSignals(text: string, options: ReadCsvSignalsOptions = {}): CsvSignals {
  const file = options.fileName;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new IoError('the file is empty', { file });
  const delimiter = detectDelimiter(lines[first]);
  const head = splitRow(lines[first], delimiter);
  const hasHeader =
    options.header === 'auto' || options.header === undefined ? !head.every(isNumber) : options.header;
  const names = hasHeader ? head : head.map((_, i) => `column ${i + 1}`);
  const roles = names.map((n) =>
    hasHeader ? csvColumnRole(n) : ({ kind: 'signal', baseName: n } as CsvColumnRole),
  );
  if (hasHeader) first++;
  const timeCol = roles.findIndex((r) => r.kind === 'time');
  const selected = selectColumns(roles, names, options.columns, file);
  if (selected.length === 0) throw new IoError('no signal column', { file, field: 'header' });
  const columns: number[][] = selected.map(() => []);
  const times: number[] = [];
  const lineNos: number[] = [];
  let missing = 0;
  for (let i = first; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitRow(lines[i], delimiter);
    const field = `line ${i + 1}`;
    if (cells.length !== names.length) {
      throw new IoError(`expected ${names.length} cells, found ${cells.length}`, { file, field });
    }
    const value = (c: number): number => {
      const cell = cells[c];
      if (MISSING_RE.test(cell)) return NaN;
      const v = Number(cell);
      if (Number.isNaN(v))
        throw new IoError(`"${cell}" is not a number`, { file, field: `${field} column ${names[c]}` });
      return v;
    };
    selected.forEach((c, k) => {
      const v = value(c);
      if (Number.isNaN(v)) missing++;
      columns[k].push(v);
    });
    if (timeCol >= 0) times.push(value(timeCol));
    lineNos.push(i + 1);
  }
  if (lineNos.length === 0) throw new IoError('no data rows', { file });
  const warnings: string[] = [];
  if (missing > 0) warnings.push(`${file ?? 'CSV'}: ${missing} empty or NaN cells read as NaN`);
  let timeS: Float64Array | undefined;
  let fsHz = options.fsHz;
  if (timeCol >= 0) {
    timeS = Float64Array.from(times, (t) => (roles[timeCol].units === 'ms' ? t / 1000 : t));
    const fromTime = fsFromTime(timeS, lineNos, file, warnings);
    if (fsHz !== undefined && Math.abs(fromTime - fsHz) > 0.01 * fsHz) {
      warnings.push(
        `${file ?? 'CSV'}: the time column gives ${fromTime} Hz, ${fsHz} Hz was given and is used`,
      );
    }
    fsHz ??= fromTime;
  }
  if (fsHz === undefined) {
    throw new IoError('no time column and no sampling frequency given (fsHz)', { file, field: 'header' });
  }
  if (!Number.isFinite(fsHz) || fsHz <= 0)
    throw new IoError(`sampling frequency ${fsHz} is not positive`, { file });
  const unitsInFile = selected.map((c) => {
    const u = options.units === 'mV' || options.units === 'uV' ? options.units : roles[c].units;
    return u === 'uV' ? 'uV' : 'mV';
  });
  const signalsMv = columns.map((col, k) =>
    Float32Array.from(col, (v) => (unitsInFile[k] === 'uV' ? v / 1000 : v)),
  );
  selected.forEach((c, k) => {
    if ((options.units ?? 'auto') !== 'auto' || roles[c].units !== undefined) return;
    const big = columns[k].some((v) => Math.abs(v) > 100);
    if (big)
      warnings.push(`${file ?? 'CSV'}: column ${names[c]} has no units and values over 100: are they µV?`);
  });
  return { fsHz, names: selected.map((c) => names[c]), unitsInFile, signalsMv, timeS, warnings };
}

/** `readCsvSignals` on the bytes of a file (UTF-8), refusing a file over the size limit before decoding. */
export function readCsvSignalsBytes(bytes: Uint8Array, options: ReadCsvSignalsOptions = {}): CsvSignals {
  checkInputSize(bytes.length, options.fileName, options.maxInputBytes);
  return readCsvSignals(decodeUtf8(bytes), options);
}
