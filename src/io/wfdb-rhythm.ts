import type { WfdbAnnotation } from './wfdb-annotation.ts';

/** One rhythm episode of a record, from the rhythm-change annotations. */
export interface RhythmSegment {
  /** The rhythm label as stored in the aux text, e.g. `(AFIB`, `(N`, `(PREX`. */
  rhythm: string;
  /** Sample of the rhythm-change annotation that starts it. */
  startSample: number;
  /** Sample where the next rhythm change (or the end of the record) ends it. */
  endSample: number;
}

/**
 * The rhythm episodes of an annotation list: each rhythm-change annotation (symbol `+` with an aux text
 * starting with `(`) starts an episode that lasts until the next one, the last one until `endSample`
 * (the record's sample count). Annotations are taken in sample order; aux texts are cut at the first
 * whitespace or NUL (`(AFIB` from `(AFIB\0`).
 */
export function rhythmSegments(anns: WfdbAnnotation[], endSample: number): RhythmSegment[] {
  const changes = anns
    .filter((a) => a.symbol === '+' && a.aux.startsWith('('))
    .map((a) => ({ rhythm: a.aux.split(/[\s\0]/)[0], sample: a.sample }))
    .sort((a, b) => a.sample - b.sample);
  return changes.map((c, i) => ({
    rhythm: c.rhythm,
    startSample: c.sample,
    endSample: i + 1 < changes.length ? changes[i + 1].sample : Math.max(c.sample, endSample),
  }));
}
