/**
 * The anti-alias (and anti-image) filter of rational resampling from fsIn to fsOut: the rates reduce to
 * fsOut / fsIn = L / M, the signal is conceptually upsampled by L (zeros stuffed) to fsIn·L, low-pass
 * filtered there and decimated by M. The low-pass meets `ANTI_ALIAS_SPEC` relative to the lower Nyquist
 * frequency fN = min(fsIn, fsOut) / 2: ripple ≤ 0.1 dB up to 0.8·fN, attenuation ≥ 60 dB from fN up.
 * Pure; designs are cached per rate pair.
 */
import { designKaiserLowpass, type KaiserLowpass } from './kaiser-lowpass.ts';

/** The anti-alias requirement, relative to the lower Nyquist frequency fN = min(fsIn, fsOut) / 2. */
export const ANTI_ALIAS_SPEC = {
  /** Passband edge as a fraction of fN. */
  passbandEdgeOfNyquist: 0.8,
  /** Stopband edge as a fraction of fN. */
  stopbandEdgeOfNyquist: 1,
  /** Largest passband ripple, dB. */
  passbandRippleDb: 0.1,
  /** Smallest stopband attenuation, dB. */
  stopbandAttenuationDb: 60,
} as const;

/** The filter of one resampling rate pair. */
export interface ResampleFilter {
  /** Input rate, Hz. */
  fsInHz: number;
  /** Output rate, Hz. */
  fsOutHz: number;
  /** Upsampling factor L (fsOut / fsIn = L / M in lowest terms). */
  up: number;
  /** Downsampling factor M. */
  down: number;
  /** Rate the low-pass runs at: fsIn·L, Hz. */
  fsFilterHz: number;
  /** Passband edge, Hz: 0.8 × min(fsIn, fsOut) / 2. */
  passbandEdgeHz: number;
  /** Stopband edge, Hz: min(fsIn, fsOut) / 2. */
  stopbandEdgeHz: number;
  /** The Kaiser-window low-pass at `fsFilterHz` (unit DC gain). */
  lowpass: KaiserLowpass;
}

/** Largest L·fsIn (Hz) accepted: bounds the filter length for awkward rate pairs. */
const MAX_FILTER_RATE_HZ = 2_000_000;

const cache = new Map<string, ResampleFilter>();

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The anti-alias filter for resampling from `fsInHz` to `fsOutHz` (positive integers, Hz, different);
 * throws RangeError for other rates. The result is cached and must not be modified.
 */
export function resampleFilter(fsInHz: number, fsOutHz: number): ResampleFilter {
  const key = `${fsInHz}/${fsOutHz}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (!Number.isInteger(fsInHz) || !Number.isInteger(fsOutHz) || fsInHz <= 0 || fsOutHz <= 0) {
    throw new RangeError(`resample: rates must be positive integers in Hz, got ${fsInHz} → ${fsOutHz}`);
  }
  if (fsInHz === fsOutHz) throw new RangeError(`resample: ${fsInHz} Hz → ${fsOutHz} Hz needs no filter`);
  const g = gcd(fsInHz, fsOutHz);
  const up = fsOutHz / g;
  const down = fsInHz / g;
  const fsFilterHz = fsInHz * up;
  if (fsFilterHz > MAX_FILTER_RATE_HZ) {
    throw new RangeError(
      `resample: ${fsInHz} Hz → ${fsOutHz} Hz needs a ${fsFilterHz} Hz intermediate rate (limit ${MAX_FILTER_RATE_HZ})`,
    );
  }
  const nyquistHz = Math.min(fsInHz, fsOutHz) / 2;
  const passbandEdgeHz = ANTI_ALIAS_SPEC.passbandEdgeOfNyquist * nyquistHz;
  const stopbandEdgeHz = ANTI_ALIAS_SPEC.stopbandEdgeOfNyquist * nyquistHz;
  const lowpass = designKaiserLowpass({
    fsHz: fsFilterHz,
    passbandEdgeHz,
    stopbandEdgeHz,
    passbandRippleDb: ANTI_ALIAS_SPEC.passbandRippleDb,
    stopbandAttenuationDb: ANTI_ALIAS_SPEC.stopbandAttenuationDb,
  });
  const filter = { fsInHz, fsOutHz, up, down, fsFilterHz, passbandEdgeHz, stopbandEdgeHz, lowpass };
  cache.set(key, filter);
  return filter;
}
