/**
 * The PVC part of a pvc preset, from the fitted ventricular beats: QRS width (where the fitted QRS, Q + R
 * + S, stays above exp(−2.5²/2) ≈ 4.4 % of its largest magnitude: μ ± 2.5σ for one Gaussian, the
 * synthesizer's boundary), the largest QRS deflection (mV), |T| (mV), the coupling interval (RR before
 * the PVC over the sinus RR, %) and the burden (share of PVCs among the fitted beats of each 10-s window
 * with PVCs, %). Each is summarised over beats (or windows) as a record-level distribution.
 */
import { ampIndex, N_PARAMS, posIndex, widthIndex } from './beat-model-fit.ts';
import { acceptedBeats, type BeatSummaryOptions } from './beat-distributions.ts';
import { distributionOf } from './distributions.ts';
import type { RecordFit } from './fit-record.ts';
import { BOUNDARY_SIGMAS, perRecord, templatesFor, type SetDrawn } from './preset-common.ts';

const STEP_S = 0.0005;
const SPAN_SIGMAS = 5;

/** QRS width (ms) and largest deflection (mV) of the fitted QRS of parameter vector `x`. */
export function qrsShape(x: ArrayLike<number>): { widthMs: number; peakMv: number } {
  const waves = [1, 2, 3].filter((w) => x[ampIndex(w)] !== 0);
  if (waves.length === 0) return { widthMs: NaN, peakMv: NaN };
  const lo = Math.min(...waves.map((w) => x[posIndex(w)] - SPAN_SIGMAS * x[widthIndex(w)]));
  const hi = Math.max(...waves.map((w) => x[posIndex(w)] + SPAN_SIGMAS * x[widthIndex(w)]));
  const values: number[] = [];
  for (let t = lo; t <= hi; t += STEP_S) {
    let v = 0;
    for (const w of waves)
      v += x[ampIndex(w)] * Math.exp(-0.5 * ((t - x[posIndex(w)]) / x[widthIndex(w)]) ** 2);
    values.push(Math.abs(v));
  }
  const peak = Math.max(...values);
  const threshold = Math.exp(-0.5 * BOUNDARY_SIGMAS ** 2) * peak;
  const first = values.findIndex((v) => v >= threshold);
  const last = values.length - 1 - [...values].reverse().findIndex((v) => v >= threshold);
  return { widthMs: (last - first) * STEP_S * 1000, peakMv: peak };
}

/** Set the pvc parameters from `fits` (see the module comment); `sinusRrS` is the sinus RR (s). */
export function pvcValues(
  fits: readonly RecordFit[],
  sinusRrS: number,
  options: BeatSummaryOptions,
  setDrawn: SetDrawn,
  notes: string[],
): void {
  const rows = acceptedBeats(
    templatesFor('pvc', fits, 'V').map((t) => t.beats!),
    options,
  );
  if (rows.length === 0) {
    notes.push('pvc: no fitted ventricular beats; PVC shape kept from the base preset');
    return;
  }
  const xs = rows.map((r) => r.part.x.subarray(r.k * N_PARAMS, (r.k + 1) * N_PARAMS));
  const qrs = xs.map(qrsShape);
  setDrawn('pvcQrsMs', perRecord(distributionOf(qrs.map((q) => q.widthMs))));
  setDrawn('pvcAmpMv', perRecord(distributionOf(qrs.map((q) => q.peakMv))));
  setDrawn('pvcTAmpMv', perRecord(distributionOf(xs.map((x) => Math.abs(x[ampIndex(4)])))));
  setDrawn('pvcCouplingPct', perRecord(distributionOf(rows.map((r) => (100 * r.part.rrS[r.k]) / sinusRrS))));
  const windowS = options.windowS ?? 10;
  const counts = new Map<string, { v: number; all: number }>();
  fits.forEach((f, i) => {
    for (const t of f.templates) {
      if (t.beats === undefined || (t.beatType !== 'N' && t.beatType !== 'V')) continue;
      for (let k = 0; k < t.beats.n; k++) {
        const key = `${i}:${Math.floor(t.beats.timeS[k] / windowS)}`;
        const c = counts.get(key) ?? { v: 0, all: 0 };
        c.all++;
        if (t.beatType === 'V') c.v++;
        counts.set(key, c);
      }
    }
  });
  const burden = [...counts.values()].filter((c) => c.v > 0).map((c) => (100 * c.v) / c.all);
  setDrawn('pvcBurdenPct', perRecord(distributionOf(burden)));
  notes.push(`pvc: ${rows.length} ventricular beats; burden from ${burden.length} windows with PVCs`);
}
