/**
 * The RR interval process: a record-level mean RR, an LF + HF modulation with the two-Gaussian-peak
 * spectrum of ECGSYN (McSharry et al. 2003: peaks at lfHz and hfHz with sd lfWidthHz/hfWidthHz and power
 * ratio lfHfRatio), and white beat-to-beat jitter.
 *
 * The modulation is a random-frequency sum of sinusoids (spectral sampling): 8 components per peak, each
 * with a frequency drawn from that peak's Gaussian and a uniform random phase, so its expected power
 * spectrum is exactly ECGSYN's and its variance is exactly (hrvSdMs)². This costs a few `sin` calls per
 * beat instead of an inverse FFT of a long tachogram per record.
 */
import { fastNormalFromU32 } from '../core/fast-normal.ts';
import type { Rng } from '../core/rng.ts';
import type { SynthParams } from './params.ts';
import { detSin } from '../core/det-math.ts';

const COMPONENTS_PER_PEAK = 8;
/** RR intervals are kept within [0.25, 3] s (240 to 20 bpm). */
export const RR_MIN_S = 0.25;
/** Upper bound of any RR interval, s. */
export const RR_MAX_S = 3;

/** A drawn RR process for one record. */
export interface RrProcess {
  /** The record's mean RR interval, s. */
  meanRrS: number;
  /** Next RR interval for a beat whose R peak is at `tS` (draws the beat's jitter from the rng). */
  nextRrS(tS: number): number;
}

/** Clamp an RR interval to [RR_MIN_S, RR_MAX_S]. */
export function clampRr(rrS: number): number {
  return rrS < RR_MIN_S ? RR_MIN_S : rrS > RR_MAX_S ? RR_MAX_S : rrS;
}

const n = 2 * COMPONENTS_PER_PEAK;
const omega = new Float64Array(n);
const phase = new Float64Array(n);
const amp = new Float64Array(n);

/**
 * Draw the RR process of one record from `params` with `rng`. The process is valid until the next call
 * (its component tables are reused: synthesis is synchronous and allocations per record are costly).
 */
export function drawRrProcess(params: SynthParams, rng: Rng): RrProcess {
  const meanRrS = clampRr(60 / params.heartRateBpm + params.rrRecordSdS * rng.normal());
  const varianceS2 = (params.hrvSdMs / 1000) ** 2;
  const lfVar = (varianceS2 * params.lfHfRatio) / (1 + params.lfHfRatio);
  const hfVar = varianceS2 - lfVar;
  for (let k = 0; k < n; k++) {
    const isLf = k < COMPONENTS_PER_PEAK;
    const f = isLf
      ? params.lfHz + params.lfWidthHz * rng.normal()
      : params.hfHz + params.hfWidthHz * rng.normal();
    omega[k] = 2 * Math.PI * f;
    phase[k] = 2 * Math.PI * rng.uniform();
    // A sinusoid of amplitude a has variance a²/2.
    amp[k] = Math.sqrt((2 * (isLf ? lfVar : hfVar)) / COMPONENTS_PER_PEAK);
  }
  const jitterS = params.rrBeatSdS;
  const modulated = varianceS2 > 0;
  return {
    meanRrS,
    nextRrS(tS: number): number {
      let rr = meanRrS;
      if (modulated) for (let k = 0; k < n; k++) rr += amp[k] * detSin(omega[k] * tS + phase[k]);
      if (jitterS > 0) rr += jitterS * fastNormalFromU32(rng.nextU32());
      return clampRr(rr);
    },
  };
}
