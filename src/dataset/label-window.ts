/**
 * Applies a label rule (label-rule.ts) to one window of a record: the first step that gives a class
 * wins; when none does, the reason of every step is returned instead, for the skipped list. Each reason
 * is a fixed phrase, optionally followed by `: ` and the window's figures (so reasons group by phrase).
 */
import type { ClassName } from '../core/units.ts';
import type { BeatMark, RecordLabel, RhythmSpan } from './import-types.ts';
import type { LabelRule, LabelRuleStep } from './label-rule.ts';
import { rhythmClassOf } from './rhythm-classes.ts';

/** What a record offers for labelling its windows. */
export interface WindowLabelSources {
  /** Rhythm episodes, sorted by start. */
  rhythms: readonly RhythmSpan[];
  /** Beats, sorted by time. */
  beats: readonly BeatMark[];
  /** The record-level label, when there is one. */
  recordLabel?: RecordLabel;
  /** Rhythm label → class. */
  rhythmClasses: Readonly<Record<string, ClassName>>;
}

/** A window's label, or why it has none. */
export type WindowLabel =
  { className: ClassName; reason?: undefined } | { className?: undefined; reason: string };

type StepResult = { className: ClassName } | { reason: string };

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

function rhythmMajority(
  src: WindowLabelSources,
  minFraction: number,
  startS: number,
  endS: number,
): StepResult {
  const cover = new Map<string, { seconds: number; className?: ClassName }>();
  for (const r of src.rhythms) {
    if (r.startS >= endS) break;
    const overlap = Math.min(endS, r.endS) - Math.max(startS, r.startS);
    if (overlap <= 0) continue;
    const className = rhythmClassOf(r.label, src.rhythmClasses);
    const key = className ?? r.label;
    const entry = cover.get(key) ?? { seconds: 0, className };
    entry.seconds += overlap;
    cover.set(key, entry);
  }
  if (cover.size === 0) return { reason: 'no rhythm annotation in the window' };
  const length = endS - startS;
  const ranked = [...cover.entries()].sort((a, b) => b[1].seconds - a[1].seconds);
  const [bestKey, best] = ranked[0];
  const fraction = Math.min(1, best.seconds / length);
  if (fraction >= minFraction - 1e-9) {
    if (best.className !== undefined) return { className: best.className };
    return { reason: `rhythm ${bestKey} has no class: covers ${percent(fraction)}` };
  }
  const parts = ranked.map(([k, v]) => `${k} ${percent(v.seconds / length)}`).join(', ');
  return { reason: `no rhythm covers ≥ ${percent(minFraction)}: ${parts}` };
}

/** Index of the first beat at or after `timeS`. */
function firstBeatAtOrAfter(beats: readonly BeatMark[], timeS: number): number {
  let lo = 0;
  let hi = beats.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (beats[mid].timeS < timeS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function applyStep(src: WindowLabelSources, step: LabelRuleStep, startS: number, endS: number): StepResult {
  if (step.kind === 'rhythm-majority') return rhythmMajority(src, step.minFraction, startS, endS);
  if (step.kind === 'contains-beat') {
    for (let i = firstBeatAtOrAfter(src.beats, startS); i < src.beats.length; i++) {
      const b = src.beats[i];
      if (b.timeS >= endS) break;
      if (step.symbols.includes(b.symbol)) return { className: step.className };
    }
    return { reason: `no ${step.symbols.join('|')} beat` };
  }
  const label = src.recordLabel;
  if (label?.className !== undefined) return { className: label.className };
  return { reason: label === undefined ? 'no record label' : `record label has no class: ${label.source}` };
}

/**
 * The label of the window [startS, endS) (s from the record start) under `rule`: the class of the first
 * step that gives one, else the reasons of all steps joined by `; `.
 */
export function labelWindow(
  rule: LabelRule,
  sources: WindowLabelSources,
  startS: number,
  endS: number,
): WindowLabel {
  const reasons: string[] = [];
  for (const step of rule) {
    const r = applyStep(sources, step, startS, endS);
    if ('className' in r) return { className: r.className };
    reasons.push(r.reason);
  }
  return { reason: reasons.join('; ') };
}
