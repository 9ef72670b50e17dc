// Reading MIT-BIH record 100 (650,000 frames x 2 leads, format 212) with its .atr in Node: header,
// signals in ADC units and mV, annotations; median of timed repetitions after a warm-up.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAnnotations } from '../src/io/wfdb-annotation.ts';
import { parseHeaderBytes } from '../src/io/wfdb-header-bytes.ts';
import { readWfdbRecord } from '../src/io/wfdb-record.ts';
import { median } from './synth-rate.ts';

const WARM_UP = 5;
const REPETITIONS = 20;

/** The real-data folder: $ECG_DATA_DIR, else ../shared/ecg-data beside the project root; null if missing. */
function dataDir(): string | null {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const fromEnv = process.env.ECG_DATA_DIR;
  const dir = fromEnv ? path.resolve(fromEnv) : path.resolve(root, '../shared/ecg-data');
  return existsSync(dir) ? dir : null;
}

function bytes(file: string): Uint8Array {
  const buf = readFileSync(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/** One full read of a record from disk: header, signal file(s), annotations. */
function readRecord(dir: string, record: string): number {
  const header = parseHeaderBytes(bytes(path.join(dir, `${record}.hea`)), `${record}.hea`);
  const files = new Map<string, Uint8Array>();
  for (const s of header.signals) files.set(s.fileName, bytes(path.join(dir, s.fileName)));
  const rec = readWfdbRecord(header, files);
  const anns = decodeAnnotations(bytes(path.join(dir, `${record}.atr`)), `${record}.atr`);
  return rec.signalsMv[0].length + anns.length;
}

/** `[{ bench: 'read-wfdb', record: '100', medianMs }]`, or [] (with a note on stderr) without the data. */
export function benchReadWfdb(): object[] {
  const root = dataDir();
  const dir = root === null ? null : path.join(root, 'mitdb/original');
  if (dir === null || !existsSync(path.join(dir, '100.hea'))) {
    process.stderr.write('bench read-wfdb: skipped, MIT-BIH 100 not found (set ECG_DATA_DIR)\n');
    return [];
  }
  for (let i = 0; i < WARM_UP; i++) readRecord(dir, '100');
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const t0 = performance.now();
    readRecord(dir, '100');
    times.push(performance.now() - t0);
  }
  return [{ bench: 'read-wfdb', record: '100', medianMs: Number(median(times).toFixed(2)) }];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const line of benchReadWfdb()) process.stdout.write(`${JSON.stringify(line)}\n`);
}
