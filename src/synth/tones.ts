/**
 * Fast sums of sinusoids for the noise sources, without a `Math.sin` per sample:
 * - slow tones (below fs/64: baseline wander) are evaluated on a grid every 8 samples by exact rotation
 *   (s, c) ← (s·cos Δ + c·sin Δ, c·cos Δ − s·sin Δ) and linearly interpolated between nodes (error
 *   ≤ A·(2π·8·f/fs)²/8, below 4·10⁻⁴ of the amplitude);
 * - periodic tones (powerline and its harmonic, integer frequencies) repeat exactly every
 *   P = fs / gcd(fs, f) samples: one period of their sum is tabulated per record by angle addition from
 *   cached cos/sin tables, then added by table lookup.
 */
import { detCos, detSin } from '../core/det-math.ts';

/** A sinusoid a·sin(2πf·n/fs + φ). */
export interface Tone {
  ampMv: number;
  freqHz: number;
  phaseRad: number;
}

const GRID = 8;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

interface PeriodTable {
  cos: Float64Array;
  sin: Float64Array;
}

const periodTables = new Map<string, PeriodTable>();

/** cos and sin of 2πf·n/fs for n < `period`, cached per (fs, f, period). */
function periodTable(fsHz: number, freqHz: number, period: number): PeriodTable {
  const key = `${fsHz}/${freqHz}/${period}`;
  let t = periodTables.get(key);
  if (!t) {
    const cos = new Float64Array(period);
    const sin = new Float64Array(period);
    for (let n = 0; n < period; n++) {
      const a = (2 * Math.PI * freqHz * n) / fsHz;
      cos[n] = detCos(a);
      sin[n] = detSin(a);
    }
    t = { cos, sin };
    periodTables.set(key, t);
  }
  return t;
}

let periodSum = new Float64Array(0);

/** Add tones with integer fs and frequencies, by their common period. */
function addPeriodicTones(out: Float64Array, fsHz: number, tones: Tone[]): void {
  let period = 1;
  for (const t of tones) {
    const p = fsHz / gcd(fsHz, t.freqHz);
    period = (period * p) / gcd(period, p);
  }
  if (periodSum.length < period) periodSum = new Float64Array(period);
  const sum = periodSum;
  sum.fill(0, 0, period);
  for (const t of tones) {
    const { cos, sin } = periodTable(fsHz, t.freqHz, period);
    const s = t.ampMv * detSin(t.phaseRad);
    const c = t.ampMv * detCos(t.phaseRad);
    for (let n = 0; n < period; n++) sum[n] += s * cos[n] + c * sin[n];
  }
  for (let i = 0, k = 0; i < out.length; i++) {
    out[i] += sum[k];
    if (++k === period) k = 0;
  }
}

/** Add the sum of slow tones, evaluated every 8 samples and linearly interpolated. */
function addSlowTones(out: Float64Array, fsHz: number, tones: Tone[]): void {
  const n = out.length;
  const nodes = Math.ceil((n - 1) / GRID) + 1;
  const grid = new Float64Array(nodes);
  for (const t of tones) {
    const w = (2 * Math.PI * t.freqHz * GRID) / fsHz;
    const cw = detCos(w);
    const sw = detSin(w);
    let s = t.ampMv * detSin(t.phaseRad);
    let c = t.ampMv * detCos(t.phaseRad);
    for (let j = 0; j < nodes; j++) {
      grid[j] += s;
      const s2 = s * cw + c * sw;
      c = c * cw - s * sw;
      s = s2;
    }
  }
  for (let j = 0; j + 1 < nodes; j++) {
    const base = grid[j];
    const slope = (grid[j + 1] - base) / GRID;
    const from = j * GRID;
    const to = Math.min(n, from + GRID);
    for (let i = from; i < to; i++) out[i] += base + slope * (i - from);
  }
  if ((n - 1) % GRID === 0) out[n - 1] += grid[nodes - 1];
}

/**
 * Add every tone of `tones` to `out` (sampled at `fsHz`); tones at or above Nyquist are skipped.
 * Fast tones must have integer frequencies (mains: 50, 60 Hz and harmonics) and fs must be an integer.
 */
export function addTones(out: Float64Array, fsHz: number, tones: Tone[]): void {
  const slow: Tone[] = [];
  const periodic: Tone[] = [];
  for (const t of tones) {
    if (t.ampMv === 0 || t.freqHz >= fsHz / 2) continue;
    if (t.freqHz < fsHz / 64) slow.push(t);
    else if (Number.isInteger(t.freqHz) && Number.isInteger(fsHz)) periodic.push(t);
    else throw new RangeError(`addTones: ${t.freqHz} Hz at ${fsHz} Hz is neither slow nor periodic`);
  }
  if (out.length === 0) return;
  if (periodic.length > 0) addPeriodicTones(out, fsHz, periodic);
  if (slow.length > 0) addSlowTones(out, fsHz, slow);
}
