/**
 * A record's beats, ready for templates and per-beat fits:
 * - signal: invalid (NaN) samples bridged by the last valid value, band-limited by `denoiseEcg`, and
 *   baseline-corrected by `recordBaseline` (template subtraction with each beat type's own template);
 * - beats: the record's beat annotations when it has any (each moved to the largest value of the signal
 *   smoothed over ≈ 20 ms within ±50 ms, as `detectRPeaks` refines its R peaks, except ventricular,
 *   fusion and unclassified beats, whose annotated fiducial is kept), else `detectRPeaks`;
 * - beat types: the AAMI classes of the annotation symbols (N: N L R e j; S: A a J S; V: V E; F: F;
 *   Q: / f Q); without annotations a beat that meets `beatFeatures`' PVC criteria is V, the rest N;
 * - rhythm segments: one per rhythm label (its episodes pooled), from the record's rhythm episodes, or
 *   one segment `all` over the whole record when it has none. A beat belongs to the episode it lies in.
 */
import type { AbortSignalLike } from '../../core/abort.ts';
import { beatFeatures } from '../beat-features.ts';
import { denoiseEcg } from '../denoise-ecg.ts';
import { detectRPeaks } from '../detect-r-peaks.ts';
import { recordBaseline } from './record-baseline.ts';

/** A record to fit: one lead in mV with its optional annotations (an `ImportRecord` is one). */
export interface FitRecordInput {
  /** The lead, mV at `fsHz`; NaN marks invalid samples. */
  signalMv: Float32Array | Float64Array;
  fsHz: number;
  /** Beat annotations (symbol, time in s); detected when absent or empty. */
  beats?: readonly { symbol: string; timeS: number }[];
  /** Rhythm episodes (label such as `(AFIB`, start and end in s). */
  rhythms?: readonly { label: string; startS: number; endS: number }[];
}

/** AAMI beat classes. */
export type BeatType = 'N' | 'S' | 'V' | 'F' | 'Q';

/** A rhythm segment: all episodes of one label. */
export interface RhythmSegment {
  label: string;
  spans: { startS: number; endS: number }[];
  durationS: number;
}

/** The beats of a record and its prepared signal. */
export interface RecordBeats {
  fsHz: number;
  /** Denoised, baseline-corrected lead (mV). */
  signalMv: Float32Array;
  /** R-peak samples, ascending. */
  rSamples: Int32Array;
  types: BeatType[];
  /** Segment index of each beat, −1 outside every segment. */
  segmentOf: Int32Array;
  segments: RhythmSegment[];
  beatSource: 'annotations' | 'detected';
}

/** A record that cannot be fitted (no beats, too short, bad sampling rate). */
export class FitInputError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FitInputError';
  }
}

const AAMI: Record<string, BeatType> = {
  N: 'N', L: 'N', R: 'N', e: 'N', j: 'N',
  A: 'S', a: 'S', J: 'S', S: 'S',
  V: 'V', E: 'V', F: 'F', '/': 'Q', f: 'Q', Q: 'Q',
}; // prettier-ignore

const REFINE_S = 0.05;
const SMOOTH_HALF_S = 0.01;

function bridgeNaN(x: Float32Array | Float64Array): Float32Array {
  const out = Float32Array.from(x);
  let last = NaN;
  for (let i = 0; i < out.length; i++) {
    if (Number.isFinite(out[i])) last = out[i];
    else out[i] = Number.isFinite(last) ? last : 0;
  }
  // Leading invalid samples take the first valid value.
  const first = out.findIndex((_, i) => Number.isFinite(x[i]));
  if (first > 0) out.fill(out[first], 0, first);
  return out;
}

