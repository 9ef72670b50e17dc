/**
 * Turn fitted records into a synthesizer preset for one class, so that a generated dataset follows the
 * user's population. Wave parameters come from the per-beat fits of the class's segments (normal beats;
 * for `pvc` also the ventricular beats), summarised by `distributionOf` with 10-s windows as records:
 * the base value is the mean, `…RecordSd…` the sd of the window means and `…BeatSd…` the pooled sd
 * within windows. Values are converted to the synthesizer's `rr-adaptive` convention first:
 * - positions relative to the fitted R centre (so R's position is 0) at RR = 1 s: the P position is
 *   divided by RR^prRateExponent and the T wave's distance from the QRS onset, and its width, by
 *   RR^qtRateExponent (af/afl use the segment's median RR, as their generators do);
 * - wpw: the widths of P and R and the T amplitude are divided by the generator's pre-excitation factors
 *   (read from `preExciteWaves`, not copied), the delta wave gives `wpwDeltaAmpMv`, `wpwDeltaMs` and
 *   `wpwPrMs` (P onset, μ − 2.5σ, to delta onset), and the T wave's sign goes into `wpwTScale`;
 * - af/afl and the sinus rhythm's rate: preset-rhythm.ts; pvc's PVC shape, coupling and burden:
 *   preset-pvc.ts.
 * The heart rate is 60 / the mean sinus RR, `rrRecordSdS` its sd over windows and `hrvSdMs` its sd
 * within windows. Every value is clamped to its schema range and the result is checked by
 * `validateParams`. Parameters the fit does not inform keep `base`'s value.
 */
import type { ClassName } from '../../core/units.ts';
import { preExciteWaves } from '../../synth/classes/wpw.ts';
import { paramSpec, type SynthParams } from '../../synth/params.ts';
import { DEFAULT_PARAMS } from '../../synth/presets.ts';
import { validateParams } from '../../synth/validate.ts';
import { ampIndex, DELTA_AMP, DELTA_DUR, N_PARAMS, posIndex, widthIndex } from './beat-model-fit.ts';
import { acceptedBeats, type BeatSummaryOptions } from './beat-distributions.ts';
import { distributionOf, type ParamDistribution } from './distributions.ts';
import type { RecordFit } from './fit-record.ts';
import { BOUNDARY_SIGMAS as B, templatesFor } from './preset-common.ts';
import { pvcValues } from './preset-pvc.ts';
import { rhythmAtrial, sinusRr } from './preset-rhythm.ts';

/** A preset made from fits. */
export interface ClassPresetResult {
  params: SynthParams;
  /** Beats and 10-s windows the wave parameters came from. */
  nBeats: number;
  nWindows: number;
  /** What was set from what, one line each. */
  notes: string[];
}

const WAVE_KEYS = ['p', 'q', 'r', 's', 't'] as const;

/** The probe factors of the WPW generator: P width, R width (T amplitude is set by wpwTScale). */
function preExcitationScales(): { pWidth: number; rWidth: number } {
  const probe = new Float64Array(15).fill(1);
  preExciteWaves(probe, 1);
  return { pWidth: probe[1], rWidth: probe[7] };
}

/**
 * A preset of class `cls` from `fits` (records fitted with per-beat fits), on top of `base` (rules in
 * the module comment). Throws when no template of the class has per-beat fits.
 */
