/**
 * What `pqrst fit` prints: per template its segment, beat type, number of beats, the fitted parameters
 * of each wave (amplitude mV, width σ s, position s relative to R; null for a wave the model leaves
 * out), the delta wave (WPW), the f-waves (AF, flutter), the RMS error (µV) and the variance explained,
 * and, with per-beat fits, each parameter's distribution over the beats (mean, sd, min, max, and the
 * record (10-s window) and beat sds).
 */
import {
  beatDistributions,
  WAVE_NAMES,
  type BeatDistributions,
  type ParamDistribution,
  type RecordFit,
  type TemplateResult,
  type WaveFit,
} from '../analysis/fit/index.ts';

/** One template of the report. */
export interface FitReportTemplate {
  segment: string;
  className: string | null;
  beatType: string;
  nBeats: number;
  rrS: number;
  params: Record<string, WaveFit | null | { ampMv: number; durationS: number; onsetS: number }>;
  baselineMv: number;
  rmsUv: number;
  varianceExplained: number;
  fWaves?: { ampMv: number; freqHz: number; nWindows: number };
  beats?: BeatDistributions;
}

/** The report of one template. */
export function templateReport(t: TemplateResult): FitReportTemplate {
  const params: FitReportTemplate['params'] = {};
  for (const w of WAVE_NAMES) params[w] = t.fit.params[w];
  if (t.fit.params.delta !== undefined) params.delta = t.fit.params.delta;
  const out: FitReportTemplate = {
    segment: t.segment,
    className: t.className,
    beatType: t.beatType,
    nBeats: t.nBeats,
    rrS: t.rrS,
    params,
    baselineMv: t.fit.params.baselineMv,
    rmsUv: t.fit.rmsUv,
    varianceExplained: t.fit.varianceExplained,
  };
  if (t.fWaves !== undefined) {
    out.fWaves = { ampMv: t.fWaves.ampMv, freqHz: t.fWaves.freqHz, nWindows: t.fWaves.windows.length };
  }
  if (t.beats !== undefined) out.beats = beatDistributions([t.beats]);
  return out;
}

/** Numbers rounded to 6 decimals (µV, µs), NaN as null: the JSON of the report. */
export function reportJson(templates: readonly FitReportTemplate[]): string {
  return `${JSON.stringify(
    templates,
    (_, v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null) : v),
    2,
  )}\n`;
}

const f = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

function spread(d: ParamDistribution, scale: number, digits: number): string {
  return `${f(d.mean * scale, digits)} ± ${f(d.sd * scale, digits)}`;
}

/** A readable summary of `fit` and its templates (without --json). */
export function reportText(file: string, fit: RecordFit, templates: readonly FitReportTemplate[]): string {
  const lines = [
    `${file}: ${fit.nBeats} beats (${fit.beatSource}), ${fit.durationS.toFixed(1)} s at ${fit.fsHz} Hz`,
  ];
  for (const t of templates) {
    lines.push(
      `  ${t.segment} ${t.beatType}: ${t.nBeats} beats, RR ${f(t.rrS, 3)} s, RMS ${f(t.rmsUv, 1)} µV, ` +
        `variance explained ${f(100 * t.varianceExplained, 1)} %`,
    );
    for (const [name, p] of Object.entries(t.params)) {
      if (p === null) {
        lines.push(`    ${name}: —`);
      } else if ('positionS' in p) {
        const d = t.beats?.waves[name as keyof BeatDistributions['waves']];
        const beats = d
          ? `   beats: ${spread(d.ampMv, 1, 3)} mV, ${spread(d.widthS, 1000, 1)} ms, ${spread(d.positionS, 1000, 1)} ms`
          : '';
        lines.push(
          `    ${name}: ${f(p.ampMv, 3)} mV, σ ${f(p.widthS * 1000, 1)} ms, at ${f(p.positionS * 1000, 1)} ms${beats}`,
        );
      } else {
        lines.push(
          `    ${name}: ${f(p.ampMv, 3)} mV over ${f(p.durationS * 1000, 1)} ms from ${f(p.onsetS * 1000, 1)} ms`,
        );
      }
    }
    if (t.fWaves) {
      lines.push(
        `    f-waves: ${f(t.fWaves.ampMv, 3)} mV at ${f(t.fWaves.freqHz, 2)} Hz (${t.fWaves.nWindows} windows)`,
      );
    }
  }
  for (const s of fit.skipped)
    lines.push(`  skipped ${s.segment} ${s.beatType}: ${s.nBeats} beats, ${s.reason}`);
  return lines.join('\n') + '\n';
}
