/**
 * Add one Gaussian wave A·exp(−½((t−μ)/σ)²) to a sampled buffer, evaluated only within ±5σ of its centre
 * (the tail beyond is < 4·10⁻⁶ A) and by recurrence: g(n+1) = g(n)·r(n), r(n+1) = r(n)·exp(−d²) with
 * d = Δt/σ, so one wave costs three `exp` calls plus two multiplies per sample.
 */
import { detExp } from '../core/det-math.ts';
const HALF_SPAN_SIGMAS = 5;

/** Add the part of the Gaussian between `fromS` and `toS` (s from sample 0). */
function addGaussianSpan(
  out: Float64Array,
  fsHz: number,
  ampMv: number,
  centerS: number,
  sigmaS: number,
  fromS: number,
  toS: number,
): void {
  const first = Math.max(0, Math.ceil(fromS * fsHz));
  const last = Math.min(out.length - 1, Math.floor(toS * fsHz));
  if (last < first || ampMv === 0) return;
  const d = 1 / (fsHz * sigmaS);
  const x0 = (first / fsHz - centerS) / sigmaS;
  let g = ampMv * detExp(-0.5 * x0 * x0);
  let ratio = detExp(-x0 * d - 0.5 * d * d);
  const step = detExp(-d * d);
  for (let n = first; n <= last; n++) {
    out[n] += g;
    g *= ratio;
    ratio *= step;
  }
}

/** |σ| with a floor of 0.1 ms (the sign of σ does not change a Gaussian; zero would give NaN). */
function sigmaOf(widthS: number): number {
  return Math.max(Math.abs(widthS), 1e-4);
}

/**
 * Add a Gaussian of amplitude `ampMv`, centre `centerS` and width σ `widthS` (both in seconds from
 * sample 0) to `out`, sampled at `fsHz`.
 */
export function addGaussian(
  out: Float64Array,
  fsHz: number,
  ampMv: number,
  centerS: number,
  widthS: number,
): void {
  const sigmaS = sigmaOf(widthS);
  const span = HALF_SPAN_SIGMAS * sigmaS;
  addGaussianSpan(out, fsHz, ampMv, centerS, sigmaS, centerS - span, centerS + span);
}
