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
 * - af/afl: rate and RR irregularity per window, f-waves from `fitFWaves` (flutter: rate = 60 × the
 *   dominant frequency, sawtooth height = fundamental amplitude / 0.78, the fundamental of a 70/30
 *   sawtooth of unit peak, 2 sin(0.3π) / (π² · 0.3 · 0.7));
 * - pvc: QRS width (the span of the QRS Gaussians of ≥ 10 % of the largest, at μ ± 2.5σ), the largest
 *   QRS deflection, |T|, coupling (RR before the PVC / the median normal RR) and burden per window.
 * Rhythm: RR intervals within 0.7-1.5 × the median (no pauses or premature beats) give the heart rate
 * (mean), `rrRecordSdS` and `hrvSdMs` (within-window sd). Every value is clamped to its schema range and
 * the result is checked by `validateParams`. Parameters the fit does not inform keep `base`'s value.
 */
import type { ClassName } from '../../core/units.ts';
import { preExciteWaves } from '../../synth/classes/wpw.ts';
import { paramSpec, type SynthParams } from '../../synth/params.ts';
import { DEFAULT_PARAMS } from '../../synth/presets.ts';
import { validateParams } from '../../synth/validate.ts';
import { medianOf } from '../median-of.ts';
import { ampIndex, DELTA_AMP, DELTA_DUR, N_PARAMS, posIndex, widthIndex } from './beat-model-fit.ts';
import { acceptedBeats, type BeatSummaryOptions } from './beat-distributions.ts';
import { distributionOf, type ParamDistribution } from './distributions.ts';
import type { RecordFit, TemplateResult } from './fit-record.ts';

/** A preset made from fits. */
export interface ClassPresetResult {
  params: SynthParams;
  /** Beats and 10-s windows the wave parameters came from. */
  nBeats: number;
  nWindows: number;
  /** What was set from what, one line each. */
  notes: string[];
}

const B = 2.5;
const FLUTTER_FUNDAMENTAL = (2 * Math.sin(0.3 * Math.PI)) / (Math.PI ** 2 * 0.3 * 0.7);
const WAVE_KEYS = ['p', 'q', 'r', 's', 't'] as const;

/** The templates of `fits` that speak for `cls`. */
function templatesFor(cls: ClassName, fits: readonly RecordFit[], type: 'N' | 'V'): TemplateResult[] {
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

function median(values: number[]): number {
  const v = values.filter(Number.isFinite);
  return v.length > 0 ? medianOf(Float64Array.from(v)) : NaN;
}

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

  // Rhythm: RR within 0.7-1.5 × the median.
  const rrMedian = median(rows.map((r) => r.part.rrS[r.k]));
  const rrOk = (rr: number): boolean => rr >= 0.7 * rrMedian && rr <= 1.5 * rrMedian;
  const rrDist = dist((_, __, r) => (rrOk(r.part.rrS[r.k]) ? r.part.rrS[r.k] : NaN));
  if (atrial) {
    rhythmAtrial(cls, rows, groups, normal, setDrawn, notes);
  } else {
    set('heartRateBpm', 60 / rrDist.mean);
    set('rrRecordSdS', rrDist.recordSd);
    set('hrvSdMs', rrDist.beatSd * 1000);
    notes.push(`rhythm: mean RR ${rrDist.mean.toFixed(3)} s over ${rrDist.n} regular intervals`);
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
  if (cls === 'pvc') pvcValues(fits, rrMedian, options, setDrawn, notes);
  return { params: validateParams(out, base), nBeats: rows.length, nWindows: windowIds.size, notes };
}

type SetDrawn = (key: string, d: ParamDistribution, scale?: number) => void;

/** af/afl: rate, RR irregularity and f-waves per window. */
function rhythmAtrial(
  cls: ClassName,
  rows: { part: { rrS: Float64Array }; k: number }[],
  groups: number[],
  normal: TemplateResult[],
  setDrawn: SetDrawn,
  notes: string[],
): void {
  const perWindow = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const rr = r.part.rrS[r.k];
    if (Number.isFinite(rr)) perWindow.set(groups[i], [...(perWindow.get(groups[i]) ?? []), rr]);
  });
  const rates: number[] = [];
  const cvs: number[] = [];
  for (const rrs of perWindow.values()) {
    if (rrs.length < 3) continue;
    const mean = rrs.reduce((s, v) => s + v, 0) / rrs.length;
    const sd = Math.sqrt(rrs.reduce((s, v) => s + (v - mean) ** 2, 0) / (rrs.length - 1));
    rates.push(60 / mean);
    cvs.push(sd / mean);
  }
  const windows = normal.flatMap((t) => t.fWaves?.windows ?? []);
  const amp = distributionOf(windows.map((w) => w.ampMv));
  const freq = distributionOf(windows.map((w) => w.freqHz));
  const perRecord = (d: ParamDistribution): ParamDistribution => ({ ...d, recordSd: d.sd, beatSd: 0 });
  if (cls === 'af') {
    setDrawn('afRateBpm', perRecord(distributionOf(rates)));
    setDrawn('afRrCv', perRecord(distributionOf(cvs)));
    setDrawn('afFWaveHz', perRecord(freq));
    setDrawn('afFWaveAmpMv', perRecord(amp));
  } else {
    setDrawn('aflRateBpm', perRecord(freq), 60);
    setDrawn('aflAmpMv', perRecord(amp), 1 / FLUTTER_FUNDAMENTAL);
  }
  notes.push(`${cls}: rate and RR from ${rates.length} windows, f-waves from ${windows.length} windows`);
}

