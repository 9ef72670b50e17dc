/**
 * Cuts a record (already at the output rate) into fixed-length windows and labels each by the rule:
 * window k covers output samples [k·stride, k·stride + length), i.e. [k·strideS, k·strideS + windowS) in
 * the source record's time. A record shorter than one window gives none (and says so); windows with
 * invalid samples or no class are skipped with a reason.
 */
import type { ClassName } from '../core/units.ts';
import type { BeatMark, RecordLabel, RhythmSpan } from './import-types.ts';
import type { LabelRule } from './label-rule.ts';
import { labelWindow, type WindowLabelSources } from './label-window.ts';

/** How windows are cut and labelled. */
export interface WindowingOptions {
  /** Rate of the resampled signal, Hz. */
  fsHz: number;
  /** Window length, s. */
  windowS: number;
  /** Step between window starts, s (the window length for back-to-back windows). */
  strideS: number;
  /** The label rule. */
  rule: LabelRule;
  /** Rhythm label → class. */
  rhythmClasses: Readonly<Record<string, ClassName>>;
}

/** A record to window: its length at the output rate and its labels (times in s). */
export interface WindowingInput {
  /** Samples of the record at `WindowingOptions.fsHz`. */
  nSamples: number;
  rhythms: readonly RhythmSpan[];
  beats: readonly BeatMark[];
  recordLabel?: RecordLabel;
  /** Stretches of invalid source samples, s; windows touching them are skipped. */
  invalidSpans?: readonly { startS: number; endS: number }[];
}

/** A window kept: where it starts and its class. */
export interface PlannedWindow {
  /** First sample, at the output rate. */
  startSample: number;
  /** Start, s from the record start (rounded to 1 µs). */
  startS: number;
  className: ClassName;
}

/** A window left out, and why. */
export interface SkippedWindow {
  /** Start, s from the record start. */
  startS: number;
  reason: string;
}

/** The windows of one record. */
export interface WindowPlan {
  /** Samples per window at the output rate. */
  windowSamples: number;
  windows: PlannedWindow[];
  skipped: SkippedWindow[];
  /** Set when the record is shorter than one window (then there are no windows). */
  tooShort?: string;
}

/** Samples in `seconds` at `fsHz`, rounded; throws RangeError below 1 sample. */
export function secondsToSamples(seconds: number, fsHz: number, what: string): number {
  const n = Math.round(seconds * fsHz);
  if (!(n >= 1)) throw new RangeError(`${what} of ${seconds} s is less than one sample at ${fsHz} Hz`);
  return n;
}

/** Cut `input` into windows and label them (see the module comment). */
export function planWindows(input: WindowingInput, options: WindowingOptions): WindowPlan {
  const { fsHz } = options;
  const windowSamples = secondsToSamples(options.windowS, fsHz, 'a window');
  const strideSamples = secondsToSamples(options.strideS, fsHz, 'a stride');
  const plan: WindowPlan = { windowSamples, windows: [], skipped: [] };
  if (input.nSamples < windowSamples) {
    const seconds = Math.round((input.nSamples / fsHz) * 1000) / 1000;
    plan.tooShort = `shorter than one window (${seconds} s < ${options.windowS} s)`;
    return plan;
  }
  const sources: WindowLabelSources = {
    rhythms: [...input.rhythms].sort((a, b) => a.startS - b.startS),
    beats: [...input.beats].sort((a, b) => a.timeS - b.timeS),
    recordLabel: input.recordLabel,
    rhythmClasses: options.rhythmClasses,
  };
  const invalid = input.invalidSpans ?? [];
  const count = Math.floor((input.nSamples - windowSamples) / strideSamples) + 1;
  for (let k = 0; k < count; k++) {
    const startSample = k * strideSamples;
    const startS = Math.round((startSample / fsHz) * 1e6) / 1e6;
    const endS = (startSample + windowSamples) / fsHz;
    if (invalid.some((s) => s.startS < endS && s.endS > startS)) {
      plan.skipped.push({ startS, reason: 'invalid (missing) samples in the window' });
      continue;
    }
    const label = labelWindow(options.rule, sources, startSample / fsHz, endS);
    if (label.className !== undefined) plan.windows.push({ startSample, startS, className: label.className });
    else plan.skipped.push({ startS, reason: label.reason });
  }
  return plan;
}
