/** Readable names of the rhythm classes, for headings and notes. */

const LONG_NAMES: Readonly<Record<string, string>> = {
  nsr: 'normal sinus rhythm',
  af: 'atrial fibrillation',
  afl: 'atrial flutter',
  pvc: 'premature ventricular complexes',
  wpw: 'Wolff-Parkinson-White pre-excitation',
};

/** The long name of class `className` (the short name itself when unknown). */
export function classLongName(className: string): string {
  return LONG_NAMES[className] ?? className;
}
