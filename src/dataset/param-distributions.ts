/**
 * The per-record distributions a class's parameters describe: for every drawn parameter its mean and
 * its record-level (and, for wave parameters, beat-level) sd, with units. The dataset card lists them;
 * the studio's builder can show and edit them by their keys.
 */
import type { ClassName } from '../core/units.ts';
import { paramSpec, WAVES, type SynthParams } from '../synth/index.ts';
import { DRAWN_CLASS_KEYS } from '../synth/specs-classes.ts';

/** One drawn parameter: value = mean + N(0, sdRecord) per record (+ N(0, sdBeat) per beat). */
export interface ParamDistribution {
  /** Key of the mean in SynthParams. */
  key: string;
  label: string;
  unit: string;
  mean: number;
  /** Key and value of the record-level sd. */
  sdRecordKey: string;
  sdRecord: number;
  /** Key and value of the beat-level sd, where there is one. */
  sdBeatKey?: string;
  sdBeat?: number;
}

/** The spec group of each class's own generator parameters. */
const CLASS_GROUP: Partial<Record<ClassName, string>> = {
  af: 'Atrial fibrillation',
  afl: 'Atrial flutter',
  pvc: 'PVC',
  wpw: 'WPW',
};

const WAVE_FIELDS = [
  ['AmpMv', 'AmpRecordSdMv', 'AmpBeatSdMv'],
  ['WidthS', 'WidthRecordSdS', 'WidthBeatSdS'],
  ['PosS', 'PosRecordSdS', 'PosBeatSdS'],
] as const;

function row(p: SynthParams, key: string, sdRecordKey: string, sdBeatKey?: string): ParamDistribution {
  const values = p as unknown as Record<string, number>;
  const spec = paramSpec(key)!;
  const out: ParamDistribution = {
    key,
    label: spec.label,
    unit: spec.unit,
    mean: values[key],
    sdRecordKey,
    sdRecord: values[sdRecordKey],
  };
  if (sdBeatKey !== undefined) Object.assign(out, { sdBeatKey, sdBeat: values[sdBeatKey] });
  return out;
}

/**
 * Every parameter drawn per record for records of `params.className`: the wave parameters (not P for
 * af and afl, which have no P waves), the sinus rhythm's mean RR for nsr, pvc and wpw, the class's own
 * parameters, and the random-walk step when the authors' augmentations are on. With `varyingOnly`, only
 * those with a non-zero sd.
 */
export function paramDistributions(params: SynthParams, varyingOnly = false): ParamDistribution[] {
  const c = params.className;
  const rows: ParamDistribution[] = [];
  for (const w of WAVES) {
    if (w === 'p' && (c === 'af' || c === 'afl')) continue;
    for (const [mean, rec, beat] of WAVE_FIELDS) rows.push(row(params, w + mean, w + rec, w + beat));
  }
  if (c === 'nsr' || c === 'pvc' || c === 'wpw') {
    const rr = row(params, 'heartRateBpm', 'rrRecordSdS', 'rrBeatSdS');
    rows.push({ ...rr, label: 'Mean RR (60 / heart rate)', unit: 's', mean: 60 / params.heartRateBpm });
  }
  const group = CLASS_GROUP[c];
  for (const key of DRAWN_CLASS_KEYS) {
    if (paramSpec(key)!.group === group) rows.push(row(params, key, `${key}RecordSd`));
  }
  if (params.augmentOn) rows.push(row(params, 'walkStep', 'walkStepRecordSd', 'walkStepBeatSd'));
  return varyingOnly ? rows.filter((r) => r.sdRecord > 0 || (r.sdBeat ?? 0) > 0) : rows;
}
