// Synthesis rate on one core: records per second, median of several timed rounds after a warm-up.
import { CLASS_NAMES, type ClassName } from '../src/core/units.ts';
import { synthesize, withoutNoise, PRESETS, type SynthParams } from '../src/synth/index.ts';
import { naiveRecord } from './naive-baseline.ts';

/** Median of `xs`. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Records per second of `make(seed)`, median over `rounds` rounds of `roundMs` each. */
export function ratePerSec(make: (seed: number) => unknown, rounds = 7, roundMs = 400): number {
  let seed = 0;
  const warmUntil = performance.now() + roundMs;
  while (performance.now() < warmUntil) make(seed++);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < roundMs) {
      make(seed++);
      n++;
    }
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

/** One benchmark case: class, preset, noise, fs and duration. */
export interface BenchCase {
  className: ClassName;
  preset: 'default' | 'nonaka2026';
  noise: 'default' | 'none';
  fsHz: number;
  seconds: number;
}

/** The benchmark cases; the first is the headline (nsr, 10 s at 500 Hz, default noise). */
export const CASES: BenchCase[] = [
  ...CLASS_NAMES.map((className): BenchCase => ({
    className,
    preset: 'default',
    noise: 'default',
    fsHz: 500,
    seconds: 10,
  })),
  { className: 'nsr', preset: 'default', noise: 'none', fsHz: 500, seconds: 10 },
  { className: 'nsr', preset: 'nonaka2026', noise: 'default', fsHz: 500, seconds: 10 },
  { className: 'nsr', preset: 'default', noise: 'default', fsHz: 1000, seconds: 60 },
];

/** The parameters of a case. */
export function caseParams(c: BenchCase): SynthParams {
  const p = { ...PRESETS[c.preset], className: c.className, fsHz: c.fsHz, durationS: c.seconds };
  return c.noise === 'none' ? withoutNoise(p) : p;
}

/** Run the one-core cases and the naive baseline; returns one JSON-able figure per case. */
export function benchSynthOneCore(): object[] {
  const lines: object[] = [];
  const baseline = ratePerSec((seed) => naiveRecord(seed));
  lines.push({
    bench: 'synth-naive-baseline',
    class: 'nsr',
    fsHz: 500,
    seconds: 10,
    noise: 'default',
    workers: 1,
    recordsPerSec: Math.round(baseline),
  });
  for (const c of CASES) {
    const params = caseParams(c);
    // Reuse one output buffer, as the dataset writer does (see SynthesizeOptions.out).
    const out = new Float32Array(Math.round(params.durationS * params.fsHz));
    const rate = ratePerSec((seed) => synthesize({ ...params, seed }, { out }));
    const line: Record<string, unknown> = {
      bench: 'synth',
      class: c.className,
      preset: c.preset,
      fsHz: c.fsHz,
      seconds: c.seconds,
      noise: c.noise,
      workers: 1,
      recordsPerSec: Math.round(rate),
    };
    if (c.fsHz === 500 && c.seconds === 10) line.speedupVsNaive = Number((rate / baseline).toFixed(1));
    lines.push(line);
  }
  return lines;
}
