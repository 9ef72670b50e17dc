/**
 * Parameter specs of the arrhythmia generators (SYNTHESIS.md §2). Each numeric class parameter is drawn
 * per record as mean + N(0, record sd), clamped to its clinical range (the spec's min…max), so a
 * dataset has realistic variety; both the mean and the sd are editable.
 */
import { choice, num, type NumberSpec, type ParamSpec } from './param-types.ts';

const AF = 'Atrial fibrillation';
const AFL = 'Atrial flutter';
const PVC = 'PVC';
const WPW = 'WPW';

/** A class parameter and its record-level sd (`${key}RecordSd`, same unit). */
function drawn(
  key: string,
  group: string,
  label: string,
  unit: string,
  range: [number, number, number],
  help: string,
): ParamSpec[] {
  const [min, max, step] = range;
  return [
    num(
      key,
      group,
      label,
      unit,
      range,
      `${help} Drawn per record, clamped to ${min}-${max}${unit ? ' ' + unit : ''}.`,
    ),
    num(`${key}RecordSd`, group, `${label} sd / record`, unit, [0, max - min, step], 'Record-level sd.'),
  ];
}

/** Specs of the af, afl, pvc and wpw generators. */
export const CLASS_SPECS: ParamSpec[] = [
  ...drawn('afRateBpm', AF, 'Ventricular rate', 'bpm', [60, 170, 1], 'Mean ventricular rate in AF.'),
  ...drawn(
    'afRrCv',
    AF,
    'RR irregularity (CV)',
    '',
    [0.1, 0.4, 0.01],
    'Coefficient of variation of the independent (irregularly irregular) RR intervals.',
  ),
  ...drawn(
    'afFWaveHz',
    AF,
    'f-wave frequency',
    'Hz',
    [4, 9, 0.1],
    'Dominant frequency of the fibrillatory waves.',
  ),
  ...drawn(
    'afFWaveAmpMv',
    AF,
    'f-wave amplitude',
    'mV',
    [0.02, 0.2, 0.005],
    'Amplitude of the fibrillatory waves.',
  ),
  ...drawn(
    'afIrregularity',
    AF,
    'f-wave irregularity',
    '',
    [0, 1, 0.05],
    'Depth of the f-waves’ random frequency and amplitude modulation.',
  ),
  ...drawn('aflRateBpm', AFL, 'Flutter rate', 'bpm', [240, 340, 1], 'Atrial (F-wave) rate.'),
  ...drawn(
    'aflAmpMv',
    AFL,
    'F-wave amplitude',
    'mV',
    [0.05, 0.4, 0.005],
    'Peak-to-peak half amplitude of the sawtooth.',
  ),
  choice(
    'aflPolarity',
    AFL,
    'F-wave polarity',
    '',
    ['negative', 'positive'],
    'Negative in II is typical (counter-clockwise) flutter.',
  ),
  choice(
    'aflConduction',
    AFL,
    'AV conduction',
    '',
    ['any', '2:1', '3:1', '4:1', 'variable'],
    'any: one of 2:1, 3:1, 4:1 or variable per record; variable: 2-4:1 per beat.',
  ),
  ...drawn(
    'aflAvDelayMs',
    AFL,
    'F-wave to R delay',
    'ms',
    [120, 320, 1],
    'Each QRS is locked to an F-wave at this delay.',
  ),
  choice(
    'pvcPattern',
    PVC,
    'PVC pattern',
    '',
    ['any', 'isolated', 'bigeminy', 'trigeminy', 'couplets'],
    'any: one pattern per record.',
  ),
  ...drawn(
    'pvcBurdenPct',
    PVC,
    'PVC burden',
    '%',
    [2, 40, 1],
    'Chance that a sinus beat is replaced by an ectopic event (isolated and couplets).',
  ),
  ...drawn(
    'pvcCouplingPct',
    PVC,
    'Coupling interval',
    '% RR',
    [40, 80, 1],
    'PVC prematurity: coupling interval as a share of the sinus RR.',
  ),
  ...drawn('pvcQrsMs', PVC, 'PVC QRS width', 'ms', [120, 200, 1], 'Width of the ectopic QRS.'),
  ...drawn(
    'pvcAmpMv',
    PVC,
    'PVC QRS amplitude',
    'mV',
    [0.5, 3, 0.05],
    'Size of the ectopic QRS; its direction is random per record.',
  ),
  ...drawn(
    'pvcTAmpMv',
    PVC,
    'PVC T amplitude',
    'mV',
    [0.1, 1, 0.01],
    'Size of the ectopic T wave, opposite in direction to its QRS.',
  ),
  ...drawn(
    'wpwPrMs',
    WPW,
    'PR (to delta onset)',
    'ms',
    [70, 115, 1],
    'Short PR: P onset to the start of the delta wave.',
  ),
  ...drawn(
    'wpwDeltaMs',
    WPW,
    'Delta wave duration',
    'ms',
    [20, 60, 1],
    'Duration of the slurred initial upstroke.',
  ),
  ...drawn(
    'wpwDeltaAmpMv',
    WPW,
    'Delta wave amplitude',
    'mV',
    [0.1, 0.6, 0.01],
    'Height reached by the delta wave; its slope is amplitude / duration.',
  ),
  ...drawn(
    'wpwTScale',
    WPW,
    'Secondary T change',
    '×T',
    [-1, 0.5, 0.05],
    'T amplitude multiplier: negative inverts T (secondary ST-T change).',
  ),
];

/** The class-parameter keys that are drawn per record (those with a RecordSd companion). */
export const DRAWN_CLASS_KEYS: string[] = CLASS_SPECS.filter(
  (s): s is NumberSpec => s.kind === 'number' && !s.key.endsWith('RecordSd'),
).map((s) => s.key);
