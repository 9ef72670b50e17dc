/**
 * Distributions of per-beat fits: every fitted parameter (amplitude, width, position of each wave; the
 * delta wave), the RR interval and the fit quality, over the beats whose fit explains at least
 * `minVarianceExplained` of their variance (default 0.8: a beat lost in noise or artefact would
 * otherwise widen the distributions), pooled over any number of templates and records. Windows of
 * `windowS` (default 10 s) within each record are the "record" level of `distributionOf`.
 */
import { ampIndex, DELTA_AMP, DELTA_DUR, N_PARAMS, posIndex, widthIndex } from './beat-model-fit.ts';
import type { PerBeatFits } from './beat-fits.ts';
import { distributionOf, type ParamDistribution } from './distributions.ts';
import { WAVE_NAMES, type WaveName } from './fit-types.ts';

/** One wave's parameter distributions. */
export interface WaveDistributions {
  ampMv: ParamDistribution;
  widthS: ParamDistribution;
  positionS: ParamDistribution;
}

/** Distributions of per-beat fits. */
export interface BeatDistributions {
  /** Beats fitted, and beats accepted into the distributions. */
  nBeats: number;
  nAccepted: number;
  /** Each fitted wave (absent: not part of the model). */
  waves: Partial<Record<WaveName, WaveDistributions>>;
  /** The delta wave (WPW): height, duration and onset relative to R. */
  delta?: { ampMv: ParamDistribution; durationS: ParamDistribution; onsetS: ParamDistribution };
  rrS: ParamDistribution;
  rmsUv: ParamDistribution;
  varianceExplained: ParamDistribution;
}

/** Options of the per-beat summaries. */
export interface BeatSummaryOptions {
  /** Window length that stands for one record (s); default 10. */
  windowS?: number;
  /** Beats whose fit explains less than this are left out; default 0.8. */
  minVarianceExplained?: number;
}

/** Accepted beats of `parts` (one entry per record's template fits) as rows with a window id. */
export function acceptedBeats(
  parts: readonly PerBeatFits[],
  options: BeatSummaryOptions = {},
): { part: PerBeatFits; k: number; window: number }[] {
  const windowS = options.windowS ?? 10;
  const minVe = options.minVarianceExplained ?? 0.8;
  const rows: { part: PerBeatFits; k: number; window: number }[] = [];
  let windowBase = 0;
  for (const part of parts) {
    let lastWindow = 0;
    for (let k = 0; k < part.n; k++) {
      if (!(part.varianceExplained[k] >= minVe)) continue;
      const w = Math.floor(part.timeS[k] / windowS);
      lastWindow = Math.max(lastWindow, w);
      rows.push({ part, k, window: windowBase + w });
    }
    windowBase += lastWindow + 1;
  }
  return rows;
}

/**
 * Distributions of the per-beat fits `parts` (e.g. the N beats of one template, or of several records
 * of one class); see the module comment.
 */
export function beatDistributions(
  parts: readonly PerBeatFits[],
  options: BeatSummaryOptions = {},
): BeatDistributions {
  const rows = acceptedBeats(parts, options);
  const groups = rows.map((r) => r.window);
  const of = (f: (x: Float64Array, part: PerBeatFits, k: number) => number): ParamDistribution =>
    distributionOf(
      rows.map((r) => f(r.part.x.subarray(r.k * N_PARAMS, (r.k + 1) * N_PARAMS), r.part, r.k)),
      groups,
    );
  const first = parts[0];
  const waves: Partial<Record<WaveName, WaveDistributions>> = {};
  WAVE_NAMES.forEach((name, w) => {
    if (first !== undefined && !first.free[ampIndex(w)]) return;
    waves[name] = {
      ampMv: of((x) => x[ampIndex(w)]),
      widthS: of((x) => x[widthIndex(w)]),
      positionS: of((x) => x[posIndex(w)]),
    };
  });
  const out: BeatDistributions = {
    nBeats: parts.reduce((s, p) => s + p.n, 0),
    nAccepted: rows.length,
    waves,
    rrS: of((_, p, k) => p.rrS[k]),
    rmsUv: of((_, p, k) => p.rmsUv[k]),
    varianceExplained: of((_, p, k) => p.varianceExplained[k]),
  };
  if (first?.delta === true) {
    out.delta = {
      ampMv: of((x) => x[DELTA_AMP]),
      durationS: of((x) => x[DELTA_DUR]),
      onsetS: of((x) => x[posIndex(2)] - 2.5 * x[widthIndex(2)] - x[DELTA_DUR]),
    };
  }
  return out;
}
