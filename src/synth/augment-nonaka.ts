/**
 * The authors' noise and augmentations (Nonaka & Seita 2026, as SYNTHESIS.md §1 describes them; their
 * exact code was not published, so the constants below are this project's reading of that description):
 * - a piecewise-linear baseline random walk with knots at beat starts; the step scale is drawn on two
 *   levels (walkStep + N(0, record sd), then + N(0, beat sd) per beat) and each step is
 *   N(0, 1) × scale × 0.1 mV;
 * - block-wise white noise: 0.5-s blocks, each with its own sd drawn from U(0, 0.02) mV;
 * - then 0 to 3 random augmentations, each one of: amplitude scale ×0.25-4 (log-uniform), slow sine or
 *   square drift (0.05-0.5 Hz, 0.05-0.5 mV), white noise (sd 0.01-0.1 mV), 1-3 local bursts
 *   (0.1-0.5 s of white noise, sd 0.05-0.3 mV).
 */
import { fastNormalFromU32 } from '../core/fast-normal.ts';
import type { Rng } from '../core/rng.ts';
import type { SynthParams } from './params.ts';
import { detExp, detLog, detSin } from '../core/det-math.ts';

const WALK_UNIT_MV = 0.1;
const BLOCK_S = 0.5;

function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.uniform();
}

function addWhite(out: Float64Array, from: number, to: number, sdMv: number, rng: Rng): void {
  for (let i = from; i < to; i++) out[i] += sdMv * fastNormalFromU32(rng.nextU32());
}

/** Add the random-walk baseline whose knots are at `knotsS` (ascending beat starts, s). */
function addRandomWalk(
  out: Float64Array,
  fsHz: number,
  knotsS: ArrayLike<number>,
  params: SynthParams,
  rng: Rng,
): void {
  const recordScale = params.walkStep + params.walkStepRecordSd * rng.normal();
  let level = 0;
  let prevSample = 0;
  let prevLevel = 0;
  for (let k = 0; k <= knotsS.length; k++) {
    const sample = k < knotsS.length ? Math.round(knotsS[k] * fsHz) : out.length;
    if (k < knotsS.length) {
      const scale = recordScale + params.walkStepBeatSd * rng.normal();
      level += rng.normal() * scale * WALK_UNIT_MV;
    }
    const from = Math.max(prevSample, 0);
    const to = Math.min(sample, out.length);
    const span = sample - prevSample;
    for (let i = from; i < to; i++)
      out[i] += span > 0 ? prevLevel + ((level - prevLevel) * (i - prevSample)) / span : level;
    prevSample = sample;
    prevLevel = level;
  }
}

/** Apply the authors' noise and 0-3 random augmentations to `out` in place. */
export function applyNonakaAugmentations(
  out: Float64Array,
  fsHz: number,
  knotsS: ArrayLike<number>,
  params: SynthParams,
  rng: Rng,
): void {
  addRandomWalk(out, fsHz, knotsS, params, rng);
  const block = Math.max(1, Math.round(BLOCK_S * fsHz));
  for (let from = 0; from < out.length; from += block) {
    addWhite(out, from, Math.min(out.length, from + block), uniform(rng, 0, 0.02), rng);
  }
  const count = Math.floor(rng.uniform() * 4);
  for (let a = 0; a < count; a++) {
    const kind = Math.floor(rng.uniform() * 4);
    if (kind === 0) {
      const gain = detExp(uniform(rng, detLog(0.25), detLog(4)));
      for (let i = 0; i < out.length; i++) out[i] *= gain;
    } else if (kind === 1) {
      const w = (2 * Math.PI * uniform(rng, 0.05, 0.5)) / fsHz;
      const ampMv = uniform(rng, 0.05, 0.5);
      const phase = 2 * Math.PI * rng.uniform();
      const square = rng.uniform() < 0.5;
      for (let i = 0; i < out.length; i++) {
        const s = detSin(w * i + phase);
        out[i] += ampMv * (square ? (s >= 0 ? 1 : -1) : s);
      }
    } else if (kind === 2) {
      addWhite(out, 0, out.length, uniform(rng, 0.01, 0.1), rng);
    } else {
      const bursts = 1 + Math.floor(rng.uniform() * 3);
      for (let b = 0; b < bursts; b++) {
        const len = Math.round(uniform(rng, 0.1, 0.5) * fsHz);
        const from = Math.floor(rng.uniform() * Math.max(1, out.length - len));
        addWhite(out, from, Math.min(out.length, from + len), uniform(rng, 0.05, 0.3), rng);
      }
    }
  }
}
