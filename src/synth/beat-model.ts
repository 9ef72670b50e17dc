/**
 * The Gaussian beat model: five waves P, Q, R, S, T, each with amplitude (mV), width σ (s) and position
 * (s), drawn on two levels as in Nonaka & Seita 2026: a record draws base + N(0, record sd), each beat
 * then adds N(0, beat sd). Two conventions place the waves in time:
 * - `rr-adaptive` (this project's default): positions are relative to the R peak at RR = 1 s; the P
 *   position scales with RR^prRateExponent (PR changes only a little with rate) and the T wave's
 *   distance from QRS onset and its width scale with RR^qtRateExponent, so QT = QT(1 s)·RR^k (Bazett at
 *   k = 0.5) instead of the whole beat being stretched.
 * - `stretch-1s` (the authors'): positions are chained offsets inside a 1-s template (P; Q from P; R and S
 *   from Q; T from S), and the whole template, widths included, is stretched to the beat's RR.
 * Wave boundaries (fiducials) are at centre ± 2.5σ, where a Gaussian has fallen to 4.4 % of its peak.
 */
import { fastNormalFromU32 } from '../core/fast-normal.ts';
import type { Rng } from '../core/rng.ts';
import { WAVES, type SynthParams, type Wave, type WaveField } from './params.ts';
import { detPow } from '../core/det-math.ts';

/** Wave boundaries are at centre ± this many σ. */
export const BOUNDARY_SIGMAS = 2.5;

/** Per-wave values, indexed [wave*3 + 0 amp mV | 1 width s | 2 position s], waves in P,Q,R,S,T order. */
export type WaveDraw = Float64Array;

type Key = `${Wave}${WaveField}`;
const keys = (fields: readonly WaveField[]): Key[] =>
  WAVES.flatMap((w) => fields.map((f): Key => `${w}${f}`));
/** Parameter keys in `WaveDraw` order: base values, record sds, beat sds. */
const BASE_KEYS = keys(['AmpMv', 'WidthS', 'PosS']);
const RECORD_SD_KEYS = keys(['AmpRecordSdMv', 'WidthRecordSdS', 'PosRecordSdS']);
const BEAT_SD_KEYS = keys(['AmpBeatSdMv', 'WidthBeatSdS', 'PosBeatSdS']);

/** Draw into `out` a record's wave parameters: base + N(0, record sd) for each of the 15 values. */
export function drawRecordWaves(
  params: SynthParams,
  rng: Rng,
  out: WaveDraw = new Float64Array(15),
): WaveDraw {
  for (let i = 0; i < 15; i++) {
    const sd = params[RECORD_SD_KEYS[i]];
    out[i] = sd > 0 ? params[BASE_KEYS[i]] + sd * rng.normal() : params[BASE_KEYS[i]];
  }
  return out;
}

/** The 15 beat-level sds in `WaveDraw` order, written into `out`. */
export function beatSds(params: SynthParams, out: Float64Array = new Float64Array(15)): Float64Array {
  for (let i = 0; i < 15; i++) out[i] = params[BEAT_SD_KEYS[i]];
  return out;
}

/** Write into `out` one beat's values: the record's values plus N(0, beat sd) jitter. */
export function jitterBeat(record: WaveDraw, sds: Float64Array, rng: Rng, out: WaveDraw): void {
  for (let i = 0; i < 15; i++) {
    const sd = sds[i];
    out[i] = sd > 0 ? record[i] + sd * fastNormalFromU32(rng.nextU32()) : record[i];
  }
}

/** One beat laid out in absolute time (s from sample 0). */
export interface BeatLayout {
  ampMv: Float64Array;
  centerS: Float64Array;
  widthS: Float64Array;
  rPeakS: number;
}

/** A zeroed layout to reuse across beats. */
export function createLayout(): BeatLayout {
  return { ampMv: new Float64Array(5), centerS: new Float64Array(5), widthS: new Float64Array(5), rPeakS: 0 };
}

/**
 * rr-adaptive placement of a beat whose R peak is at `rPeakS`, preceded by an RR of `rrS` seconds.
 * Widths are taken as |σ| (a Gaussian does not depend on the sign of σ).
 */
export function placeRrAdaptive(
  beat: WaveDraw,
  rPeakS: number,
  rrS: number,
  prRateExponent: number,
  qtRateExponent: number,
  out: BeatLayout,
): void {
  for (let w = 0; w < 5; w++) {
    out.ampMv[w] = beat[w * 3];
    out.widthS[w] = Math.abs(beat[w * 3 + 1]);
    out.centerS[w] = rPeakS + beat[w * 3 + 2];
  }
  out.centerS[0] = rPeakS + beat[2] * detPow(rrS, prRateExponent);
  const qrsOnS = Math.min(
    out.centerS[1] - BOUNDARY_SIGMAS * out.widthS[1],
    out.centerS[2] - BOUNDARY_SIGMAS * out.widthS[2],
  );
  const qtScale = detPow(rrS, qtRateExponent);
  out.centerS[4] = qrsOnS + (out.centerS[4] - qrsOnS) * qtScale;
  out.widthS[4] *= qtScale;
  out.rPeakS = rPeakS;
}

/**
 * stretch-1s placement (the authors' convention) of a beat starting at `beatStartS` with length `rrS`:
 * chained template positions P; Q = P + q; R = Q + r; S = Q + s; T = S + t, all times and widths × RR.
 */
export function placeStretch1s(beat: WaveDraw, beatStartS: number, rrS: number, out: BeatLayout): void {
  const p = beat[2];
  const q = p + beat[5];
  const r = q + beat[8];
  const s = q + beat[11];
  const t = s + beat[14];
  const pos = [p, q, r, s, t];
  for (let w = 0; w < 5; w++) {
    out.ampMv[w] = beat[w * 3];
    out.widthS[w] = Math.abs(beat[w * 3 + 1]) * rrS;
    out.centerS[w] = beatStartS + pos[w] * rrS;
  }
  out.rPeakS = out.centerS[2];
}
