/**
 * The physiological noise sources (SYNTHESIS.md §4), each with its own level and switch:
 * - baseline wander: a respiratory sinusoid at wanderHz plus two slower drifts (0.05-0.15 Hz and
 *   0.01-0.05 Hz), all below 0.5 Hz; `wanderMv` is the sum of their amplitudes (the largest excursion);
 * - powerline: mains at 50 or 60 Hz of amplitude `powerlineMv`, plus a 3rd harmonic at 0.2×; components
 *   at or above the Nyquist frequency are left out (an ECG front end filters them);
 * - muscle (EMG): white noise band-limited to 20-150 Hz by 2nd-order Butterworth high- and low-pass
 *   sections, scaled so its expected RMS is `muscleMv`;
 * - white: Gaussian white noise of RMS `whiteMv`.
 * With noiseUnit = 'dB' each source's RMS is instead the clean record's RMS / 10^(SNR/20).
 * Sinusoids come from `addTones`; muscle and white noise share one pass and one random word per sample
 * (fast normal table).
 */
import { NORMAL_TABLE } from '../core/fast-normal.ts';
import type { Rng } from '../core/rng.ts';
import type { SynthParams } from './params.ts';
import { addTones, type Tone } from './tones.ts';
import { detCos, detPow, detSin } from '../core/det-math.ts';

/** RMS of `x`. */
export function rms(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return x.length > 0 ? Math.sqrt(s / x.length) : 0;
}

/** Coefficients [b0, b1, b2, a1, a2] of an RBJ-cookbook 2nd-order Butterworth (Q = 1/√2) section. */
function biquad(fsHz: number, cutoffHz: number, highPass: boolean): number[] {
  const w0 = (2 * Math.PI * cutoffHz) / fsHz;
  const alpha = detSin(w0) / Math.SQRT2;
  const cos = detCos(w0);
  const a0 = 1 + alpha;
  const b1 = highPass ? -(1 + cos) : 1 - cos;
  const b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
  return [b0 / a0, b1 / a0, b0 / a0, (-2 * cos) / a0, (1 - alpha) / a0];
}

/** The muscle-noise filter at `fsHz`: high-pass 20 Hz, low-pass min(150 Hz, 0.45 fs) when below 0.45 fs. */
interface MuscleFilter {
  hp: number[];
  lp: number[];
  /** 1 / RMS of the filter's output for unit white input (from its impulse response energy). */
  unitGain: number;
}

const muscleFilters = new Map<number, MuscleFilter>();

function muscleFilter(fsHz: number): MuscleFilter {
  let f = muscleFilters.get(fsHz);
  if (f) return f;
  const hp = biquad(fsHz, 20, true);
  const lowCut = Math.min(150, 0.45 * fsHz);
  // A pass-through low-pass when the band already ends at the Nyquist limit.
  const lp = lowCut < 0.45 * fsHz ? biquad(fsHz, lowCut, false) : [1, 0, 0, 0, 0];
  let energy = 0;
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0, z1 = 0, z2 = 0, v1 = 0, v2 = 0; // prettier-ignore
  for (let i = 0; i < 20 * fsHz; i++) {
    const x = i === 0 ? 1 : 0;
    const y = hp[0] * x + hp[1] * x1 + hp[2] * x2 - hp[3] * y1 - hp[4] * y2;
    const v = lp[0] * y + lp[1] * z1 + lp[2] * z2 - lp[3] * v1 - lp[4] * v2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    z2 = z1;
    z1 = y;
    v2 = v1;
    v1 = v; // prettier-ignore
    energy += v * v;
  }
  f = { hp, lp, unitGain: 1 / Math.sqrt(energy) };
  muscleFilters.set(fsHz, f);
  return f;
}

/**
 * Add every enabled source to `out` (mV, sampled at `fsHz`). `cleanRmsMv` is the RMS of the clean record,
 * used when levels are SNRs.
 */
