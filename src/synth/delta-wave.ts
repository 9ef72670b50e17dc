/**
 * The WPW delta wave: pre-excitation through the accessory pathway gives a slow, slurred QRS upstroke.
 * Modelled as a ramp from 0 at `onsetS` to `ampMv` over `durationS` (slope = amplitude / duration), whose
 * first fifth is rounded (quadratic) so the onset is slurred, held until the R peak, then decaying as a
 * half Gaussian of σ `decayS` (it merges into the R wave).
 */
import { detExp } from '../core/det-math.ts';

/** Add a delta wave to `out` (sampled at `fsHz`). Times are in seconds from sample 0. */
export function addDeltaWave(
  out: Float64Array,
  fsHz: number,
  ampMv: number,
  onsetS: number,
  durationS: number,
  peakS: number,
  decayS: number,
): void {
  const round = 0.2; // share of the ramp that is rounded
  const first = Math.max(0, Math.ceil(onsetS * fsHz));
  const last = Math.min(out.length - 1, Math.floor((peakS + 5 * decayS) * fsHz));
  for (let n = first; n <= last; n++) {
    const t = n / fsHz;
    let v: number;
    if (t >= peakS) {
      const x = (t - peakS) / decayS;
      v = detExp(-0.5 * x * x);
    } else {
      const x = Math.min(1, (t - onsetS) / durationS);
      // Quadratic start joined with slope continuity to the linear ramp: v(x) rises from 0 to 1 at x = 1.
      v = x < round ? (x * x) / (2 * round) / (1 - round / 2) : (x - round / 2) / (1 - round / 2);
    }
    out[n] += ampMv * v;
  }
}
