/**
 * `wpw`: Wolff-Parkinson-White pre-excitation on sinus rhythm. The accessory pathway activates the
 * ventricles early: a delta wave (a slow, slurred upstroke of `wpwDeltaMs` and `wpwDeltaAmpMv`) starts
 * before the normal QRS, so the PR interval (P onset to delta onset) is short (< 120 ms) and the QRS is
 * widened by the delta's duration; the terminal QRS (S wave) is widened where needed so that the whole
 * QRS lasts at least 135 ms (a fusion complex: SYNTHESIS.md §2 asks QRS ≥ 110-120 ms); no Q wave (the
 * delta replaces it); secondary ST-T changes scale the T wave by `wpwTScale` (negative inverts it).
 */
import { BOUNDARY_SIGMAS, type BeatLayout, type WaveDraw } from '../beat-model.ts';
import {
  addLayout,
  drawClassParam,
  logLayout,
  nextBeatWaves,
  placeAtR,
  type SynthContext,
} from '../context.ts';
import { addDeltaWave } from '../delta-wave.ts';
import { drawRrProcess } from '../rr-process.ts';

/**
 * P width factor: with a PR under 120 ms a P wave of normal duration would run into the delta wave;
 * pre-excited hearts are often young and have short P waves.
 */
const WPW_P_WIDTH_SCALE = 0.7;

/** R width factor of the pre-excited (fusion) complex. */
const WPW_R_WIDTH_SCALE = 1.3;

/** The shortest QRS (delta onset to QRS end) of a WPW beat, s. */
const MIN_QRS_S = 0.135;

/** Turn a beat's jittered normal waves into a pre-excited beat's: shorter P, no Q, broader R, T × `tScale`. */
export function preExciteWaves(beat: WaveDraw, tScale: number): void {
  beat[1] *= WPW_P_WIDTH_SCALE;
  beat[3] = 0; // no Q wave: the delta wave replaces it
  beat[7] *= WPW_R_WIDTH_SCALE; // a broader fusion complex
  beat[12] *= tScale; // secondary T change
}

/**
 * Shape a laid-out beat for pre-excitation: the delta wave of `deltaS` ends where R's own upstroke begins;
 * S is widened when the QRS would be shorter than 135 ms; P moves so that PR (P onset to delta onset) is
 * `prS`. Returns the delta onset (s), which is the QRS onset.
 */
export function preExciteLayout(layout: BeatLayout, prS: number, deltaS: number): number {
  const c = layout.centerS;
  const w = layout.widthS;
  const b = BOUNDARY_SIGMAS;
  const deltaOnS = c[2] - b * w[2] - deltaS;
  const shortBy = MIN_QRS_S - (Math.max(c[2] + b * w[2], c[3] + b * w[3]) - deltaOnS);
  if (shortBy > 0) {
    // Widen S about its onset (centre and 2.5σ each take half), so it stays joined to the R wave.
    c[3] += shortBy / 2;
    w[3] += shortBy / (2 * b);
  }
  c[0] = deltaOnS - prS + b * w[0];
  return deltaOnS;
}

/** Lay out a WPW record into `ctx`. */
export function generateWpw(ctx: SynthContext): void {
  const prS = drawClassParam(ctx, 'wpwPrMs') / 1000;
  const deltaS = drawClassParam(ctx, 'wpwDeltaMs') / 1000;
  const deltaAmpMv = drawClassParam(ctx, 'wpwDeltaAmpMv');
  const tScale = drawClassParam(ctx, 'wpwTScale');
  const rr = drawRrProcess(ctx.params, ctx.rng);

  let rrS = rr.meanRrS;
  let rPeakS = -ctx.rng.uniform() * rrS - rrS;
  while (rPeakS - 1 < ctx.durationS) {
    const beat = nextBeatWaves(ctx);
    preExciteWaves(beat, tScale);
    ctx.log.knotsS.push(rPeakS);
    const layout = placeAtR(ctx, beat, rPeakS, rrS);
    const deltaOnS = preExciteLayout(layout, prS, deltaS);
    addLayout(ctx, layout);
    addDeltaWave(ctx.signal, ctx.fsHz, deltaAmpMv, deltaOnS, deltaS, layout.centerS[2], layout.widthS[2]);
    logLayout(ctx, layout, 'N', true, deltaOnS);
    rrS = rr.nextRrS(rPeakS);
    rPeakS += rrS;
  }
  ctx.rhythm.push({ sample: 0, aux: '(PREX' });
}
