/**
 * The one typed parameter schema of the normal-rhythm synthesizer. Every parameter has a key, a unit, a
 * range and a default; the studio builds its controls from this table, the URL hash and preset files
 * round-trip through it, and `validateParams` checks any input against it.
 */

/** The five Gaussian waves of a beat. */
export const WAVES = ['p', 'q', 'r', 's', 't'] as const;
/** One of the five waves. */
export type Wave = (typeof WAVES)[number];

/** A numeric parameter's description. */
export interface NumberSpec {
  kind: 'number';
  key: string;
  group: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  help: string;
}
/** A parameter that takes one of a few named values. */
export interface ChoiceSpec {
  kind: 'choice';
  key: string;
  group: string;
  label: string;
  unit: string;
  options: readonly string[];
  help: string;
}
/** An on/off parameter. */
export interface SwitchSpec {
  kind: 'switch';
  key: string;
  group: string;
  label: string;
  unit: string;
  help: string;
}
/** Any parameter's description. */
export type ParamSpec = NumberSpec | ChoiceSpec | SwitchSpec;

const WAVE_NAME: Record<Wave, string> = { p: 'P', q: 'Q', r: 'R', s: 'S', t: 'T' };

function waveSpecs(w: Wave): ParamSpec[] {
  const name = WAVE_NAME[w];
  const group = `${name} wave`;
  const n = (
    key: string,
    label: string,
    unit: string,
    min: number,
    max: number,
    step: number,
    help: string,
  ) => ({ kind: 'number', key, group, label, unit, min, max, step, help }) as const;
  return [
    n(
      `${w}AmpMv`,
      `${name} amplitude`,
      'mV',
      -3,
      5,
      0.01,
      `Peak of the ${name} Gaussian (negative = downward).`,
    ),
    n(
      `${w}WidthS`,
      `${name} width σ`,
      's',
      0.0005,
      0.2,
      0.0005,
      `Gaussian σ of ${name}; it spans about ±2.5σ.`,
    ),
    n(
      `${w}PosS`,
      `${name} position`,
      's',
      -1,
      1,
      0.001,
      `Centre of ${name}: relative to the R peak at RR = 1 s (rr-adaptive model), or the authors' chained offset (stretch-1s).`,
    ),
    n(`${w}AmpRecordSdMv`, `${name} amplitude sd / record`, 'mV', 0, 2, 0.005, 'Record-level sd.'),
    n(`${w}WidthRecordSdS`, `${name} width sd / record`, 's', 0, 0.1, 0.0005, 'Record-level sd.'),
    n(`${w}PosRecordSdS`, `${name} position sd / record`, 's', 0, 0.3, 0.001, 'Record-level sd.'),
    n(`${w}AmpBeatSdMv`, `${name} amplitude sd / beat`, 'mV', 0, 1, 0.005, 'Beat-to-beat jitter sd.'),
    n(`${w}WidthBeatSdS`, `${name} width sd / beat`, 's', 0, 0.05, 0.0001, 'Beat-to-beat jitter sd.'),
    n(`${w}PosBeatSdS`, `${name} position sd / beat`, 's', 0, 0.1, 0.0005, 'Beat-to-beat jitter sd.'),
  ];
}