/** pvc: the ectopic beats' QRS width, size, T, coupling and the burden per window. */
function pvcValues(
  fits: readonly RecordFit[],
  sinusRrS: number,
  options: BeatSummaryOptions,
  setDrawn: SetDrawn,
  notes: string[],
): void {
  const ventricular = templatesFor('pvc', fits, 'V');
  const rows = acceptedBeats(
    ventricular.map((t) => t.beats!),
    options,
  );
  if (rows.length === 0) {
    notes.push('pvc: no fitted ventricular beats; PVC shape kept from the base preset');
    return;
  }
  const xs = rows.map((r) => r.part.x.subarray(r.k * N_PARAMS, (r.k + 1) * N_PARAMS));
  const qrs = xs.map((x) => {
    const waves = [1, 2, 3].filter((w) => x[ampIndex(w)] !== 0);
    const big = Math.max(...waves.map((w) => Math.abs(x[ampIndex(w)])));
    const main = waves.filter((w) => Math.abs(x[ampIndex(w)]) >= 0.1 * big);
    const on = Math.min(...main.map((w) => x[posIndex(w)] - B * x[widthIndex(w)]));
    const off = Math.max(...main.map((w) => x[posIndex(w)] + B * x[widthIndex(w)]));
    let peak = 0;
    for (let t = on; t <= off; t += 0.001) {
      let v = 0;
      for (const w of waves)
        v += x[ampIndex(w)] * Math.exp(-0.5 * ((t - x[posIndex(w)]) / x[widthIndex(w)]) ** 2);
      peak = Math.max(peak, Math.abs(v));
    }
    return { widthMs: (off - on) * 1000, peakMv: peak };
  });
  const perRecord = (d: ParamDistribution): ParamDistribution => ({ ...d, recordSd: d.sd, beatSd: 0 });
  setDrawn('pvcQrsMs', perRecord(distributionOf(qrs.map((q) => q.widthMs))));
  setDrawn('pvcAmpMv', perRecord(distributionOf(qrs.map((q) => q.peakMv))));
  setDrawn('pvcTAmpMv', perRecord(distributionOf(xs.map((x) => Math.abs(x[ampIndex(4)])))));
  setDrawn('pvcCouplingPct', perRecord(distributionOf(rows.map((r) => (100 * r.part.rrS[r.k]) / sinusRrS))));
  // Burden: share of ventricular beats among the fitted beats of each 10-s window.
  const windowS = options.windowS ?? 10;
  const counts = new Map<string, { v: number; all: number }>();
  fits.forEach((f, i) => {
    for (const t of f.templates) {
      if (t.beats === undefined || (t.beatType !== 'N' && t.beatType !== 'V')) continue;
      for (let k = 0; k < t.beats.n; k++) {
        const key = `${i}:${Math.floor(t.beats.timeS[k] / windowS)}`;
        const c = counts.get(key) ?? { v: 0, all: 0 };
        c.all++;
        if (t.beatType === 'V') c.v++;
        counts.set(key, c);
      }
    }
  });
  const burden = [...counts.values()].filter((c) => c.v > 0).map((c) => (100 * c.v) / c.all);
  setDrawn('pvcBurdenPct', perRecord(distributionOf(burden)));
  notes.push(`pvc: ${rows.length} ventricular beats; burden from ${burden.length} windows with PVCs`);
}
