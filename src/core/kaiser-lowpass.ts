/**
 * Linear-phase FIR low-pass design by the Kaiser window method (J. F. Kaiser, "Nonrecursive digital filter
 * design using the I0-sinh window function", 1974): an ideal low-pass impulse response (a sinc centred on
 * the middle tap) tapered by a Kaiser window whose shape β and length come from Kaiser's empirical
 * formulas for the wanted attenuation and transition width. Pure.
 */
import { detLog, detPow, detSin } from './det-math.ts';

/** What a low-pass must do: pass up to `passbandEdgeHz`, stop from `stopbandEdgeHz`, at rate `fsHz`. */
export interface LowpassSpec {
  /** Sampling rate the filter runs at, Hz. */
  fsHz: number;
  /** Highest frequency of the passband, Hz. */
  passbandEdgeHz: number;
  /** Lowest frequency of the stopband, Hz (above `passbandEdgeHz`, at most fsHz / 2). */
  stopbandEdgeHz: number;
  /** Largest passband ripple allowed, dB (peak deviation of the gain from 0 dB). */
  passbandRippleDb: number;
  /** Smallest stopband attenuation allowed, dB (positive). */
  stopbandAttenuationDb: number;
  /** Extra attenuation designed for, dB, to cover the error of Kaiser's length formula (default 3). */
  marginDb?: number;
}

/** A designed Kaiser-window low-pass. */
export interface KaiserLowpass {
  /** The taps, odd in number and symmetric, summing to 1 (unit gain at 0 Hz). */
  taps: Float64Array;
  /** Group delay in samples at `fsHz`: (taps.length − 1) / 2, an integer. */
  delaySamples: number;
  /** Kaiser window shape parameter β. */
  beta: number;
  /** Attenuation the length and β were computed for, dB (the tighter of the two ripples, plus margin). */
  designAttenuationDb: number;
  /** The −6 dB cutoff of the ideal response: the middle of the transition band, Hz. */
  cutoffHz: number;
}

/** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Kaiser's β for a stopband attenuation of `attenuationDb`. */
function kaiserBeta(attenuationDb: number): number {
  const a = attenuationDb;
  if (a > 50) return 0.1102 * (a - 8.7);
  if (a > 21) return 0.5842 * detPow(a - 21, 0.4) + 0.07886 * (a - 21);
  return 0;
}

/**
 * Design a linear-phase low-pass meeting `spec` by the Kaiser window method. Both ripples are met by
 * designing for δ = min(δp, δs), with δp = 10^(ripple/20) − 1 and δs = 10^(−attenuation/20): A = −20·log10 δ
 * (+ margin), β from A, and N − 1 = (A − 7.95) / (2.285·Δω) taps with Δω the transition width in
 * rad/sample (rounded up to an even order, so the delay is a whole number of samples).
 */
export function designKaiserLowpass(spec: LowpassSpec): KaiserLowpass {
  const { fsHz, passbandEdgeHz: fp, stopbandEdgeHz: fstop } = spec;
  if (!(fsHz > 0 && fp > 0 && fstop > fp && fstop <= fsHz / 2)) {
    throw new RangeError(
      `kaiser: need 0 < passband edge ${fp} Hz < stopband edge ${fstop} Hz ≤ fs/2 (${fsHz / 2} Hz)`,
    );
  }
  if (!(spec.passbandRippleDb > 0 && spec.stopbandAttenuationDb > 0)) {
    throw new RangeError('kaiser: ripple and attenuation must be positive dB values');
  }
  const deltaPass = detPow(10, spec.passbandRippleDb / 20) - 1;
  const deltaStop = detPow(10, -spec.stopbandAttenuationDb / 20);
  const designAttenuationDb =
    (-20 * detLog(Math.min(deltaPass, deltaStop))) / Math.LN10 + (spec.marginDb ?? 3);
  const beta = kaiserBeta(designAttenuationDb);
  const transitionRad = (2 * Math.PI * (fstop - fp)) / fsHz;
  let order = Math.ceil((designAttenuationDb - 7.95) / (2.285 * transitionRad));
  if (order % 2 === 1) order++;
  const length = order + 1;
  const delaySamples = order / 2;
  const cutoffHz = (fp + fstop) / 2;
  const wc = (2 * cutoffHz) / fsHz; // cutoff as a fraction of Nyquist
  const taps = new Float64Array(length);
  const i0Beta = besselI0(beta);
  let sum = 0;
  for (let n = 0; n < length; n++) {
    const k = n - delaySamples;
    const sinc = k === 0 ? wc : detSin(Math.PI * wc * k) / (Math.PI * k);
    const r = k / delaySamples;
    const w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
    taps[n] = sinc * w;
    sum += taps[n];
  }
  for (let n = 0; n < length; n++) taps[n] /= sum;
  return { taps, delaySamples, beta, designAttenuationDb, cutoffHz };
}