/** Every synthesizer parameter, in the order the studio shows them. */
export const PARAM_SPECS: readonly ParamSpec[] = [
  {
    kind: 'choice',
    key: 'beatModel',
    group: 'Record',
    label: 'Beat model',
    unit: '',
    options: ['rr-adaptive', 'stretch-1s'],
    help: 'rr-adaptive: waves placed relative to R, QT follows RR^qtRateExponent (Bazett at 0.5), PR only a little. stretch-1s: the authors’ 1-s template stretched by RR.',
  },
  {
    kind: 'number',
    key: 'fsHz',
    group: 'Record',
    label: 'Sampling rate',
    unit: 'Hz',
    min: 100,
    max: 1000,
    step: 1,
    integer: true,
    help: 'Samples per second.',
  },
  {
    kind: 'number',
    key: 'durationS',
    group: 'Record',
    label: 'Duration',
    unit: 's',
    min: 1,
    max: 600,
    step: 0.5,
    help: 'Record length (1 s to 10 min).',
  },
  {
    kind: 'number',
    key: 'seed',
    group: 'Record',
    label: 'Seed',
    unit: '',
    min: 0,
    max: 4294967295,
    step: 1,
    integer: true,
    help: 'Seed of the record (32-bit unsigned).',
  },
  ...WAVES.flatMap(waveSpecs),
  {
    kind: 'number',
    key: 'heartRateBpm',
    group: 'Rhythm',
    label: 'Heart rate',
    unit: 'bpm',
    min: 20,
    max: 250,
    step: 1,
    help: 'Mean heart rate of the record (before the record-level RR draw).',
  },
  {
    kind: 'number',
    key: 'rrRecordSdS',
    group: 'Rhythm',
    label: 'Mean RR sd / record',
    unit: 's',
    min: 0,
    max: 0.5,
    step: 0.005,
    help: 'Record-level sd of the mean RR interval.',
  },
  {
    kind: 'number',
    key: 'hrvSdMs',
    group: 'Rhythm',
    label: 'HRV (RR sd)',
    unit: 'ms',
    min: 0,
    max: 200,
    step: 1,
    help: 'sd of the LF + HF RR modulation (ECGSYN-style spectrum).',
  },
  {
    kind: 'number',
    key: 'lfHz',
    group: 'Rhythm',
    label: 'LF centre',
    unit: 'Hz',
    min: 0.04,
    max: 0.15,
    step: 0.005,
    help: 'Mayer-wave peak of the RR spectrum.',
  },
  {
    kind: 'number',
    key: 'hfHz',
    group: 'Rhythm',
    label: 'HF centre',
    unit: 'Hz',
    min: 0.15,
    max: 0.5,
    step: 0.005,
    help: 'Respiratory peak of the RR spectrum.',
  },
  {
    kind: 'number',
    key: 'lfWidthHz',
    group: 'Rhythm',
    label: 'LF width',
    unit: 'Hz',
    min: 0.001,
    max: 0.05,
    step: 0.001,
    help: 'sd of the LF spectral peak.',
  },
  {
    kind: 'number',
    key: 'hfWidthHz',
    group: 'Rhythm',
    label: 'HF width',
    unit: 'Hz',
    min: 0.001,
    max: 0.05,
    step: 0.001,
    help: 'sd of the HF spectral peak.',
  },
  {
    kind: 'number',
    key: 'lfHfRatio',
    group: 'Rhythm',
    label: 'LF/HF ratio',
    unit: '',
    min: 0.05,
    max: 10,
    step: 0.05,
    help: 'Power ratio of the two RR spectral peaks.',
  },
  {
    kind: 'number',
    key: 'rrBeatSdS',
    group: 'Rhythm',
    label: 'RR jitter sd / beat',
    unit: 's',
    min: 0,
    max: 0.3,
    step: 0.001,
    help: 'White beat-to-beat RR jitter.',
  },
  {
    kind: 'number',
    key: 'prRateExponent',
    group: 'Rhythm',
    label: 'PR rate exponent',
    unit: '',
    min: 0,
    max: 1,
    step: 0.01,
    help: 'P position scales with RR^k (rr-adaptive model): PR changes only a little with rate.',
  },
  {
    kind: 'number',
    key: 'qtRateExponent',
    group: 'Rhythm',
    label: 'QT rate exponent',
    unit: '',
    min: 0,
    max: 1,
    step: 0.01,
    help: 'QT scales with RR^k from QRS onset (0.5 = Bazett).',
  },
  {
    kind: 'choice',
    key: 'noiseUnit',
    group: 'Noise',
    label: 'Noise level unit',
    unit: '',
    options: ['mV', 'dB'],
    help: 'Set each source by amplitude in mV, or by SNR in dB against the clean record’s RMS.',
  },
  {
    kind: 'switch',
    key: 'wanderOn',
    group: 'Noise',
    label: 'Baseline wander',
    unit: '',
    help: 'Respiratory and slower drift below 0.5 Hz.',
  },
  {
    kind: 'number',
    key: 'wanderMv',
    group: 'Noise',
    label: 'Wander amplitude',
    unit: 'mV',
    min: 0,
    max: 2,
    step: 0.005,
    help: 'Peak amplitude of the wander components together.',
  },
  {
    kind: 'number',
    key: 'wanderSnrDb',
    group: 'Noise',
    label: 'Wander SNR',
    unit: 'dB',
    min: -20,
    max: 80,
    step: 0.5,
    help: 'Used when the unit is dB.',
  },
  {
    kind: 'number',
    key: 'wanderHz',
    group: 'Noise',
    label: 'Respiration',
    unit: 'Hz',
    min: 0.05,
    max: 0.5,
    step: 0.01,
    help: 'Frequency of the respiratory wander component.',
  },
  {
    kind: 'switch',
    key: 'powerlineOn',
    group: 'Noise',
    label: 'Powerline',
    unit: '',
    help: 'Mains interference with a small 3rd harmonic.',
  },
  {
    kind: 'number',
    key: 'powerlineMv',
    group: 'Noise',
    label: 'Powerline amplitude',
    unit: 'mV',
    min: 0,
    max: 1,
    step: 0.001,
    help: 'Amplitude of the mains fundamental.',
  },
  {
    kind: 'number',
    key: 'powerlineSnrDb',
    group: 'Noise',
    label: 'Powerline SNR',
    unit: 'dB',
    min: -20,
    max: 80,
    step: 0.5,
    help: 'Used when the unit is dB.',
  },
  {
    kind: 'choice',
    key: 'powerlineHz',
    group: 'Noise',
    label: 'Mains frequency',
    unit: 'Hz',
    options: ['50', '60'],
    help: '50 Hz (Europe, Asia) or 60 Hz (Americas).',
  },
  {
    kind: 'switch',
    key: 'muscleOn',
    group: 'Noise',
    label: 'Muscle (EMG)',
    unit: '',
    help: 'Broadband 20-150 Hz noise.',
  },
  {
    kind: 'number',
    key: 'muscleMv',
    group: 'Noise',
    label: 'Muscle RMS',
    unit: 'mV',
    min: 0,
    max: 1,
    step: 0.001,
    help: 'RMS of the EMG noise.',
  },
  {
    kind: 'number',
    key: 'muscleSnrDb',
    group: 'Noise',
    label: 'Muscle SNR',
    unit: 'dB',
    min: -20,
    max: 80,
    step: 0.5,
    help: 'Used when the unit is dB.',
  },
  {
    kind: 'switch',
    key: 'whiteOn',
    group: 'Noise',
    label: 'White',
    unit: '',
    help: 'Gaussian white (electronic) noise.',
  },
  {
    kind: 'number',
    key: 'whiteMv',
    group: 'Noise',
    label: 'White RMS',
    unit: 'mV',
    min: 0,
    max: 1,
    step: 0.001,
    help: 'RMS of the white noise.',
  },
  {
    kind: 'number',
    key: 'whiteSnrDb',
    group: 'Noise',
    label: 'White SNR',
    unit: 'dB',
    min: -20,
    max: 80,
    step: 0.5,
    help: 'Used when the unit is dB.',
  },
  {
    kind: 'switch',
    key: 'augmentOn',
    group: 'Augmentation',
    label: 'Authors’ augmentations',
    unit: '',
    help: 'nonaka2026: baseline random walk, block-wise white noise and 0-3 random augmentations.',
  },
  {
    kind: 'number',
    key: 'walkStep',
    group: 'Augmentation',
    label: 'Random-walk step scale',
    unit: '',
    min: 0,
    max: 3,
    step: 0.01,
    help: 'Baseline random-walk step scale (× 0.1 mV per beat).',
  },
  {
    kind: 'number',
    key: 'walkStepRecordSd',
    group: 'Augmentation',
    label: 'Step scale sd / record',
    unit: '',
    min: 0,
    max: 2,
    step: 0.01,
    help: 'Record-level sd of the step scale.',
  },
  {
    kind: 'number',
    key: 'walkStepBeatSd',
    group: 'Augmentation',
    label: 'Step scale sd / beat',
    unit: '',
    min: 0,
    max: 1,
    step: 0.01,
    help: 'Beat-level sd of the step scale.',
  },
];

