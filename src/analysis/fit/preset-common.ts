/** Pieces shared by the class-preset builders: which templates speak for a class, and the row shape. */
import type { ClassName } from '../../core/units.ts';
import { medianOf } from '../median-of.ts';
import type { PerBeatFits } from './beat-fits.ts';
import type { ParamDistribution } from './distributions.ts';
import type { RecordFit, TemplateResult } from './fit-record.ts';

/** An accepted beat: its fits, its index there, its window id and its template's median RR (s). */
export interface PresetRow {
  part: PerBeatFits;
  k: number;
  window: number;
  templateRrS: number;
}

/** Sets a drawn class parameter (and its `…RecordSd`) from a distribution, times `scale`. */
export type SetDrawn = (key: string, d: ParamDistribution, scale?: number) => void;

/** Wave boundaries are at μ ± 2.5σ, as in the synthesizer. */
export const BOUNDARY_SIGMAS = 2.5;

/**
 * The templates of `fits` of beat type `type` that speak for class `cls` and have per-beat fits: a pvc
 * preset takes sinus segments (nsr, pvc, or unclassed such as `(B` bigeminy); nsr takes nsr or
 * unclassed segments; the others their own class.
 */
export function templatesFor(cls: ClassName, fits: readonly RecordFit[], type: 'N' | 'V'): TemplateResult[] {
  const ok = (c: ClassName | null): boolean =>
    cls === 'pvc'
      ? c === null || c === 'nsr' || c === 'pvc'
      : cls === 'nsr'
        ? c === 'nsr' || c === null
        : c === cls;
  return fits.flatMap((f) =>
    f.templates.filter((t) => t.beatType === type && ok(t.className) && t.beats !== undefined),
  );
}

/** Median of the finite values; NaN without any. */
export function medianFinite(values: readonly number[]): number {
  const v = values.filter(Number.isFinite);
  return v.length > 0 ? medianOf(Float64Array.from(v)) : NaN;
}

/** A per-window distribution as a record-level one: each window stands for one synthetic record. */
export function perRecord(d: ParamDistribution): ParamDistribution {
  return { ...d, recordSd: d.sd, beatSd: 0 };
}
