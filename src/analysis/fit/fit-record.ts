/**
 * Fit a whole record: its beats (`recordBeats`) are grouped by rhythm segment and beat type; each group
 * of at least `minBeats` beats gets a median template, fitted by `fitBeat` with the model its rhythm
 * calls for, and (by default) every beat of the group is fitted on its own from the template's solution
 * (`fitBeats`). Models: `af` and `afl` segments have no P wave and get their f-waves measured instead
 * (`fitFWaves`); `wpw` segments add the delta wave to their normal beats; ventricular beats have no P.
 * A segment's class comes from its rhythm label (`(AFIB` af, `(AFL` afl, `(PREX` wpw, `(N` nsr, or a
 * class name); a record without rhythm notes takes `options.className`.
 * Plain data in and out, an abort signal and progress: it runs as is in a worker.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import type { ClassName } from '../../core/units.ts';
import { DEFAULT_RHYTHM_CLASSES, rhythmClassOf } from '../../dataset/rhythm-classes.ts';
import { medianOf } from '../median-of.ts';
import { fitBeats, type PerBeatFits } from './beat-fits.ts';
import { fitBeat, type TemplateFit } from './fit-beat.ts';
import { fitFWaves, type FWaveWindow } from './fit-f-waves.ts';
import type { BeatModelOptions, FWaveFit } from './fit-types.ts';
import { medianTemplate, TEMPLATE_AFTER_S, TEMPLATE_BEFORE_S } from './record-baseline.ts';
import { recordBeats, type BeatType, type FitRecordInput } from './record-beats.ts';

/** Options of `fitRecord`. */
export interface FitRecordOptions {
  /** Class of a record without rhythm notes (its one segment `all`). */
  className?: ClassName;
  /** Fewest beats for a template; default 5. */
  minBeats?: number;
  /** Fit every beat as well as the templates; default true. */
  perBeat?: boolean;
  /** Length of the windows f-waves are measured in (s); default 10. */
  windowS?: number;
  signal?: AbortSignalLike;
  /** Progress, 0 … 1. */
  onProgress?: (fraction: number) => void;
}

/** One template (segment × beat type) and its fits. */
export interface TemplateResult {
  /** Rhythm label of the segment (`(N`, `(AFIB` …, or `all`), its class, and the beat type. */
  segment: string;
  className: ClassName | null;
  beatType: BeatType;
  /** Beats in the median. */
  nBeats: number;
  /** Median RR before and after the group's beats (s). */
  rrS: number;
  rrNextS: number;
  /** The median beat (mV) at `fsHz`, R at sample `rIndex`. */
  templateMv: Float32Array;
  rIndex: number;
  fit: TemplateFit;
  /** The model fitted. */
  model: BeatModelOptions;
  /** f-waves of an af/afl segment: the median over windows, and each window. */
  fWaves?: FWaveFit & { windows: FWaveWindow[] };
  /** Per-beat fits (when asked for). */
  beats?: PerBeatFits;
}

/** A group that got no template, and why. */
export interface SkippedTemplate {
  segment: string;
  beatType: BeatType;
  nBeats: number;
  reason: string;
}

/** Everything fitted in a record. */
export interface RecordFit {
  fsHz: number;
  durationS: number;
  /** Where the beats came from, and how many. */
  beatSource: 'annotations' | 'detected';
  nBeats: number;
  templates: TemplateResult[];
  skipped: SkippedTemplate[];
}

const TYPE_ORDER: BeatType[] = ['N', 'S', 'V', 'F', 'Q'];

function median(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? medianOf(Float64Array.from(finite)) : NaN;
}

/** The model of a beat type in a segment of class `cls`. */
function modelFor(cls: ClassName | null, type: BeatType): BeatModelOptions {
  const atrial = cls === 'af' || cls === 'afl';
  return {
    pWave: atrial || type === 'V' ? 'none' : 'auto',
    delta: cls === 'wpw' && type === 'N',
    ventricular: type === 'V',
  };
}

