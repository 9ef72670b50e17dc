// Seeded fuzzing of the readers: mutated WFDB headers, truncated or bit-flipped signal files, mutated
// EDF(+) files, annotation files and CSV tables. Every case must end in a record or a typed IoError,
// never another exception, and within a time budget.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/rng.ts';
import { readCsvSignals } from '../../src/io/csv-table.ts';
import { encodeEdf, type EdfInput } from '../../src/io/edf-encode.ts';
import { readEdf } from '../../src/io/edf.ts';
import { IoError } from '../../src/io/io-error.ts';
import { decodeLatin1 } from '../../src/io/text-decode.ts';
import { decodeAnnotations, encodeAnnotations, type WfdbAnnotation } from '../../src/io/wfdb-annotation.ts';
import { encodeSamples } from '../../src/io/wfdb-format-encode.ts';
import { parseHeaderBytes } from '../../src/io/wfdb-header-bytes.ts';
import { readWfdbRecord } from '../../src/io/wfdb-record.ts';

const SEED = 20240917;
const CASE_BUDGET_MS = 200;
const FORMATS = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311];
const ODD_NUMBERS = [
  '99999999999999999999',
  '1e308',
  '1e999',
  '-1',
  '0',
  '2147483648',
  '-2147483649',
  '4294967296',
  'NaN',
  '0x10',
  '-0',
  '.',
  '+',
];
const ODD_FORMATS = [
  '0',
  '508',
  '516',
  '524',
  '17',
  '212x0',
  '16x99999999999',
  '212:2147483647',
  '16+99999999',
  '16x3:2+5',
  '1e3',
];
const MAX_BYTES = 4_000_000;

/** What the fuzzer saw: outcomes, the slowest case and every failure (a non-IoError or a slow case). */
interface Tally {
  records: number;
  ioErrors: number;
  slowestMs: number;
  failures: string[];
}