/** Parameter values by key: numbers, choice strings and switches. */
export type ParamValues = Record<string, number | string | boolean>;

/** The spec of `key`, or undefined. */
export function paramSpec(key: string): ParamSpec | undefined {
  return SPEC_BY_KEY.get(key);
}

const SPEC_BY_KEY = new Map(PARAM_SPECS.map((s) => [s.key, s]));

/** The per-wave parameter suffixes. */
export type WaveField =
  | 'AmpMv'
  | 'WidthS'
  | 'PosS'
  | 'AmpRecordSdMv'
  | 'WidthRecordSdS'
  | 'PosRecordSdS'
  | 'AmpBeatSdMv'
  | 'WidthBeatSdS'
  | 'PosBeatSdS';

/** The complete, validated parameter set of one synthesizer run. */
export interface SynthParams extends Record<`${Wave}${WaveField}`, number> {
  beatModel: 'rr-adaptive' | 'stretch-1s';
  fsHz: number;
  durationS: number;
  seed: number;
  heartRateBpm: number;
  rrRecordSdS: number;
  hrvSdMs: number;
  lfHz: number;
  hfHz: number;
  lfWidthHz: number;
  hfWidthHz: number;
  lfHfRatio: number;
  rrBeatSdS: number;
  prRateExponent: number;
  qtRateExponent: number;
  noiseUnit: 'mV' | 'dB';
  wanderOn: boolean;
  wanderMv: number;
  wanderSnrDb: number;
  wanderHz: number;
  powerlineOn: boolean;
  powerlineMv: number;
  powerlineSnrDb: number;
  powerlineHz: '50' | '60';
  muscleOn: boolean;
  muscleMv: number;
  muscleSnrDb: number;
  whiteOn: boolean;
  whiteMv: number;
  whiteSnrDb: number;
  augmentOn: boolean;
  walkStep: number;
  walkStepRecordSd: number;
  walkStepBeatSd: number;
}
