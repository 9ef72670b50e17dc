// R-peak detection on real data: MIT-BIH Arrhythmia Database record 100, lead MLII, the whole 30 min,
// against the cardiologists' beat annotations. The data folder is `$ECG_DATA_DIR` (relative paths from
// the project root) or `../shared/ecg-data`; without it the test is skipped, unless REQUIRE_ECG_DATA=1.
// The format 212 and annotation decoders below are deliberately tiny and local to this test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectRPeaks } from '../../src/analysis/index.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_DIR = path.resolve(PROJECT_ROOT, process.env.ECG_DATA_DIR || '../shared/ecg-data');
const RECORD = path.join(DATA_DIR, 'mitdb/original/100');
const COUNTS = path.join(DATA_DIR, 'labels/mitdb_beat_counts.csv');

/** The header fields this test needs: sampling rate, and per signal format, gain, zero, first sample, checksum. */
function readHeader(text: string) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [, nSig, fs] = lines[0].trim().split(/\s+/);
  const signals = lines.slice(1, 1 + Number(nSig)).map((l) => {
    const f = l.trim().split(/\s+/);
    return {
      format: f[1],
      gain: parseFloat(f[2]),
      zero: Number(f[4]),
      first: Number(f[5]),
      checksum: Number(f[6]),
    };
  });
  return { fsHz: Number(fs), signals };
}

/** Format 212: two 12-bit two's-complement samples in three bytes, signals interleaved. */
function decode212(bytes: Uint8Array, nSig: number): Int16Array[] {
  const total = Math.floor(bytes.length / 3) * 2;
  const out = Array.from({ length: nSig }, () => new Int16Array(Math.floor(total / nSig)));
  for (let k = 0; k < total; k++) {
    const b = 3 * (k >> 1);
    let v =
      k % 2 === 0 ? bytes[b] | ((bytes[b + 1] & 0x0f) << 8) : bytes[b + 2] | ((bytes[b + 1] & 0xf0) << 4);
    if (v > 2047) v -= 4096;
    const sig = k % nSig;
    const i = (k - sig) / nSig;
    if (i < out[sig].length) out[sig][i] = v;
  }
  return out;
}

/** Beat annotations of a MIT-format .atr file: sample of every annotation whose code is a beat code. */
function decodeBeatSamples(bytes: Uint8Array, beatCodes: Set<number>): number[] {
  const beats: number[] = [];
  let sample = 0;
  for (let i = 0; i + 1 < bytes.length;) {
    const word = bytes[i] | (bytes[i + 1] << 8);
    i += 2;
    const code = word >> 10;
    const value = word & 0x3ff;
    if (code === 0 && value === 0) break;
    if (code === 59) {
      // SKIP: a 32-bit interval follows, high 16 bits first.
      sample += ((bytes[i] | (bytes[i + 1] << 8)) << 16) | (bytes[i + 2] | (bytes[i + 3] << 8));
      i += 4;
    } else if (code === 63) {
      i += value + (value & 1); // AUX string, padded to an even length
    } else if (code < 59) {
      sample += value;
      if (beatCodes.has(code)) beats.push(sample);
    } // NUM, SUB, CHN (60-62) change no time
  }
  return beats;
}

/** MIT annotation codes of the beat labels in mitdb_beat_counts.csv. */
const BEAT_CODES: Record<string, number> = {
  N: 1,
  L: 2,
  R: 3,
  a: 4,
  V: 5,
  F: 6,
  J: 7,
  A: 8,
  S: 9,
  E: 10,
  j: 11,
  '/': 12,
  Q: 13,
  e: 34,
  n: 35,
  f: 38,
};

describe('detectRPeaks on MIT-BIH record 100 (MLII, 360 Hz, 30 min)', () => {
  it('finds the annotated beat count within 1 % and matches the annotations beat for beat', (ctx) => {
    if (!existsSync(`${RECORD}.dat`) || !existsSync(COUNTS)) {
      const message = `MIT-BIH record 100 not found under ${DATA_DIR}: set ECG_DATA_DIR to the ecg-data folder`;
      if (process.env.REQUIRE_ECG_DATA === '1') throw new Error(message);
      ctx.skip(message);
    }
    const header = readHeader(readFileSync(`${RECORD}.hea`, 'utf8'));
    expect(header.fsHz).toBe(360);
    expect(header.signals[0].format).toBe('212');
    const [mlii] = decode212(readFileSync(`${RECORD}.dat`), header.signals.length);
    // Decoder check against the header: first sample and 16-bit checksum of the channel.
    const { gain, zero, first, checksum } = header.signals[0];
    expect(mlii[0]).toBe(first);
    let sum = 0;
    for (const v of mlii) sum = (sum + v) & 0xffff;
    expect(sum).toBe(checksum & 0xffff);
    const signalMv = Float32Array.from(mlii, (v) => (v - zero) / gain);

    // The annotated beat count: all beat columns of the record's row.
    const [head, ...rows] = readFileSync(COUNTS, 'utf8').trim().split(/\r?\n/);
    const names = head.split(',');
    const row = rows.map((r) => r.split(',')).find((r) => r[0] === '100')!;
    const annotated = row.slice(1).reduce((s, v) => s + Number(v), 0);
    const codes = new Set(names.slice(1).map((n) => BEAT_CODES[n]));
    const beats = decodeBeatSamples(readFileSync(`${RECORD}.atr`), codes);
    expect(beats.length).toBe(annotated);

    const peaks = detectRPeaks(signalMv, header.fsHz);
    expect(Math.abs(peaks.length - annotated)).toBeLessThanOrEqual(0.01 * annotated);

    // Beat-by-beat: a detection within 150 ms of an annotation is a true positive (ANSI/AAMI EC57).
    const tol = Math.round(0.15 * header.fsHz);
    let tp = 0;
    let j = 0;
    for (const b of beats) {
      while (j < peaks.length && peaks[j] < b - tol) j++;
      if (j < peaks.length && Math.abs(peaks[j] - b) <= tol) {
        tp++;
        j++;
      }
    }
    const sensitivity = tp / beats.length;
    const ppv = tp / peaks.length;
    console.log(
      `MIT-BIH 100: ${peaks.length} detected, ${annotated} annotated, ` +
        `Se ${(100 * sensitivity).toFixed(2)} %, +P ${(100 * ppv).toFixed(2)} %`,
    );
    expect(sensitivity).toBeGreaterThanOrEqual(0.995);
    expect(ppv).toBeGreaterThanOrEqual(0.995);
  });
});
