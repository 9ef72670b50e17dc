/** Parameter specs of the record, the rhythm, the noise sources and the authors' augmentations. */
import { CLASS_NAMES } from '../core/units.ts';
import { choice, num, toggle, type ParamSpec } from './param-types.ts';

const R = 'Record';
const H = 'Rhythm';
const N = 'Noise';
const A = 'Augmentation';
const SNR = 'Used when the unit is dB.';

/** Record-level specs. */
export const RECORD_SPECS: ParamSpec[] = [
  choice(
    'className',
    R,
    'Class',
    '',
    CLASS_NAMES,
    'nsr normal sinus rhythm, af, afl atrial flutter, pvc, wpw.',
  ),
  choice(
    'beatModel',
    R,
    'Beat model',
    '',
    ['rr-adaptive', 'stretch-1s'],
    'rr-adaptive: waves placed relative to R, QT follows RR^qtRateExponent (Bazett at 0.5), PR only a little. ' +
      'stretch-1s: the authors’ 1-s template stretched by RR.',
  ),
  num('fsHz', R, 'Sampling rate', 'Hz', [100, 1000, 1], 'Samples per second.', true),
  num('durationS', R, 'Duration', 's', [1, 600, 0.5], 'Record length (1 s to 10 min).'),
  num('seed', R, 'Seed', '', [0, 4294967295, 1], 'Seed of the record (32-bit unsigned).', true),
];

/** Rhythm specs (used by nsr, pvc and wpw; af and afl have their own rhythm). */
export const RHYTHM_SPECS: ParamSpec[] = [
  num(
    'heartRateBpm',
    H,
    'Heart rate',
    'bpm',
    [20, 250, 1],
    'Mean sinus rate of the record (before the record-level RR draw).',
  ),
  num(
    'rrRecordSdS',
    H,
    'Mean RR sd / record',
    's',
    [0, 0.5, 0.005],
    'Record-level sd of the mean RR interval.',
  ),
  num(
    'hrvSdMs',
    H,
    'HRV (RR sd)',
    'ms',
    [0, 200, 1],
    'sd of the LF + HF RR modulation (ECGSYN-style spectrum).',
  ),
  num('lfHz', H, 'LF centre', 'Hz', [0.04, 0.15, 0.005], 'Mayer-wave peak of the RR spectrum.'),
  num('hfHz', H, 'HF centre', 'Hz', [0.15, 0.5, 0.005], 'Respiratory peak of the RR spectrum.'),
  num('lfWidthHz', H, 'LF width', 'Hz', [0.001, 0.05, 0.001], 'sd of the LF spectral peak.'),
  num('hfWidthHz', H, 'HF width', 'Hz', [0.001, 0.05, 0.001], 'sd of the HF spectral peak.'),
  num('lfHfRatio', H, 'LF/HF ratio', '', [0.05, 10, 0.05], 'Power ratio of the two RR spectral peaks.'),
  num('rrBeatSdS', H, 'RR jitter sd / beat', 's', [0, 0.3, 0.001], 'White beat-to-beat RR jitter.'),
  num(
    'prRateExponent',
    H,
    'PR rate exponent',
    '',
    [0, 1, 0.01],
    'P position scales with RR^k (rr-adaptive): PR changes only a little.',
  ),
  num(
    'qtRateExponent',
    H,
    'QT rate exponent',
    '',
    [0, 1, 0.01],
    'QT scales with RR^k from QRS onset (0.5 = Bazett).',
  ),
];

/** Noise and augmentation specs. */
export const NOISE_SPECS: ParamSpec[] = [
  choice(
    'noiseUnit',
    N,
    'Noise level unit',
    '',
    ['mV', 'dB'],
    'Each source by amplitude in mV, or by SNR in dB against the clean record’s RMS.',
  ),
  toggle('wanderOn', N, 'Baseline wander', 'Respiratory and slower drift below 0.5 Hz.'),
  num('wanderMv', N, 'Wander amplitude', 'mV', [0, 2, 0.005], 'Sum of the wander components’ amplitudes.'),
  num('wanderSnrDb', N, 'Wander SNR', 'dB', [-20, 80, 0.5], SNR),
  num(
    'wanderHz',
    N,
    'Respiration',
    'Hz',
    [0.05, 0.5, 0.01],
    'Frequency of the respiratory wander component.',
  ),
  toggle('powerlineOn', N, 'Powerline', 'Mains interference with a small 3rd harmonic.'),
  num('powerlineMv', N, 'Powerline amplitude', 'mV', [0, 1, 0.001], 'Amplitude of the mains fundamental.'),
  num('powerlineSnrDb', N, 'Powerline SNR', 'dB', [-20, 80, 0.5], SNR),
  choice(
    'powerlineHz',
    N,
    'Mains frequency',
    'Hz',
    ['50', '60'],
    '50 Hz (Europe, Asia) or 60 Hz (Americas).',
  ),
  toggle('muscleOn', N, 'Muscle (EMG)', 'Broadband 20-150 Hz noise.'),
  num('muscleMv', N, 'Muscle RMS', 'mV', [0, 1, 0.001], 'RMS of the EMG noise.'),
  num('muscleSnrDb', N, 'Muscle SNR', 'dB', [-20, 80, 0.5], SNR),
  toggle('whiteOn', N, 'White', 'Gaussian white (electronic) noise.'),
  num('whiteMv', N, 'White RMS', 'mV', [0, 1, 0.001], 'RMS of the white noise.'),
  num('whiteSnrDb', N, 'White SNR', 'dB', [-20, 80, 0.5], SNR),
  toggle(
    'augmentOn',
    A,
    'Authors’ augmentations',
    'nonaka2026: baseline random walk, block-wise white noise and 0-3 random augmentations.',
  ),
  num(
    'walkStep',
    A,
    'Random-walk step scale',
    '',
    [0, 3, 0.01],
    'Baseline random-walk step scale (× 0.1 mV per beat).',
  ),
  num(
    'walkStepRecordSd',
    A,
    'Step scale sd / record',
    '',
    [0, 2, 0.01],
    'Record-level sd of the step scale.',
  ),
  num('walkStepBeatSd', A, 'Step scale sd / beat', '', [0, 1, 0.01], 'Beat-level sd of the step scale.'),
];
