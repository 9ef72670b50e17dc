/**
 * `af`: atrial fibrillation. No P waves; f-waves at 4-9 Hz run through the whole record; RR intervals
 * are independent log-normal draws around the ventricular rate (irregularly irregular: no repeating
 * pattern, coefficient of variation `afRrCv`); narrow QRS complexes from the record's wave parameters.
 */
import { addFibrillatoryWaves } from '../atrial-waves.ts';
import { drawClassParam, emitBeatAtR, type SynthContext } from '../context.ts';
import { clampRr } from '../rr-process.ts';
import { detExp, detLog } from '../../core/det-math.ts';

/** Lay out an AF record into `ctx`. */
export function generateAf(ctx: SynthContext): void {
  const rateBpm = drawClassParam(ctx, 'afRateBpm');
  const cv = drawClassParam(ctx, 'afRrCv');
  const fHz = drawClassParam(ctx, 'afFWaveHz');
  const fAmpMv = drawClassParam(ctx, 'afFWaveAmpMv');
  const irregularity = drawClassParam(ctx, 'afIrregularity');
  const meanRrS = 60 / rateBpm;
  // Log-normal RR with mean meanRrS and coefficient of variation cv.
  const sigma = Math.sqrt(detLog(1 + cv * cv));
  const nextRr = () => clampRr(meanRrS * detExp(sigma * ctx.rng.normal() - (sigma * sigma) / 2));

  let rrS = nextRr();
  let rPeakS = -ctx.rng.uniform() * rrS - rrS;
  while (rPeakS - 1 < ctx.durationS) {
    // No P wave. QT adapts to rate with a lag of minutes, so in AF it follows the mean RR, not each
    // beat's RR.
    emitBeatAtR(ctx, rPeakS, meanRrS, false);
    rrS = nextRr();
    rPeakS += rrS;
  }
  addFibrillatoryWaves(ctx.signal, ctx.fsHz, fHz, fAmpMv, irregularity, ctx.rng);
  ctx.rhythm.push({ sample: 0, aux: '(AFIB' });
}
