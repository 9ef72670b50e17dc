/**
 * The rhythm part of a class preset.
 * - Sinus RR (nsr, pvc, wpw): normal-to-normal intervals (the beat and the one before it both N-type)
 *   within 0.7-1.5 × their median, when there are at least 10; else, for pvc (bigeminy has no N-N
 *   interval), half the span around each PVC, (RR before + RR after) / 2, which a full compensatory
 *   pause makes the sinus RR; else every interval within 0.7-1.5 × the median.
 * - af/afl: per 10-s window the ventricular rate (60 / mean RR) and RR coefficient of variation, and
 *   the f-waves (`fitFWaves`): flutter rate = 60 × the dominant frequency, sawtooth height = the
 *   fundamental's amplitude / 0.78, the fundamental of a 70/30 sawtooth of unit peak,
 *   2 sin(0.3π) / (π² · 0.3 · 0.7).
 */
import type { ClassName } from '../../core/units.ts';
import type { BeatSummaryOptions } from './beat-distributions.ts';
import { acceptedBeats } from './beat-distributions.ts';
import { distributionOf, type ParamDistribution } from './distributions.ts';
import type { RecordFit, TemplateResult } from './fit-record.ts';
import { medianFinite, perRecord, templatesFor, type PresetRow, type SetDrawn } from './preset-common.ts';

const MIN_INTERVALS = 10;
const LOW = 0.7;
const HIGH = 1.5;
const FLUTTER_FUNDAMENTAL = (2 * Math.sin(0.3 * Math.PI)) / (Math.PI ** 2 * 0.3 * 0.7);

/** The sinus RR distribution (s) and where it came from (see the module comment). */
export function sinusRr(
  rows: readonly PresetRow[],
  groups: readonly number[],
  cls: ClassName,
  fits: readonly RecordFit[],
  options: BeatSummaryOptions,
): { dist: ParamDistribution; source: string } {
  const rr = (r: PresetRow): number => r.part.rrS[r.k];
  const within = (values: number[]): number[] => {
    const m = medianFinite(values);
    return values.map((v) => (v >= LOW * m && v <= HIGH * m ? v : NaN));
  };
  const nn = rows.map((r) => (r.part.prevNormal[r.k] === 1 ? rr(r) : NaN));
  if (nn.filter(Number.isFinite).length >= MIN_INTERVALS) {
    return { dist: distributionOf(within(nn), groups), source: 'normal-to-normal intervals' };
  }
  if (cls === 'pvc') {
    const v = acceptedBeats(
      templatesFor('pvc', fits, 'V').map((t) => t.beats!),
      options,
    );
    const spans = v.map((r) => (r.part.rrS[r.k] + r.part.rrNextS[r.k]) / 2);
    if (spans.filter(Number.isFinite).length > 0) {
      return {
        dist: distributionOf(
          spans,
          v.map((r) => r.window),
        ),
        source: 'PVC compensatory pauses, (RR before + RR after) / 2',
      };
    }
  }
  return { dist: distributionOf(within(rows.map(rr)), groups), source: 'regular intervals' };
}

/** af/afl: rate, RR irregularity and f-waves per window (see the module comment). */
export function rhythmAtrial(
  cls: ClassName,
  rows: readonly PresetRow[],
  groups: readonly number[],
  normal: readonly TemplateResult[],
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
  const amp = perRecord(distributionOf(windows.map((w) => w.ampMv)));
  const freq = perRecord(distributionOf(windows.map((w) => w.freqHz)));
  if (cls === 'af') {
    setDrawn('afRateBpm', perRecord(distributionOf(rates)));
    setDrawn('afRrCv', perRecord(distributionOf(cvs)));
    setDrawn('afFWaveHz', freq);
    setDrawn('afFWaveAmpMv', amp);
  } else {
    setDrawn('aflRateBpm', freq, 60);
    setDrawn('aflAmpMv', amp, 1 / FLUTTER_FUNDAMENTAL);
  }
  notes.push(`${cls}: rate and RR from ${rates.length} windows, f-waves from ${windows.length} windows`);
}
