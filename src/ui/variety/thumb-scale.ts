/**
 * The one scale shared by every variety thumbnail: the same seconds across and the same millivolts up,
 * so records can be compared at a glance (amplitude differences stay visible).
 */
import { MAJOR_MV } from '../plots/ecg-paper.ts';

/** Time window and amplitude range of the thumbnails. */
export interface ThumbScale {
  /** Seconds across a thumbnail. */
  windowS: number;
  /** Amplitude range, bottom to top, mV (multiples of the 0.5 mV major box). */
  rangeMv: [number, number];
}

/** The smallest range shown, mV, so a flat record still looks flat. */
const MIN_RANGE_MV: [number, number] = [-0.5, 1.5];

/** The scale covering every signal of `signals` over `windowS` seconds. */
export function thumbScale(signals: readonly Float32Array[], windowS: number): ThumbScale {
  let lo = MIN_RANGE_MV[0];
  let hi = MIN_RANGE_MV[1];
  for (const mv of signals) {
    for (let i = 0; i < mv.length; i++) {
      if (mv[i] < lo) lo = mv[i];
      if (mv[i] > hi) hi = mv[i];
    }
  }
  const snap = (v: number, round: (x: number) => number) => round(v / MAJOR_MV) * MAJOR_MV;
  return { windowS, rangeMv: [snap(lo, Math.floor), snap(hi, Math.ceil)] };
}