/**
 * Fit the templates (and, by default, every beat) of `input` (see the module comment). Throws
 * `FitInputError` when the record has no beats.
 */
export function fitRecord(input: FitRecordInput, options: FitRecordOptions = {}): RecordFit {
  const { signal, onProgress } = options;
  const minBeats = options.minBeats ?? 5;
  const rb = recordBeats(input, signal);
  const { fsHz, rSamples } = rb;
  onProgress?.(0.2);
  const before = Math.round(TEMPLATE_BEFORE_S * fsHz);
  const after = Math.round(TEMPLATE_AFTER_S * fsHz);
  const groups: { seg: number; type: BeatType; beats: number[] }[] = [];
  rb.segments.forEach((_, seg) => {
    for (const type of TYPE_ORDER) {
      const beats: number[] = [];
      for (let k = 0; k < rSamples.length; k++)
        if (rb.segmentOf[k] === seg && rb.types[k] === type) beats.push(k);
      if (beats.length > 0) groups.push({ seg, type, beats });
    }
  });
  const totalBeats = groups.reduce((s, g) => s + g.beats.length, 0);
  let doneBeats = 0;
  const templates: TemplateResult[] = [];
  const skipped: SkippedTemplate[] = [];
  for (const g of groups) {
    signal?.throwIfAborted();
    const segment = rb.segments[g.seg];
    const cls =
      rhythmClassOf(segment.label, DEFAULT_RHYTHM_CLASSES) ??
      (segment.label === 'all' ? (options.className ?? null) : null);
    const { templateMv, nBeats } = medianTemplate(rb.signalMv, null, rSamples, g.beats, before, after);
    if (nBeats < minBeats) {
      skipped.push({
        segment: segment.label,
        beatType: g.type,
        nBeats,
        reason: `fewer than ${minBeats} beats`,
      });
      doneBeats += g.beats.length;
      continue;
    }
    const rrS = median(g.beats.map((k) => (k > 0 ? (rSamples[k] - rSamples[k - 1]) / fsHz : NaN)));
    const rrNextS = median(
      g.beats.map((k) => (k + 1 < rSamples.length ? (rSamples[k + 1] - rSamples[k]) / fsHz : NaN)),
    );
    const model = modelFor(cls, g.type);
    const fit = fitBeat(templateMv, fsHz, before, {
      ...model,
      rrS: Number.isFinite(rrS) ? rrS : undefined,
      rrNextS: Number.isFinite(rrNextS) ? rrNextS : undefined,
      signal,
    });
    const result: TemplateResult = {
      segment: segment.label,
      className: cls,
      beatType: g.type,
      nBeats,
      rrS,
      rrNextS,
      templateMv,
      rIndex: before,
      fit,
      model,
    };
    if ((cls === 'af' || cls === 'afl') && g.type === 'N') {
      const windows = fitFWaves(rb.signalMv, fsHz, rSamples, segment.spans, options.windowS ?? 10, signal);
      if (windows.length > 0) {
        result.fWaves = {
          ampMv: median(windows.map((w) => w.ampMv)),
          freqHz: median(windows.map((w) => w.freqHz)),
          windows,
        };
      }
    }
    if (options.perBeat !== false) {
      const start = doneBeats;
      result.beats = fitBeats(rb.signalMv, fsHz, rSamples, g.beats, fit, before, model.delta === true, {
        signal,
        types: rb.types,
        onBeat: (done) => {
          if (done % 64 === 0) onProgress?.(0.2 + (0.8 * (start + done)) / Math.max(1, totalBeats));
        },
      });
    }
    doneBeats += g.beats.length;
    templates.push(result);
    onProgress?.(0.2 + (0.8 * doneBeats) / Math.max(1, totalBeats));
  }
  onProgress?.(1);
  return {
    fsHz,
    durationS: input.signalMv.length / fsHz,
    beatSource: rb.beatSource,
    nBeats: rSamples.length,
    templates,
    skipped,
  };
}