/** The sample of the largest ≈20 ms moving average within ±50 ms of `at`. */
function refine(x: Float32Array, fsHz: number, at: number): number {
  const n = x.length;
  const h = Math.max(1, Math.round(SMOOTH_HALF_S * fsHz));
  const span = Math.round(REFINE_S * fsHz);
  let best = at;
  let bestV = -Infinity;
  for (let j = Math.max(h, at - span), e = Math.min(n - 1 - h, at + span); j <= e; j++) {
    let s = 0;
    for (let i = j - h; i <= j + h; i++) s += x[i];
    if (s > bestV) {
      bestV = s;
      best = j;
    }
  }
  return best;
}

function segmentsOf(input: FitRecordInput, durationS: number): RhythmSegment[] {
  const rhythms = (input.rhythms ?? []).filter((r) => r.endS > r.startS);
  if (rhythms.length === 0) return [{ label: 'all', spans: [{ startS: 0, endS: durationS }], durationS }];
  const byLabel = new Map<string, RhythmSegment>();
  for (const r of [...rhythms].sort((a, b) => a.startS - b.startS)) {
    const label = r.label.split('\0')[0].trim();
    const seg = byLabel.get(label) ?? { label, spans: [], durationS: 0 };
    seg.spans.push({ startS: r.startS, endS: r.endS });
    seg.durationS += r.endS - r.startS;
    byLabel.set(label, seg);
  }
  return [...byLabel.values()];
}

/**
 * The beats, types, rhythm segments and prepared signal of `input` (rules in the module comment).
 * Throws `FitInputError` when the record has no beats (none annotated and none detected).
 */
export function recordBeats(input: FitRecordInput, signal?: AbortSignalLike): RecordBeats {
  const { fsHz } = input;
  if (!(fsHz > 0)) throw new FitInputError(`sampling rate ${fsHz} Hz is not positive`);
  const n = input.signalMv.length;
  const durationS = n / fsHz;
  const x = denoiseEcg(bridgeNaN(input.signalMv), fsHz);
  signal?.throwIfAborted();
  const annotated = (input.beats ?? []).filter((b) => b.timeS >= 0 && b.timeS * fsHz < n);
  let rSamples: Int32Array;
  let types: BeatType[];
  if (annotated.length > 0) {
    const sorted = [...annotated].sort((a, b) => a.timeS - b.timeS);
    const pairs = sorted.map((b) => {
      const type = AAMI[b.symbol] ?? 'Q';
      const at = Math.round(b.timeS * fsHz);
      return { r: type === 'N' || type === 'S' ? refine(x, fsHz, at) : at, type };
    });
    pairs.sort((a, b) => a.r - b.r);
    const unique = pairs.filter((p, i) => i === 0 || p.r > pairs[i - 1].r);
    rSamples = Int32Array.from(unique, (p) => p.r);
    types = unique.map((p) => p.type);
  } else {
    rSamples = detectRPeaks(x, fsHz);
    const features = rSamples.length > 2 ? beatFeatures(x, fsHz, rSamples).beats : [];
    types = Array.from(rSamples, (_, k): BeatType => (features[k]?.pvcLike ? 'V' : 'N'));
  }
  if (rSamples.length === 0) {
    throw new FitInputError(
      `no beats detected in ${durationS.toFixed(1)} s of signal (${n} samples at ${fsHz} Hz)`,
    );
  }
  signal?.throwIfAborted();

  const base = recordBaseline(x, fsHz, rSamples, types, signal);
  for (let i = 0; i < n; i++) x[i] -= base[i];

  const segments = segmentsOf(input, durationS);
  const segmentOf = new Int32Array(rSamples.length).fill(-1);
  for (let k = 0; k < rSamples.length; k++) {
    const t = rSamples[k] / fsHz;
    segmentOf[k] = segments.findIndex((s) => s.spans.some((sp) => t >= sp.startS && t < sp.endS));
  }
  return {
    fsHz,
    signalMv: x,
    rSamples,
    types,
    segmentOf,
    segments,
    beatSource: annotated.length > 0 ? 'annotations' : 'detected',
  };
}
