/**
 * `pvc`: sinus rhythm with premature ventricular complexes. The sinus node keeps its own schedule (the
 * RR process); an ectopic event replaces a sinus beat: the PVC comes early (coupling interval =
 * pvcCouplingPct of the sinus RR after the previous beat), has no P wave, a wide (≥ 120 ms) bizarre QRS
 * and a T wave opposite to its QRS; the replaced sinus impulse does not conduct, so the next sinus beat
 * comes on schedule: a full compensatory pause (RR before + RR after = 2 × sinus RR). Patterns:
 * isolated, bigeminy (every 2nd beat), trigeminy (every 3rd), couplets (two PVCs in a row, the second (1 + coupling)/2 of an RR after the first). Every record
 * long enough (≳ 3 s) holds at least one complete PVC.
 */
import { createLayout, type BeatLayout } from '../beat-model.ts';
import {
  addLayout,
  drawClassParam,
  logLayout,
  nextBeatWaves,
  placeAtR,
  type SynthContext,
} from '../context.ts';
import { drawRrProcess } from '../rr-process.ts';

type Pattern = 'isolated' | 'bigeminy' | 'trigeminy' | 'couplets';

/** The shape of this record's PVCs. */
export interface PvcShape {
  couplingRatio: number;
  qrsS: number;
  ampMv: number;
  tAmpMv: number;
}

const pvcLayout: BeatLayout = createLayout();

/**
 * Lay out one PVC with its R (main deflection) at `rS`: a broad main Gaussian (±2.5σ = the QRS width),
 * a notch of opposite sign on its late limb (the "bizarre" shape), no P, and a broad T of opposite sign.
 */
export function layoutPvc(shape: PvcShape, rS: number): BeatLayout {
  const sigma = shape.qrsS / 5;
  const l = pvcLayout;
  l.ampMv.set([0, -0.3 * shape.ampMv, shape.ampMv, 0, -Math.sign(shape.ampMv) * shape.tAmpMv]);
  l.widthS.set([0.01, 0.5 * sigma, sigma, 0.01, 0.06]);
  l.centerS.set([rS, rS + 1.2 * sigma, rS, rS, rS + shape.qrsS / 2 + 0.2]);
  l.rPeakS = rS;
  return l;
}

/** This record's pattern. */
function pickPattern(ctx: SynthContext): Pattern {
  const p = ctx.params.pvcPattern;
  if (p !== 'any') return p;
  return (['isolated', 'bigeminy', 'trigeminy', 'couplets'] as const)[Math.floor(ctx.rng.uniform() * 4)];
}

