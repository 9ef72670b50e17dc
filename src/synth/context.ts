/**
 * The state of one record being synthesised, shared by the class generators: parameters, the random
 * stream, the float64 work signal, the beat log and the rhythm notes, plus helpers to draw class
 * parameters and to place, add and log a beat.
 */
import type { Rng } from '../core/rng.ts';
import { BeatLog } from './beat-log.ts';
import {
  BOUNDARY_SIGMAS,
  beatSds,
  createLayout,
  drawRecordWaves,
  jitterBeat,
  placeRrAdaptive,
  placeStretch1s,
  type BeatLayout,
  type WaveDraw,
} from './beat-model.ts';
import { addGaussian } from './gaussian.ts';
import { paramSpec, type SynthParams } from './params.ts';
import type { RhythmNote } from './record.ts';

/** One record in the making. */
export interface SynthContext {
  params: SynthParams;
  fsHz: number;
  nSamples: number;
  durationS: number;
  rng: Rng;
  /** The clean signal being built, mV (noise is added after the generator). */
  signal: Float64Array;
  log: BeatLog;
  rhythm: RhythmNote[];
  /** Samples of atrial waves that are not P waves of beats (flutter F-wave troughs). */
  atrialWaves: number[];
  /** The record's wave draws (base + record sd) and the beat-level sds. */
  recordWaves: WaveDraw;
  sds: Float64Array;
  /** Scratch: the current beat's jittered waves and its layout in time. */
  beat: WaveDraw;
  layout: BeatLayout;
}

const work = {
  log: new BeatLog(),
  record: new Float64Array(15),
  sds: new Float64Array(15),
  beat: new Float64Array(15),
  layout: createLayout(),
};

/** Start a record: draw its wave parameters and reset the reusable work state. */
export function createContext(params: SynthParams, rng: Rng, signal: Float64Array): SynthContext {
  const nSamples = signal.length;
  work.log.reset();
  return {
    params,
    fsHz: params.fsHz,
    nSamples,
    durationS: nSamples / params.fsHz,
    rng,
    signal,
    log: work.log,
    rhythm: [],
    atrialWaves: [],
    recordWaves: drawRecordWaves(params, rng, work.record),
    sds: beatSds(params, work.sds),
    beat: work.beat,
    layout: work.layout,
  };
}

/**
 * Draw a class parameter for this record: its mean + N(0, its record sd), clamped to the parameter's
 * range in the schema (the clinical range).
 */
export function drawClassParam(ctx: SynthContext, key: keyof SynthParams & string): number {
  const spec = paramSpec(key);
  const mean = ctx.params[key] as number;
  const sd = ctx.params[`${key}RecordSd` as keyof SynthParams] as number;
  const v = sd > 0 ? mean + sd * ctx.rng.normal() : mean;
  return spec && spec.kind === 'number' ? Math.min(spec.max, Math.max(spec.min, v)) : v;
}

/** Jitter the record's waves for a new beat (into ctx.beat). */
export function nextBeatWaves(ctx: SynthContext): WaveDraw {
  jitterBeat(ctx.recordWaves, ctx.sds, ctx.rng, ctx.beat);
  return ctx.beat;
}

/**
 * Lay out `beat` with its R peak at `rPeakS`, preceded by an RR of `rrS`, in the record's beat model
 * (stretch-1s: the authors' template stretched by RR and shifted so that its R lands at `rPeakS`).
 */
export function placeAtR(ctx: SynthContext, beat: WaveDraw, rPeakS: number, rrS: number): BeatLayout {
  const p = ctx.params;
  if (p.beatModel === 'stretch-1s') {
    placeStretch1s(beat, 0, rrS, ctx.layout);
    const shift = rPeakS - ctx.layout.rPeakS;
    for (let w = 0; w < 5; w++) ctx.layout.centerS[w] += shift;
    ctx.layout.rPeakS = rPeakS;
  } else {
    placeRrAdaptive(beat, rPeakS, rrS, p.prRateExponent, p.qtRateExponent, ctx.layout);
  }
  return ctx.layout;
}

/** Add the five Gaussians of `layout` to the signal. */
export function addLayout(ctx: SynthContext, layout: BeatLayout): void {
  for (let w = 0; w < 5; w++) {
    addGaussian(ctx.signal, ctx.fsHz, layout.ampMv[w], layout.centerS[w], layout.widthS[w]);
  }
}

const timesS = new Float64Array(7);

/**
 * Log a beat laid out as `layout` with symbol `symbol`: fiducials at centre ± 2.5σ; no P fiducials when
 * `hasP` is false; `qrsOnS` overrides the QRS onset (e.g. a WPW delta wave starts earlier).
 */
export function logLayout(
  ctx: SynthContext,
  layout: BeatLayout,
  symbol = 'N',
  hasP = true,
  qrsOnS = NaN,
): void {
  const c = layout.centerS;
  const w = layout.widthS;
  const b = BOUNDARY_SIGMAS;
  timesS[0] = hasP ? c[0] - b * w[0] : NaN;
  timesS[1] = hasP ? c[0] : NaN;
  timesS[2] = hasP ? c[0] + b * w[0] : NaN;
  timesS[3] = Number.isNaN(qrsOnS) ? Math.min(c[1] - b * w[1], c[2] - b * w[2]) : qrsOnS;
  timesS[4] = Math.max(c[2] + b * w[2], c[3] + b * w[3]);
  timesS[5] = c[4];
  timesS[6] = c[4] + b * w[4];
  ctx.log.add(Math.round(layout.rPeakS * ctx.fsHz), symbol, timesS, ctx.fsHz, ctx.nSamples);
}

/**
 * Emit one beat with its R peak at `rPeakS`: jitter the record's waves, drop the P wave unless `hasP`,
 * lay it out with `rrS` as the preceding RR (it sets QT), add it to the signal and log it. Used by the
 * classes whose beats need no further shaping (af, afl).
 */
export function emitBeatAtR(ctx: SynthContext, rPeakS: number, rrS: number, hasP: boolean): void {
  const beat = nextBeatWaves(ctx);
  if (!hasP) beat[0] = 0;
  ctx.log.knotsS.push(rPeakS);
  const layout = placeAtR(ctx, beat, rPeakS, rrS);
  addLayout(ctx, layout);
  logLayout(ctx, layout, 'N', hasP);
}