export function addNoise(
  out: Float64Array,
  fsHz: number,
  params: SynthParams,
  rng: Rng,
  cleanRmsMv: number,
): void {
  const db = params.noiseUnit === 'dB';
  const fromSnr = (snrDb: number) => cleanRmsMv / detPow(10, snrDb / 20);
  const tones: Tone[] = [];
  if (params.wanderOn) {
    const freqs = [params.wanderHz, 0.05 + 0.1 * rng.uniform(), 0.01 + 0.04 * rng.uniform()];
    const shares = [0.5, 0.3, 0.2];
    // Sum of amplitudes = wanderMv; in dB mode the RMS, √(Σa²/2), is matched instead.
    const rmsPerUnit = Math.sqrt(shares.reduce((s, a) => s + (a * a) / 2, 0));
    const total = db ? fromSnr(params.wanderSnrDb) / rmsPerUnit : params.wanderMv;
    for (let k = 0; k < 3; k++)
      tones.push({ ampMv: total * shares[k], freqHz: freqs[k], phaseRad: 2 * Math.PI * rng.uniform() });
  }
  if (params.powerlineOn) {
    const f = Number(params.powerlineHz);
    const third = 3 * f < fsHz / 2 ? 0.2 : 0;
    const amp = db ? fromSnr(params.powerlineSnrDb) / Math.sqrt((1 + third * third) / 2) : params.powerlineMv;
    tones.push({ ampMv: amp, freqHz: f, phaseRad: 2 * Math.PI * rng.uniform() });
    tones.push({ ampMv: third * amp, freqHz: 3 * f, phaseRad: 2 * Math.PI * rng.uniform() });
  }
  const muscleMv = params.muscleOn ? (db ? fromSnr(params.muscleSnrDb) : params.muscleMv) : 0;
  const whiteMv = params.whiteOn ? (db ? fromSnr(params.whiteSnrDb) : params.whiteMv) : 0;
  addTones(out, fsHz, tones);
  if (muscleMv > 0 || whiteMv > 0) addGaussianNoise(out, fsHz, muscleMv, whiteMv, rng);
}

/** Butterworth numerators are b0·(1, −2, 1) (high-pass) and b0·(1, 2, 1) (low-pass): 3 multiplies each. */
const SEAM_WARMUP = 256;

/**
 * Add muscle (band-limited) and white noise; one random word gives both draws of a sample.
 * The muscle filter runs as two interleaved halves (two independent dependency chains, so the CPU
 * overlaps them). The second half's filter starts 256 samples before its half with the same input, so
 * at the seam its state equals the single-pass filter's to within the decay of the impulse response
 * over 256 samples (< 10⁻⁵ relative at 1000 Hz, < 10⁻¹⁰ at 500 Hz).
 */
function addGaussianNoise(
  out: Float64Array,
  fsHz: number,
  muscleMv: number,
  whiteMv: number,
  rng: Rng,
): void {
  const n = out.length;
  const table = NORMAL_TABLE;
  const x = noiseScratch(n);
  const words = wordScratch(n);
  rng.fillU32(words, n);
  for (let i = 0; i < n; i++) {
    const u = words[i];
    x[i] = table[u & 0xffff];
    out[i] += whiteMv * table[u >>> 16];
  }
  if (muscleMv === 0) return;
  const { hp, lp, unitGain } = muscleFilter(fsHz);
  const g = muscleMv * unitGain;
  const hb = hp[0], ha1 = hp[3], ha2 = hp[4], lb = lp[0], la1 = lp[3], la2 = lp[4]; // prettier-ignore
  const lpPass = lp[1] === 0; // the pass-through "low-pass" at low sampling rates
  const half = n >> 1;
  const start2 = Math.max(0, half - SEAM_WARMUP);
  let ax1 = 0, ax2 = 0, ay1 = 0, ay2 = 0, av1 = 0, av2 = 0; // prettier-ignore
  let bx1 = 0, bx2 = 0, by1 = 0, by2 = 0, bv1 = 0, bv2 = 0; // prettier-ignore
  for (let j = 0, k = start2; k < n; j++, k++) {
    if (j < half) {
      const xa = x[j];
      const ya = hb * (xa - 2 * ax1 + ax2) - ha1 * ay1 - ha2 * ay2;
      const va = lpPass ? ya : lb * (ya + 2 * ay1 + ay2) - la1 * av1 - la2 * av2;
      ax2 = ax1;
      ax1 = xa;
      ay2 = ay1;
      ay1 = ya;
      av2 = av1;
      av1 = va; // prettier-ignore
      out[j] += g * va;
    }
    const xb = x[k];
    const yb = hb * (xb - 2 * bx1 + bx2) - ha1 * by1 - ha2 * by2;
    const vb = lpPass ? yb : lb * (yb + 2 * by1 + by2) - la1 * bv1 - la2 * bv2;
    bx2 = bx1;
    bx1 = xb;
    by2 = by1;
    by1 = yb;
    bv2 = bv1;
    bv1 = vb; // prettier-ignore
    if (k >= half) out[k] += g * vb;
  }
}

let scratch = new Float64Array(0);

function noiseScratch(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  return scratch;
}

let words = new Uint32Array(0);

function wordScratch(n: number): Uint32Array {
  if (words.length < n) words = new Uint32Array(n);
  return words;
}
