/**
 * Atrial activity that runs through the whole record, independent of the QRS complexes:
 * - AF f-waves: a fundamental at the dominant frequency plus a 2nd harmonic, whose frequency
 *   (±25 % × irregularity), amplitude (±50 % × irregularity) and harmonic phase (shape) drift with slow
 *   random modulations, so the waves are irregular in shape and timing;
 * - flutter F-waves: a regular sawtooth (slow limb over 70 % of the cycle, fast return over 30 %, with
 *   rounded corners), negative or positive in lead II.
 */
import { sinTurns } from '../core/fast-sin.ts';
import type { Rng } from '../core/rng.ts';

/** A slow random modulation: three sinusoids of 0.1-2 Hz with unit total variance. */
function slowModulation(rng: Rng): (tS: number) => number {
  const f = [0, 1, 2].map(() => 0.1 + 1.9 * rng.uniform());
  const ph = [0, 1, 2].map(() => rng.uniform());
  const a = Math.sqrt(2 / 3);
  return (tS) =>
    a * (sinTurns(f[0] * tS + ph[0]) + sinTurns(f[1] * tS + ph[1]) + sinTurns(f[2] * tS + ph[2]));
}

/** Add AF f-waves of dominant frequency `freqHz` and amplitude `ampMv` to `out` (sampled at `fsHz`). */
export function addFibrillatoryWaves(
  out: Float64Array,
  fsHz: number,
  freqHz: number,
  ampMv: number,
  irregularity: number,
  rng: Rng,
): void {
  const fm = slowModulation(rng);
  const am = slowModulation(rng);
  const pm = slowModulation(rng);
  const harmonicPhase = rng.uniform();
  const harmonic = 0.2 + 0.2 * rng.uniform();
  let turns = rng.uniform();
  // Modulations are evaluated every 16 samples (they change far slower than that).
  let freq = freqHz;
  let amp = ampMv;
  let shapePhase = harmonicPhase;
  for (let i = 0; i < out.length; i++) {
    if ((i & 15) === 0) {
      const t = i / fsHz;
      freq = freqHz * (1 + 0.25 * irregularity * fm(t));
      amp = ampMv * Math.max(0.2, 1 + 0.5 * irregularity * am(t));
      shapePhase = harmonicPhase + 0.3 * irregularity * pm(t);
    }
    turns += freq / fsHz;
    out[i] += amp * (sinTurns(turns) + harmonic * sinTurns(2 * turns + shapePhase));
  }
}

const SAW_SIZE = 1024;
/** One sawtooth cycle, peak-normalised to ±1 with zero mean; index by cycle phase × 1024. */
const SAWTOOTH = (() => {
  const raw = new Float64Array(SAW_SIZE);
  const slow = 0.7;
  for (let i = 0; i < SAW_SIZE; i++) {
    const x = i / SAW_SIZE;
    raw[i] = x < slow ? 1 - (2 * x) / slow : -1 + (2 * (x - slow)) / (1 - slow);
  }
  // Round the corners: circular moving average over 6 % of the cycle.
  const half = Math.round(0.03 * SAW_SIZE);
  const smooth = new Float64Array(SAW_SIZE + 1);
  let mean = 0;
  for (let i = 0; i < SAW_SIZE; i++) {
    let s = 0;
    for (let k = -half; k <= half; k++) s += raw[(i + k + SAW_SIZE) % SAW_SIZE];
    smooth[i] = s / (2 * half + 1);
    mean += smooth[i] / SAW_SIZE;
  }
  let peak = 0;
  for (let i = 0; i < SAW_SIZE; i++) peak = Math.max(peak, Math.abs(smooth[i] - mean));
  for (let i = 0; i < SAW_SIZE; i++) smooth[i] = (smooth[i] - mean) / peak;
  smooth[SAW_SIZE] = smooth[0];
  return smooth;
})();

/** Phase (in cycles) of the sawtooth's lowest point: the end of the slow limb. */
export const SAWTOOTH_TROUGH_PHASE = 0.7;

/**
 * Add a flutter sawtooth of cycle length `cycleS` and amplitude `ampMv` (sign = polarity; negative means
 * the slow limb descends to a deep trough, typical in II), with cycle k starting at `startS + k·cycleS`.
 */
export function addFlutterWaves(
  out: Float64Array,
  fsHz: number,
  cycleS: number,
  ampMv: number,
  startS: number,
): void {
  const step = 1 / (cycleS * fsHz);
  let phase = -startS / cycleS;
  phase -= Math.floor(phase);
  for (let i = 0; i < out.length; i++) {
    const x = phase * SAW_SIZE;
    const k = x | 0;
    const a = SAWTOOTH[k];
    out[i] += ampMv * (a + (SAWTOOTH[k + 1] - a) * (x - k));
    phase += step;
    if (phase >= 1) phase -= 1;
  }
}
