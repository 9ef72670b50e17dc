// The fast float32 formatter and byte encoder of io/csv-signal.ts against the original string-based
// implementation, kept here as the reference: every output byte must be the same.
import { describe, expect, it } from 'vitest';
import {
  encodeSignalCsv,
  encodeSignalCsvBytes,
  formatFloat32Shortest,
  SIGNAL_CSV_HEADER,
} from '../../src/io/csv-signal.ts';

/** The original formatter: the first toPrecision(1..9) whose value rounds back to the float32. */
function referenceFormat(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}

/** The original CSV encoder. */
function referenceCsv(signalMv: Float32Array, fsHz: number): string {
  const rows: string[] = [SIGNAL_CSV_HEADER];
  for (let i = 0; i < signalMv.length; i++) rows.push(`${String(i / fsHz)},${referenceFormat(signalMv[i])}`);
  return `${rows.join('\n')}\n`;
}

/** A seeded 32-bit generator (LCG), so every run checks the same values. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);

/** The float32 `steps` representable values above (or below, negative) `f`. */
function float32Step(f: number, steps: number): number {
  asFloat[0] = f;
  bits[0] += steps;
  return asFloat[0];
}

/** The first value where the two formatters differ, or undefined. */
function firstMismatch(values: Iterable<number>): string | undefined {
  for (const v of values) {
    const got = formatFloat32Shortest(v);
    const want = referenceFormat(v);
    if (got !== want) return `${v}: ${got} instead of ${want}`;
  }
  return undefined;
}

describe('formatFloat32Shortest (fast path)', () => {
  it('equals the precision loop on random float32 bit patterns of every magnitude', () => {
    const next = lcg(0x9e3779b9);
    const values: number[] = [];
    for (let n = 0; n < 200_000; n++) {
      bits[0] = next();
      values.push(asFloat[0]);
    }
    expect(firstMismatch(values)).toBeUndefined();
  });

  it('equals it on random values of ECG size (0.1 µV to 20 mV, both signs)', () => {
    const next = lcg(12345);
    const values: number[] = [];
    for (let n = 0; n < 200_000; n++) {
      const magnitude = 10 ** (-4 + (6 * next()) / 2 ** 32);
      values.push(Math.fround((next() & 1 ? -1 : 1) * magnitude));
    }
    expect(firstMismatch(values)).toBeUndefined();
  });

  it('equals it next to powers of ten, at the fast range ends, on halves and on short decimals', () => {
    const values: number[] = [];
    for (let e = -12; e <= 22; e++) {
      const p = Math.fround(Number(`1e${e}`));
      for (let s = -40; s <= 40; s++) values.push(float32Step(p, s), -float32Step(p, s));
    }
    for (let e = -30; e <= 40; e++) {
      const p = 2 ** e;
      for (let s = -3; s <= 3; s++) values.push(float32Step(p, s));
    }
    // Ties of toPrecision: exact binary fractions ending in 5, and decimals of 1 to 9 digits.
    for (let m = 1; m < 4096; m += 2) for (const e of [1, 2, 3, 4, 8, 12]) values.push(m / 2 ** e);
    const next = lcg(777);
    for (let n = 0; n < 50_000; n++) {
      const digits = 1 + (next() % 9);
      const q = next() % 10 ** digits;
      values.push(q / 10 ** (next() % 12), q * 10 ** (next() % 6));
    }
    expect(firstMismatch(values)).toBeUndefined();
  });

  it('equals it on every float32 of whole binades around 1 mV and 0.1 µV (sampled densely)', () => {
    const values: number[] = [];
    for (const start of [0.5, 1e-4, 0.001, 999_999_000]) {
      asFloat[0] = start;
      const first = bits[0];
      for (let k = 0; k < 100_000; k++) {
        bits[0] = first + k * 7;
        values.push(asFloat[0]);
      }
    }
    expect(firstMismatch(values)).toBeUndefined();
  });
});

describe('encodeSignalCsvBytes', () => {
  it('writes the same bytes as the original encoder, at several sampling rates', () => {
    const next = lcg(4242);
    const signal = Float32Array.from({ length: 6000 }, (_, i) => {
      const r = next() / 2 ** 32;
      if (i % 997 === 0) return [0, -0, NaN, Infinity, -Infinity, 1e-7, -3e38][(i / 997) % 7];
      return Math.sin(i / 37) * 1.3 + (r - 0.5) * 0.01 * 10 ** (i % 5);
    });
    for (const fsHz of [500, 360, 257, 1000 / 3, 3]) {
      const want = referenceCsv(signal, fsHz);
      const bytes = encodeSignalCsvBytes(signal, fsHz);
      expect(bytes.length).toBe(want.length);
      expect(String.fromCharCode(...bytes.subarray(0, 200))).toBe(want.slice(0, 200));
      expect(encodeSignalCsv(signal, fsHz)).toBe(want);
      // A shorter signal after a longer one reuses the cached time column.
      expect(encodeSignalCsv(signal.subarray(0, 10), fsHz)).toBe(referenceCsv(signal.subarray(0, 10), fsHz));
    }
  });

  it('writes into the view `alloc` gives', () => {
    const signal = Float32Array.from([0.1, -0.25, 1 / 3]);
    const arena = new Uint8Array(200);
    const view = encodeSignalCsvBytes(signal, 3, (n) => arena.subarray(10, 10 + n));
    expect(view.byteOffset).toBe(10);
    expect(String.fromCharCode(...view)).toBe(referenceCsv(signal, 3));
  });
});
