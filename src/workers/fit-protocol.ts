/**
 * Messages between the studio and the fit worker. A record goes in as its lead (mV, a transferred copy)
 * with its beat and rhythm annotations; each template comes back with the traces its plot needs (the
 * template, the fitted sum, every component and the residual, mV over s from R), its quality and the
 * distributions of its per-beat fits. The worker keeps the record's fit, so a class preset is made from
 * it on request. Cancelling ends the worker (a fit is one synchronous call).
 */
import type { BeatDistributions, BeatParams } from '../analysis/fit/index.ts';
import type { ClassName } from '../core/units.ts';
import type { SynthParams } from '../synth/index.ts';

/** A record to fit. */
export interface FitRecordMessage {
  name: string;
  fsHz: number;
  /** The lead, mV at `fsHz` (NaN: invalid). */
  signalMv: Float32Array;
  beats: { symbol: string; timeS: number }[];
  rhythms: { label: string; startS: number; endS: number }[];
}

/** Main thread → worker. */
export type FitRequest =
  /** Fit `record`; a record without rhythm notes is of class `className`. */
  | { type: 'fit'; id: number; record: FitRecordMessage; className: ClassName }
  /** A `className` preset from the last fit, on top of `base`. */
  | { type: 'preset'; id: number; className: ClassName; base: SynthParams };

/** One template as the panel shows it. */
export interface FitTemplateView {
  segment: string;
  className: ClassName | null;
  beatType: string;
  nBeats: number;
  /** Median RR before the beats, s. */
  rrS: number;
  /** Time of each sample, s from R. */
  timeS: Float64Array;
  templateMv: Float64Array;
  fittedMv: Float64Array;
  residualMv: Float64Array;
  /** Each component alone, mV (delta all zeros without a delta wave). */
  components: Record<'P' | 'Q' | 'R' | 'S' | 'T' | 'delta', Float64Array>;
  params: BeatParams;
  rmsUv: number;
  varianceExplained: number;
  /** f-waves of an af/afl segment. */
  fWaves?: { ampMv: number; freqHz: number };
  /** Per-beat distributions (absent when no beat was fitted). */
  beats?: BeatDistributions;
}

/** The fit of one record. */
export interface FitResultView {
  record: string;
  fsHz: number;
  durationS: number;
  nBeats: number;
  beatSource: 'annotations' | 'detected';
  templates: FitTemplateView[];
  skipped: { segment: string; beatType: string; nBeats: number; reason: string }[];
  /** Worker time of the fit, ms. */
  fitMs: number;
}

/** Worker → main thread. */
export type FitReply =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'fitted'; id: number; result: FitResultView }
  | { type: 'preset'; id: number; params: SynthParams; nBeats: number; nWindows: number; notes: string[] }
  | { type: 'error'; id: number; message: string };