/** Lay out a PVC record into `ctx`. */
export function generatePvc(ctx: SynthContext): void {
  const pattern = pickPattern(ctx);
  const burden = drawClassParam(ctx, 'pvcBurdenPct') / 100;
  const shape: PvcShape = {
    couplingRatio: drawClassParam(ctx, 'pvcCouplingPct') / 100,
    qrsS: drawClassParam(ctx, 'pvcQrsMs') / 1000,
    ampMv: drawClassParam(ctx, 'pvcAmpMv') * (ctx.rng.uniform() < 0.5 ? 1 : -1),
    tAmpMv: drawClassParam(ctx, 'pvcTAmpMv'),
  };
  const rr = drawRrProcess(ctx.params, ctx.rng);

  // The sinus schedule S_k, from one beat before the record to one after it.
  const sinusS: number[] = [];
  for (let t = -ctx.rng.uniform() * rr.meanRrS - rr.meanRrS; t - 1 < ctx.durationS; t += rr.nextRrS(t))
    sinusS.push(t);
  // ectopic[k] = number of PVCs replacing sinus slot k (0, 1, or 2 for the first slot of a couplet).
  const ectopic = new Uint8Array(sinusS.length);
  const offset = Math.floor(ctx.rng.uniform() * 3);
  for (let k = 2; k < sinusS.length - 1; k++) {
    if (ectopic[k - 1] > 0 || (k >= 2 && ectopic[k - 2] === 2)) continue;
    if (pattern === 'bigeminy') ectopic[k] = (k + offset) % 2 === 0 ? 1 : 0;
    else if (pattern === 'trigeminy') ectopic[k] = (k + offset) % 3 === 0 ? 1 : 0;
    else if (ctx.rng.uniform() < burden) ectopic[k] = pattern === 'couplets' && k < sinusS.length - 2 ? 2 : 1;
  }
  ensureCompletePvc(ctx, sinusS, ectopic, shape, pattern);

  for (let k = 0; k < sinusS.length; k++) {
    if (ectopic[k] > 0 || (k > 0 && ectopic[k - 1] === 2)) {
      if (ectopic[k] === 0) continue; // the second slot of a couplet: no sinus beat
      const firstS = sinusS[k - 1] + shape.couplingRatio * (sinusS[k] - sinusS[k - 1]);
      emitPvc(ctx, shape, firstS);
      // A couplet's second PVC comes (1 + coupling) / 2 of a sinus RR after the first: still premature,
      // and clear of the first one's T wave.
      const sinusRrS = sinusS[k] - sinusS[k - 1];
      if (ectopic[k] === 2) emitPvc(ctx, shape, firstS + ((1 + shape.couplingRatio) / 2) * sinusRrS);
      continue;
    }
    const beat = nextBeatWaves(ctx);
    ctx.log.knotsS.push(sinusS[k]);
    // The interval that precedes this beat (a pause after ectopy) sets its QT.
    const prevS = k === 0 ? sinusS[0] - rr.meanRrS : sinusS[k - 1];
    const layout = placeAtR(ctx, beat, sinusS[k], sinusS[k] - prevS);
    addLayout(ctx, layout);
    logLayout(ctx, layout, 'N', true);
  }
  const aux = pattern === 'bigeminy' ? '(B' : pattern === 'trigeminy' ? '(T' : '(N';
  ctx.rhythm.push({ sample: 0, aux });
}

function emitPvc(ctx: SynthContext, shape: PvcShape, rS: number): void {
  ctx.log.knotsS.push(rS);
  const layout = layoutPvc(shape, rS);
  addLayout(ctx, layout);
  logLayout(ctx, layout, 'V', false);
}

/** Whether a PVC replacing slot k lies wholly inside the record (QRS onset to T end). */
function pvcInside(ctx: SynthContext, sinusS: number[], k: number, shape: PvcShape): boolean {
  const rS = sinusS[k - 1] + shape.couplingRatio * (sinusS[k] - sinusS[k - 1]);
  return rS - shape.qrsS / 2 >= 0 && rS + shape.qrsS / 2 + 0.2 + 0.15 < ctx.durationS;
}

/** If no planned PVC lies wholly inside the record, turn the slot nearest its middle into one. */
function ensureCompletePvc(
  ctx: SynthContext,
  sinusS: number[],
  ectopic: Uint8Array,
  shape: PvcShape,
  pattern: Pattern,
) {
  for (let k = 1; k < sinusS.length; k++) if (ectopic[k] > 0 && pvcInside(ctx, sinusS, k, shape)) return;
  let best = -1;
  for (let k = 1; k < sinusS.length - 1; k++) {
    const free = ectopic[k - 1] === 0 && ectopic[k + 1] === 0 && (k < 2 || ectopic[k - 2] !== 2);
    if (!free || !pvcInside(ctx, sinusS, k, shape)) continue;
    if (best < 0 || Math.abs(sinusS[k] - ctx.durationS / 2) < Math.abs(sinusS[best] - ctx.durationS / 2))
      best = k;
  }
  if (best >= 0)
    ectopic[best] = pattern === 'couplets' && best < sinusS.length - 2 && ectopic[best + 2] === 0 ? 2 : 1;
}