const int = (rng: Rng, n: number): number => Math.floor(rng.uniform() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Milliseconds one call of `fn` takes, and how it ended: a result, an IoError or another exception. */
function timed(fn: () => unknown): { ms: number; outcome: 'record' | 'ioError' | Error } {
  const t0 = performance.now();
  let outcome: 'record' | 'ioError' | Error = 'record';
  try {
    fn();
  } catch (e) {
    outcome = e instanceof IoError ? 'ioError' : e instanceof Error ? e : new Error(String(e));
  }
  return { ms: performance.now() - t0, outcome };
}

/**
 * Runs one case, recording its outcome. A case over the time budget runs once more, so that a garbage
 * collection or a busy machine does not count as a hang; it fails when the second run is slow too.
 */
function run(tally: Tally, label: string, fn: () => unknown): void {
  const { outcome, ms: first } = timed(fn);
  let ms = first;
  if (ms > CASE_BUDGET_MS) ms = Math.min(ms, timed(fn).ms);
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  if (ms > CASE_BUDGET_MS) tally.failures.push(`${label}: took ${ms.toFixed(0)} ms`);
  if (outcome === 'record') tally.records++;
  else if (outcome === 'ioError') tally.ioErrors++;
  else tally.failures.push(`${label}: ${outcome.name}: ${outcome.message}`);
}

/** Byte-level mutations shared by every file kind. */
function mutateBytes(rng: Rng, input: Uint8Array): Uint8Array {
  const b = input.slice();
  switch (int(rng, 5)) {
    case 0: // flip random bits
      for (let k = 1 + int(rng, 20); k > 0 && b.length > 0; k--) b[int(rng, b.length)] ^= 1 << int(rng, 8);
      return b;
    case 1: // truncate
      return b.slice(0, int(rng, b.length + 1));
    case 2: {
      // insert binary junk
      const at = int(rng, b.length + 1);
      const junk = Uint8Array.from({ length: 1 + int(rng, 20) }, () => int(rng, 256));
      return Uint8Array.from([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
    }
    case 3: // random bytes overwritten
      for (let k = 1 + int(rng, 5); k > 0 && b.length > 0; k--) b[int(rng, b.length)] = int(rng, 256);
      return b;
    default:
      return int(rng, 4) === 0 ? new Uint8Array(0) : Uint8Array.from([...b, ...b.subarray(0, int(rng, 64))]);
  }
}

/** Text-level mutations of a header: fields deleted, duplicated or replaced by odd values, lines shuffled. */
function mutateHeader(rng: Rng, text: string): Uint8Array {
  const lines = text.split('\n');
  const li = int(rng, lines.length);
  const fields = lines[li].split(' ');
  const fi = int(rng, fields.length);
  switch (int(rng, 7)) {
    case 0:
      fields.splice(fi, 1);
      break;
    case 1:
      fields.splice(fi, 0, fields[fi]);
      break;
    case 2:
      fields[fi] = pick(rng, ODD_NUMBERS);
      break;
    case 3:
      if (fields.length > 1) fields[1] = pick(rng, ODD_FORMATS);
      break;
    case 4:
      lines.splice(li, 1);
      return ascii(lines.join('\n'));
    case 5:
      lines.splice(li, 0, lines[li]);
      return ascii(lines.join('\n'));
    default:
      return mutateBytes(rng, ascii(text));
  }
  lines[li] = fields.join(' ');
  return ascii(lines.join('\n'));
}

/** A valid small WFDB record: header text and its signal files, in one of many layouts. */
function wfdbSeed(rng: Rng): { header: string; files: Map<string, Uint8Array> } {
  const format = pick(rng, FORMATS);
  const nSignals = 1 + int(rng, 3);
  const nFrames = 1 + int(rng, 60);
  const spf = int(rng, 4) === 0 ? 2 : 1;
  const offset = int(rng, 4) === 0 ? 24 : 0;
  const twoFiles = nSignals > 1 && int(rng, 3) === 0;
  const lo = format === 8 ? -20 : format === 80 ? -128 : format === 310 || format === 311 ? -512 : -2048;
  const lines = [`rec ${nSignals} ${pick(rng, [125, 250, 360, 500])} ${nFrames}`];
  const perFile = new Map<string, number[]>();
  for (let s = 0; s < nSignals; s++) {
    const file = twoFiles && s > 0 ? 'rec.d1' : 'rec.dat';
    const x = s === 0 ? spf : 1;
    const skew = s > 0 && int(rng, 5) === 0 ? `:${1 + int(rng, 3)}` : '';
    lines.push(
      `${file} ${format}${x > 1 ? `x${x}` : ''}${skew}${offset ? `+${offset}` : ''} 200(${int(rng, 50)})/mV 12 0 0 ${int(rng, 100)} 0 s${s}`,
    );
    perFile.set(file, perFile.get(file) ?? []);
  }
  const files = new Map<string, Uint8Array>();
  for (const [file] of perFile) {
    const members = lines.slice(1).filter((l) => l.startsWith(`${file} `)).length;
    const count = nFrames * (members + (file === 'rec.dat' ? spf - 1 : 0));
    const values = Array.from({ length: count }, () => lo + int(rng, -2 * lo));
    files.set(file, Uint8Array.from([...new Uint8Array(offset), ...encodeSamples(format, values)]));
  }
  return { header: `${lines.join('\n')}\n# comment\n`, files };
}

function edfSeed(rng: Rng): EdfInput {
  const nRecords = 1 + int(rng, 4);
  const signals = Array.from({ length: 1 + int(rng, 3) }, (_, i) => {
    const spr = 1 + int(rng, 20);
    return {
      label: `ECG ${i}`,
      units: pick(rng, ['mV', 'uV', '']),
      physicalMin: -1 - int(rng, 5),
      physicalMax: 1 + int(rng, 5),
      digitalMin: -32768,
      digitalMax: 32767,
      samplesPerRecord: spr,
      digital: Int16Array.from({ length: spr * nRecords }, () => int(rng, 65536) - 32768),
    };
  });
  const annotations =
    int(rng, 2) === 0
      ? undefined
      : [
          { onsetS: 0.5, durationS: 1, text: '(AFIB' },
          { onsetS: 1.25, text: 'N' },
        ];
  return { recordDurationS: pick(rng, [1, 0.5, 2]), signals, annotations };
}

/** Overwrites one fixed-width EDF header field with an odd value. */
function mutateEdfField(rng: Rng, file: Uint8Array): Uint8Array {
  const b = file.slice();
  const ns = Number(decodeLatin1(b.subarray(252, 256)).trim()) || 1;
  const fixed = [
    [168, 8],
    [176, 8],
    [184, 8],
    [192, 44],
    [236, 8],
    [244, 8],
    [252, 4],
  ] as const;
  const widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32];
  let at: number;
  let width: number;
  if (int(rng, 2) === 0) [at, width] = pick(rng, fixed);
  else {
    const col = int(rng, widths.length);
    at = 256 + widths.slice(0, col).reduce((s, w) => s + w * ns, 0) + int(rng, ns) * widths[col];
    width = widths[col];
  }
  const value = pick(rng, [...ODD_NUMBERS, '-32768', '32767', '-99999', ' ', 'EDF+D', 'EDF+C']);
  if (at + width <= b.length) b.set(ascii(value.padEnd(width, ' ').slice(0, width)), at);
  return b;
}

describe('reader fuzzing (seeded)', () => {
  it('WFDB: 3,500 mutated headers and truncated or flipped signal files end in a record or an IoError', () => {
    const rng = createRng(SEED, 1);
    const tally: Tally = { records: 0, ioErrors: 0, slowestMs: 0, failures: [] };
    for (let c = 0; c < 3500; c++) {
      const seed = wfdbSeed(rng);
      const mode = int(rng, 5); // 0-1: header, 2-3: data, 4: both
      const headerBytes = mode <= 1 || mode === 4 ? mutateHeader(rng, seed.header) : ascii(seed.header);
      const files = new Map(seed.files);
      if (mode >= 2) {
        const name = pick(rng, [...files.keys()]);
        files.set(name, mutateBytes(rng, files.get(name)!));
      }
      run(tally, `wfdb case ${c}`, () =>
        readWfdbRecord(parseHeaderBytes(headerBytes, 'rec.hea'), files, { maxInputBytes: MAX_BYTES }),
      );
    }
    console.log(
      `fuzz wfdb: ${tally.records} records, ${tally.ioErrors} IoErrors, slowest ${tally.slowestMs.toFixed(1)} ms`,
    );
    expect(tally.failures).toEqual([]);
    expect(tally.records).toBeGreaterThan(500);
    expect(tally.ioErrors).toBeGreaterThan(500);
  });

  it('EDF/EDF+: 1,500 mutated headers, fields and data end in a record or an IoError', () => {
    const rng = createRng(SEED, 2);
    const tally: Tally = { records: 0, ioErrors: 0, slowestMs: 0, failures: [] };
    for (let c = 0; c < 1500; c++) {
      const file = encodeEdf(edfSeed(rng));
      const bytes = int(rng, 2) === 0 ? mutateEdfField(rng, file) : mutateBytes(rng, file);
      run(tally, `edf case ${c}`, () => readEdf(bytes, { fileName: 'f.edf', maxInputBytes: MAX_BYTES }));
    }
    console.log(
      `fuzz edf: ${tally.records} records, ${tally.ioErrors} IoErrors, slowest ${tally.slowestMs.toFixed(1)} ms`,
    );
    expect(tally.failures).toEqual([]);
    expect(tally.records).toBeGreaterThan(100);
    expect(tally.ioErrors).toBeGreaterThan(100);
  });

  it('annotation files and CSV tables: 1,000 mutated inputs end in a result or an IoError', () => {
    const rng = createRng(SEED, 3);
    const tally: Tally = { records: 0, ioErrors: 0, slowestMs: 0, failures: [] };
    const anns: WfdbAnnotation[] = Array.from({ length: 40 }, (_, i) => ({
      sample: i * 300 + (i % 7) * 900,
      symbol: i % 10 === 0 ? '+' : pick(rng, ['N', 'V', 'A', '~']),
      subtype: i % 5 === 0 ? -3 : 0,
      chan: i % 3,
      num: 0,
      aux: i % 10 === 0 ? '(AFIB' : '',
    }));
    const atr = encodeAnnotations(anns);
    const csv =
      'time_s,ii_uv,v1_mV\n' +
      Array.from({ length: 50 }, (_, i) => `${i / 250},${i * 3},${-i / 10}`).join('\n');
    for (let c = 0; c < 1000; c++) {
      if (c % 2 === 0) run(tally, `atr case ${c}`, () => decodeAnnotations(mutateBytes(rng, atr), 'f.atr'));
      else {
        const text = decodeLatin1(mutateHeader(rng, csv));
        const fsHz = int(rng, 2) === 0 ? undefined : 250;
        run(tally, `csv case ${c}`, () => readCsvSignals(text, { fileName: 'f.csv', fsHz }));
      }
    }
    console.log(
      `fuzz atr+csv: ${tally.records} results, ${tally.ioErrors} IoErrors, slowest ${tally.slowestMs.toFixed(1)} ms`,
    );
    expect(tally.failures).toEqual([]);
  });
});
