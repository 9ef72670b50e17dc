/**
 * The single-beat view's data: one beat at the parameters' base values (no record or beat variability,
 * no noise), its five Gaussian components separately and their sum, on a time axis relative to the
 * R peak. Uses the same placement as `synthesize`, so the view shows exactly the model's beat.
 */
import { createLayout, placeRrAdaptive, placeStretch1s, BOUNDARY_SIGMAS } from './beat-model.ts';
import { addGaussian } from './gaussian.ts';
import { WAVES, type SynthParams, type Wave } from './params.ts';

/** One beat split into its components. */
export interface BeatComponents {
  /** Time of each sample relative to the R peak, s. */
  timeS: Float64Array;
  /** Each wave's Gaussian alone, mV. */
  components: Record<Wave, Float64Array>;
  /** The sum of the five, mV. */
  sumMv: Float64Array;
  /** Wave boundaries relative to R, s: P on/off, QRS on/off, T off. */
  boundariesS: { pOn: number; pOff: number; qrsOn: number; qrsOff: number; tOff: number };
}

/** Compute the base beat of `params` at its heart rate, sampled at `params.fsHz`, from −0.5 s to +0.7 s. */
export function beatComponents(params: SynthParams): BeatComponents {
  const fsHz = params.fsHz;
  const rrS = 60 / params.heartRateBpm;
  const beat = new Float64Array(15);
  WAVES.forEach((w, i) => {
    beat[i * 3] = params[`${w}AmpMv`];
    beat[i * 3 + 1] = params[`${w}WidthS`];
    beat[i * 3 + 2] = params[`${w}PosS`];
  });
  const layout = createLayout();
  // Lay the beat out with its R peak at 1 s from the buffer start, then shift the axis.
  const originS = 1;
  if (params.beatModel === 'stretch-1s') {
    placeStretch1s(beat, 0, rrS, layout);
    const shift = originS - layout.rPeakS;
    for (let w = 0; w < 5; w++) layout.centerS[w] += shift;
    layout.rPeakS = originS;
  } else {
    placeRrAdaptive(beat, originS, rrS, params.prRateExponent, params.qtRateExponent, layout);
  }
  const fromS = -0.5;
  const toS = 0.7;
  const n = Math.round((toS - fromS) * fsHz) + 1;
  const first = Math.round((originS + fromS) * fsHz);
  const full = Math.round(2 * originS * fsHz) + n;
  const timeS = new Float64Array(n);
  for (let i = 0; i < n; i++) timeS[i] = (first + i) / fsHz - originS;
  const components = {} as Record<Wave, Float64Array>;
  const sumMv = new Float64Array(n);
  WAVES.forEach((w, i) => {
    const buf = new Float64Array(full);
    addGaussian(buf, fsHz, layout.ampMv[i], layout.centerS[i], layout.widthS[i]);
    const part = buf.slice(first, first + n);
    components[w] = part;
    for (let k = 0; k < n; k++) sumMv[k] += part[k];
  });
  const c = layout.centerS.map((v) => v - originS);
  const wd = layout.widthS;
  const b = BOUNDARY_SIGMAS;
  return {
    timeS,
    components,
    sumMv,
    boundariesS: {
      pOn: c[0] - b * wd[0],
      pOff: c[0] + b * wd[0],
      qrsOn: Math.min(c[1] - b * wd[1], c[2] - b * wd[2]),
      qrsOff: Math.max(c[2] + b * wd[2], c[3] + b * wd[3]),
      tOff: c[4] + b * wd[4],
    },
  };
}
