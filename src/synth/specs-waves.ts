/** Parameter specs of the five Gaussian waves: amplitude, width and position, with record and beat sds. */
import { num, type ParamSpec } from './param-types.ts';

/** The five Gaussian waves of a beat. */
export const WAVES = ['p', 'q', 'r', 's', 't'] as const;
/** One of the five waves. */
export type Wave = (typeof WAVES)[number];

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

const NAME: Record<Wave, string> = { p: 'P', q: 'Q', r: 'R', s: 'S', t: 'T' };

/** The nine specs of wave `w`. */
export function waveSpecs(w: Wave): ParamSpec[] {
  const name = NAME[w];
  const g = `${name} wave`;
  const pos =
    `Centre of ${name}: relative to the R peak at RR = 1 s (rr-adaptive model), ` +
    `or the authors' chained offset inside the 1-s template (stretch-1s).`;
  return [
    num(
      `${w}AmpMv`,
      g,
      `${name} amplitude`,
      'mV',
      [-3, 5, 0.01],
      `Peak of the ${name} Gaussian (negative = downward).`,
    ),
    num(
      `${w}WidthS`,
      g,
      `${name} width σ`,
      's',
      [0.0005, 0.2, 0.0005],
      `Gaussian σ of ${name}; it spans about ±2.5σ.`,
    ),
    num(`${w}PosS`, g, `${name} position`, 's', [-1, 1, 0.001], pos),
    num(`${w}AmpRecordSdMv`, g, `${name} amplitude sd / record`, 'mV', [0, 2, 0.005], 'Record-level sd.'),
    num(`${w}WidthRecordSdS`, g, `${name} width sd / record`, 's', [0, 0.1, 0.0005], 'Record-level sd.'),
    num(`${w}PosRecordSdS`, g, `${name} position sd / record`, 's', [0, 0.3, 0.001], 'Record-level sd.'),
    num(`${w}AmpBeatSdMv`, g, `${name} amplitude sd / beat`, 'mV', [0, 1, 0.005], 'Beat-to-beat jitter sd.'),
    num(`${w}WidthBeatSdS`, g, `${name} width sd / beat`, 's', [0, 0.05, 0.0001], 'Beat-to-beat jitter sd.'),
    num(`${w}PosBeatSdS`, g, `${name} position sd / beat`, 's', [0, 0.1, 0.0005], 'Beat-to-beat jitter sd.'),
  ];
}
