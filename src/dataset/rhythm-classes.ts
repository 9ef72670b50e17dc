/**
 * Which rhythm label texts mean which class: `(N` → nsr, `(AFIB` → af, `(AFL` → afl, `(PREX` (WPW
 * pre-excitation) → wpw by default; other rhythms (`(B`, `(T`, `(VT` ...) have no class. A label that is
 * itself a class name (`af`) maps to that class. The map is visible in the recipe and can be changed.
 */
import { isClassName, type ClassName } from '../core/units.ts';

/** Rhythm label → class, the default used when none is given. */
export const DEFAULT_RHYTHM_CLASSES: Readonly<Record<string, ClassName>> = {
  '(N': 'nsr',
  '(AFIB': 'af',
  '(AFL': 'afl',
  '(PREX': 'wpw',
};

/**
 * The class of the rhythm label `label` under `map` (exact text after trimming and cutting at a NUL),
 * else the label itself when it is a class name (any letter case), else undefined.
 */
export function rhythmClassOf(
  label: string,
  map: Readonly<Record<string, ClassName>>,
): ClassName | undefined {
  const text = label.split('\0')[0].trim();
  if (Object.hasOwn(map, text)) return map[text];
  const lower = text.toLowerCase();
  return isClassName(lower) ? lower : undefined;
}

/**
 * Parse a rhythm map written `LABEL=class,LABEL=class`, e.g. `(N=nsr,(SBR=nsr,(AFIB=af`; entries are
 * added to `base` (default: the default map) and override it; `LABEL=none` removes a label's class.
 * Throws RangeError naming a bad entry.
 */
export function parseRhythmMap(
  text: string,
  base: Readonly<Record<string, ClassName>> = DEFAULT_RHYTHM_CLASSES,
): Record<string, ClassName> {
  const out: Record<string, ClassName> = { ...base };
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const eq = entry.lastIndexOf('=');
    const label = eq > 0 ? entry.slice(0, eq).trim() : '';
    const cls = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (label !== '' && cls === 'none') {
      delete out[label];
      continue;
    }
    if (label === '' || !isClassName(cls)) {
      throw new RangeError(`rhythm map entry "${entry}": expected LABEL=nsr|af|afl|pvc|wpw|none`);
    }
    out[label] = cls;
  }
  return out;
}
