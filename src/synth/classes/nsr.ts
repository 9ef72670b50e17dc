/**
 * `nsr`: normal sinus rhythm. Beats follow the RR process (mean rate, LF/HF modulation, jitter). In the
 * stretch-1s model, beats are the authors' consecutive 1-s templates, each stretched to its RR.
 */
import { placeStretch1s } from '../beat-model.ts';
import { addLayout, logLayout, nextBeatWaves, placeAtR, type SynthContext } from '../context.ts';
import { drawRrProcess } from '../rr-process.ts';

/** Lay out every beat of a normal sinus rhythm record into `ctx`. */
export function generateNsr(ctx: SynthContext): void {
  const rr = drawRrProcess(ctx.params, ctx.rng);
  const stretch = ctx.params.beatModel === 'stretch-1s';
  // Start one beat before the record so that the first samples hold the tail of a beat.
  let rrS = rr.meanRrS;
  let anchorS = -ctx.rng.uniform() * rrS - rrS;
  const marginS = stretch ? 0 : 1;
  while (anchorS - marginS < ctx.durationS) {
    const beat = nextBeatWaves(ctx);
    ctx.log.knotsS.push(anchorS);
    if (stretch) {
      rrS = rr.nextRrS(anchorS);
      placeStretch1s(beat, anchorS, rrS, ctx.layout);
      anchorS += rrS;
    } else {
      placeAtR(ctx, beat, anchorS, rrS);
      rrS = rr.nextRrS(anchorS);
      anchorS += rrS;
    }
    addLayout(ctx, ctx.layout);
    logLayout(ctx, ctx.layout);
  }
  ctx.rhythm.push({ sample: 0, aux: '(N' });
}
