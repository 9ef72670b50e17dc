/**
 * `afl`: typical atrial flutter. A regular sawtooth at the flutter rate (240-340/min) runs through the
 * whole record with no isoelectric line; every QRS is locked to an F-wave: it follows the start of a
 * flutter cycle by a fixed AV delay, and conduction is 2:1, 3:1, 4:1 or variable (2-4:1 per beat), so
 * each RR is a whole number of flutter cycles. No P waves; narrow QRS.
 */
import { addFlutterWaves, SAWTOOTH_TROUGH_PHASE } from '../atrial-waves.ts';
import { drawClassParam, emitBeatAtR, type SynthContext } from '../context.ts';

/** Pick this record's conduction ratio mode. */
function conductionMode(ctx: SynthContext): '2:1' | '3:1' | '4:1' | 'variable' {
  const c = ctx.params.aflConduction;
  if (c !== 'any') return c;
  const u = ctx.rng.uniform();
  return u < 0.45 ? '2:1' : u < 0.55 ? '3:1' : u < 0.75 ? '4:1' : 'variable';
}

/** Lay out an atrial flutter record into `ctx`; F-wave troughs are logged as atrial waves. */
export function generateAfl(ctx: SynthContext): void {
  const cycleS = 60 / drawClassParam(ctx, 'aflRateBpm');
  const ampMv = drawClassParam(ctx, 'aflAmpMv') * (ctx.params.aflPolarity === 'negative' ? 1 : -1);
  const avDelayS = drawClassParam(ctx, 'aflAvDelayMs') / 1000;
  const mode = conductionMode(ctx);
  const ratio = () => {
    if (mode !== 'variable') return Number(mode[0]);
    const u = ctx.rng.uniform();
    return u < 0.4 ? 2 : u < 0.6 ? 3 : 4;
  };
  // Flutter cycle k starts at startS + k·cycleS.
  const startS = -ctx.rng.uniform() * cycleS;
  let n = ratio();
  let cycle = -n - Math.ceil(avDelayS / cycleS);
  let rrS = n * cycleS;
  while (startS + cycle * cycleS + avDelayS - 1 < ctx.durationS) {
    const rPeakS = startS + cycle * cycleS + avDelayS;
    emitBeatAtR(ctx, rPeakS, rrS, false); // no P wave
    n = ratio();
    cycle += n;
    rrS = n * cycleS;
  }
  addFlutterWaves(ctx.signal, ctx.fsHz, cycleS, ampMv, startS);
  for (let k = Math.ceil(-startS / cycleS); ; k++) {
    const s = Math.round((startS + (k + SAWTOOTH_TROUGH_PHASE) * cycleS) * ctx.fsHz);
    if (s >= ctx.nSamples) break;
    if (s >= 0) ctx.atrialWaves.push(s);
  }
  ctx.rhythm.push({ sample: 0, aux: '(AFL' });
}
