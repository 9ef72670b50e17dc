/**
 * Rhythm episodes and beats of a record from its annotations, in seconds: WFDB annotations (rhythm
 * notes `+` with aux `(AFIB` ..., beat symbols) and EDF+ annotations (rhythm texts such as `(AFIB` with
 * or without a duration, beat symbols as texts).
 */
import type { EdfAnnotation } from '../io/edf-types.ts';
import { isBeatSymbol, type WfdbAnnotation } from '../io/wfdb-annotation.ts';
import { rhythmSegments } from '../io/wfdb-rhythm.ts';
import { isClassName } from '../core/units.ts';
import type { BeatMark, RhythmSpan } from './import-types.ts';

/** Rhythm episodes and beats of one record. */
export interface AnnotationLabels {
  rhythms: RhythmSpan[];
  beats: BeatMark[];
}

/**
 * Labels of a WFDB annotation list of a record of `nSamples` samples at `fsHz`: each rhythm note starts
 * an episode lasting to the next (the last to the record's end); beat annotations become beats.
 */
export function wfdbAnnotationLabels(
  anns: readonly WfdbAnnotation[],
  fsHz: number,
  nSamples: number,
): AnnotationLabels {
  const rhythms = rhythmSegments([...anns], nSamples).map((s) => ({
    label: s.rhythm,
    startS: s.startSample / fsHz,
    endS: s.endSample / fsHz,
  }));
  const beats = anns
    .filter((a) => isBeatSymbol(a.symbol))
    .map((a) => ({ symbol: a.symbol, timeS: a.sample / fsHz }));
  return { rhythms, beats };
}

/**
 * Labels of EDF+ annotations of a recording lasting `durationS`: a text starting with `(` or naming a
 * class is a rhythm episode, lasting its duration when the annotation has one, else until the next
 * rhythm text (the last until the end); a text that is a beat symbol (`N`, `V` ...) is a beat. Other
 * texts are ignored.
 */
export function edfAnnotationLabels(anns: readonly EdfAnnotation[], durationS: number): AnnotationLabels {
  const sorted = [...anns].sort((a, b) => a.onsetS - b.onsetS);
  const rhythmAnns = sorted.filter((a) => {
    const t = a.text.trim();
    return t.startsWith('(') || isClassName(t.toLowerCase());
  });
  const rhythms = rhythmAnns.map((a, i) => {
    const next = i + 1 < rhythmAnns.length ? rhythmAnns[i + 1].onsetS : durationS;
    const endS =
      a.durationS !== undefined && a.durationS > 0 ? a.onsetS + a.durationS : Math.max(a.onsetS, next);
    return { label: a.text.trim(), startS: a.onsetS, endS };
  });
  const beats = sorted
    .filter((a) => isBeatSymbol(a.text.trim()) && !(a.durationS !== undefined && a.durationS > 0))
    .map((a) => ({ symbol: a.text.trim(), timeS: a.onsetS }));
  return { rhythms, beats };
}
