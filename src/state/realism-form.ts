/**
 * The Realism view's form: the class, where the synthetic windows come from and how many, the seed,
 * and the classifier test's settings, as typed (text, so a bad entry is named by its control's label);
 * `realismChoices` turns it into the worker's inputs, and `realInputProblem` says why the imported
 * windows cannot be used (none of the class, or too few), naming the class and the counts. No DOM.
 */
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import type { SyntheticSideChoice } from '../analysis/realism/index.ts';
import type { PresetName, SynthParams } from '../synth/index.ts';
import type { RealismClassifierOptions } from '../workers/realism-protocol.ts';

/** Where the synthetic windows' parameters come from: the studio's current parameters or a preset. */
export type RealismSource = 'studio' | PresetName;

/** The form as typed. */
export interface RealismForm {
  className: ClassName;
  source: RealismSource;
  countText: string;
  seedText: string;
  classifier: boolean;
  backend: 'wasm' | 'cpu';
  epochsText: string;
}

/** The labels of the controls, as errors name them. */
export const REALISM_LABELS = {
  className: 'Class to compare',
  source: 'Synthetic windows from',
  count: 'Synthetic windows',
  seed: 'Seed (synthetic set and classifier)',
  classifier: 'Classifier two-sample test',
  backend: 'Classifier backend',
  epochs: 'Classifier epochs',
} as const;

/** Fewest imported windows of the class the view compares (the classifier test needs 10 for its splits). */
export const MIN_REAL_WINDOWS = 10;
/** Synthetic windows: 10 to 2000. */
export const MAX_SYNTHETIC_WINDOWS = 2000;
/** Windows per side kept, as `pqrst realism`'s default --max-windows. */
export const REALISM_MAX_WINDOWS = 1000;

/** The form the view opens with: nsr, 200 windows from the studio's parameters, seed 1, the test on WASM. */
export function defaultRealismForm(): RealismForm {
  return {
    className: 'nsr',
    source: 'studio',
    countText: '200',
    seedText: '1',
    classifier: true,
    backend: 'wasm',
    epochsText: '3',
  };
}

/** A refused form: the control's label and the reason. */
export interface RealismFormError {
  control: string;
  message: string;
}

/** The worker's inputs, or the first bad control. */
export type RealismChoices =
  | { synthetic: SyntheticSideChoice; classifier: RealismClassifierOptions; error: null }
  | { synthetic: null; classifier: null; error: RealismFormError };

function integer(text: string, control: string, min: number, max: number): number | RealismFormError {
  const t = text.trim();
  const v = t === '' ? NaN : Number(t);
  if (Number.isInteger(v) && v >= min && v <= max) return v;
  const what = `an integer from ${min} to ${max}`;
  return { control, message: t === '' ? `required: ${what}` : `expected ${what}, got '${t}'` };
}

/** The form's choices with the studio's current parameters `studio` (used when the source is the studio). */
export function realismChoices(form: RealismForm, studio: SynthParams): RealismChoices {
  const count = integer(form.countText, REALISM_LABELS.count, 10, MAX_SYNTHETIC_WINDOWS);
  const seed = integer(form.seedText, REALISM_LABELS.seed, 0, 4294967295);
  const epochs = form.classifier ? integer(form.epochsText, REALISM_LABELS.epochs, 1, 100) : 3;
  for (const v of [count, seed, epochs]) {
    if (typeof v !== 'number') return { synthetic: null, classifier: null, error: v };
  }
  const source: SyntheticSideChoice['source'] =
    form.source === 'studio'
      ? { kind: 'studio', params: { ...studio } }
      : { kind: 'preset', preset: form.source };
  return {
    synthetic: { className: form.className, count: count as number, seed: seed as number, source },
    classifier: {
      run: form.classifier,
      backend: form.backend,
      seed: seed as number,
      epochs: epochs as number,
    },
    error: null,
  };
}

/**
 * Why the import's windows (`windowsPerClass`, null before an import finished) cannot be compared for
 * `className`, or null when they can.
 */
export function realInputProblem(
  className: ClassName,
  windowsPerClass: Partial<Record<ClassName, number>> | null,
): string | null {
  if (windowsPerClass === null) {
    return `No imported windows: import real records of class ${className} above (Import real ECGs) first.`;
  }
  const n = windowsPerClass[className] ?? 0;
  const held = CLASS_NAMES.filter((c) => (windowsPerClass[c] ?? 0) > 0)
    .map((c) => `${c} ${windowsPerClass[c]}`)
    .join(', ');
  if (n === 0) {
    return `No imported windows of class ${className}: the import holds ${held === '' ? 'no labelled windows' : held}. Import records of class ${className} or pick another class.`;
  }
  if (n < MIN_REAL_WINDOWS) {
    return `Too few imported windows of class ${className}: ${n}, at least ${MIN_REAL_WINDOWS} are needed (the import holds ${held}).`;
  }
  return null;
}