export function classPreset(
  cls: ClassName,
  fits: readonly RecordFit[],
  base: Readonly<SynthParams> = DEFAULT_PARAMS,
  options: BeatSummaryOptions = {},
): ClassPresetResult {
  const normal = templatesFor(cls, fits, 'N');
  if (normal.length === 0) {
    throw new RangeError(
      `no fitted ${cls} segment with normal beats and per-beat fits to make a ${cls} preset from`,
    );
  }
  const out: Record<string, unknown> = { ...base, className: cls, beatModel: 'rr-adaptive' };
  const notes: string[] = [];
  const set = (key: string, value: number): void => {
    const spec = paramSpec(key);
    if (spec === undefined || spec.kind !== 'number' || !Number.isFinite(value)) return;
    const v = Math.min(spec.max, Math.max(spec.min, value));
    out[key] = spec.integer ? Math.round(v) : v;
  };
  const setDrawn = (key: string, d: ParamDistribution, scale = 1): void => {
    set(key, d.mean * scale);
    // Drawn once per record: the record sd carries all the variability seen.
    set(`${key}RecordSd`, Math.hypot(d.recordSd, d.beatSd) * Math.abs(scale));
  };
  const atrial = cls === 'af' || cls === 'afl';
  const wpw = cls === 'wpw';
  const scales = preExcitationScales();
  const prExp = base.prRateExponent;
  const qtExp = base.qtRateExponent;

  // Normal beats: rate-normalised wave values.
  const rows = normal.flatMap((t) =>
    acceptedBeats([t.beats!], options).map((r) => ({ ...r, templateRrS: t.rrS })),
  );
  // Windows are numbered per template by acceptedBeats; make them unique across templates.
  const windowIds = new Map<string, number>();
  const groups = rows.map((r) => {
    const key = `${normal.findIndex((t) => t.beats === r.part)}:${r.window}`;
    if (!windowIds.has(key)) windowIds.set(key, windowIds.size);
    return windowIds.get(key)!;
  });
  const dist = (f: (x: Float64Array, rr: number, row: (typeof rows)[number]) => number): ParamDistribution =>
    distributionOf(
      rows.map((r) => {
        const x = r.part.x.subarray(r.k * N_PARAMS, (r.k + 1) * N_PARAMS);
        const rrBeat = r.part.rrS[r.k];
        const rr = atrial || !Number.isFinite(rrBeat) ? r.templateRrS : rrBeat;
        return f(x, rr, r);
      }),
      groups,
    );
  const first = normal[0].beats!;
  const qrsOnRel = (x: Float64Array): number => {
    const rOn = -B * x[widthIndex(2)];
    return first.free[ampIndex(1)]
      ? Math.min(rOn, x[posIndex(1)] - x[posIndex(2)] - B * x[widthIndex(1)])
      : rOn;
  };
  WAVE_KEYS.forEach((w, i) => {
    if (!first.free[ampIndex(i)]) return;
    let amp = dist((x) => x[ampIndex(i)]);
    let width = dist((x, rr) => x[widthIndex(i)] / (i === 4 ? rr ** qtExp : 1));
    let pos = dist((x, rr) => {
      const rel = x[posIndex(i)] - x[posIndex(2)];
      if (i === 0) return rel / rr ** prExp;
      if (i === 4) return qrsOnRel(x) + (rel - qrsOnRel(x)) / rr ** qtExp;
      return rel;
    });
    if (wpw && i === 0) width = dist((x) => x[widthIndex(0)] / scales.pWidth);
    if (wpw && i === 2) width = dist((x) => x[widthIndex(2)] / scales.rWidth);
    if (i === 2) pos = distributionOf([0]);
    if (wpw && i === 4) {
      const tScale = amp.mean >= 0 ? 0.5 : -1;
      set('wpwTScale', tScale);
      set('wpwTScaleRecordSd', amp.recordSd / Math.max(0.05, Math.abs(amp.mean / tScale)));
      amp = dist((x) => x[ampIndex(4)] / tScale);
      amp = { ...amp, recordSd: 0 };
    }
    set(`${w}AmpMv`, amp.mean);
    set(`${w}WidthS`, width.mean);
    set(`${w}PosS`, pos.mean);
    set(`${w}AmpRecordSdMv`, amp.recordSd);
    set(`${w}WidthRecordSdS`, width.recordSd);
    set(`${w}PosRecordSdS`, pos.recordSd);
    set(`${w}AmpBeatSdMv`, amp.beatSd);
    set(`${w}WidthBeatSdS`, width.beatSd);
    set(`${w}PosBeatSdS`, pos.beatSd);
  });
  notes.push(
    `waves: ${rows.length} normal beats in ${windowIds.size} windows of ${normal.length} template(s)` +
      (atrial ? ' (P kept from the base preset)' : ''),
  );

  // Rhythm: the sinus RR (see `sinusRr`).
  const sinus = sinusRr(rows, groups, cls, fits, options);
  if (atrial) {
    rhythmAtrial(cls, rows, groups, normal, setDrawn, notes);
  } else {
    set('heartRateBpm', 60 / sinus.dist.mean);
    set('rrRecordSdS', sinus.dist.recordSd);
    set('hrvSdMs', sinus.dist.beatSd * 1000);
    notes.push(`rhythm: mean RR ${sinus.dist.mean.toFixed(3)} s from ${sinus.dist.n} ${sinus.source}`);
  }
  if (wpw) {
    setDrawn(
      'wpwDeltaAmpMv',
      dist((x) => x[DELTA_AMP]),
    );
    setDrawn(
      'wpwDeltaMs',
      dist((x) => x[DELTA_DUR]),
      1000,
    );
    setDrawn(
      'wpwPrMs',
      dist((x) => {
        const deltaOn = x[posIndex(2)] - B * x[widthIndex(2)] - x[DELTA_DUR];
        return deltaOn - (x[posIndex(0)] - B * x[widthIndex(0)]);
      }),
      1000,
    );
    notes.push('wpw: delta wave height and duration, PR to the delta onset, T sign');
  }
  if (cls === 'pvc') pvcValues(fits, sinus.dist.mean, options, setDrawn, notes);
  return { params: validateParams(out, base), nBeats: rows.length, nWindows: windowIds.size, notes };
}
