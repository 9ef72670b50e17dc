// The template fitter recovers known parameters: beats synthesised without noise and without any
// variability (every record and beat sd 0, RR exactly 1 s, so positions are the parameters), fitted from
// their own delineation. Tolerances: amplitude ±5 µV, width and position ±0.5 ms; the delta wave's
// height ±10 µV and duration ±1 ms. Also: the bounded Levenberg-Marquardt on its own, and bad input.
import { describe, expect, it } from 'vitest';
import {
  fitBeat,
  fitRecord,
  FitInputError,
  levenbergMarquardt,
  WAVE_NAMES,
  type TemplateFit,
} from '../../src/analysis/fit/index.ts';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  synthesize,
  withoutNoise,
  type SynthParams,
} from '../../src/synth/index.ts';

const AMP_TOL_MV = 0.005;
const TIME_TOL_S = 0.0005;

/** `params` with every sd set to 0, 60 bpm, no noise. */
function fixed(params: Partial<SynthParams>): SynthParams {
  const zero: Record<string, number> = {};
  for (const s of PARAM_SPECS) if (s.kind === 'number' && /Sd/.test(s.key)) zero[s.key] = 0;
  return withoutNoise({
    ...DEFAULT_PARAMS,
    ...zero,
    hrvSdMs: 0,
    heartRateBpm: 60,
    durationS: 6,
    ...params,
  } as SynthParams);
}

/** The beat nearest the middle of a synthesised record: R − 0.6 s … R + 0.9 s, and its R index. */
function middleBeat(params: SynthParams): { beat: Float32Array; rIndex: number } {
  const rec = synthesize(params);
  const mid = rec.signalMv.length / 2;
  let r = rec.rPeak[0];
  for (const p of rec.rPeak) if (Math.abs(p - mid) < Math.abs(r - mid)) r = p;
  const before = Math.round(0.6 * params.fsHz);
  return { beat: rec.signalMv.slice(r - before, r + Math.round(0.9 * params.fsHz) + 1), rIndex: before };
}

/**
 * Each wave's amplitude, width and position (relative to the fitted R centre, since the record's R peak
 * sample is the true R rounded to a sample) against `p`.
 */
function expectWaves(fit: TemplateFit, p: SynthParams, skip: string[] = []): void {
  const rPos = fit.params.R.positionS;
  expect(Math.abs(rPos)).toBeLessThanOrEqual(0.5 / p.fsHz + 1e-6);
  WAVE_NAMES.forEach((name) => {
    if (skip.includes(name)) return;
    const w = name.toLowerCase();
    const got = fit.params[name];
    expect(got, name).not.toBeNull();
    expect(
      Math.abs(got!.ampMv - (p[`${w}AmpMv` as keyof SynthParams] as number)),
      `${name} amp`,
    ).toBeLessThan(AMP_TOL_MV);
    expect(
      Math.abs(got!.widthS - (p[`${w}WidthS` as keyof SynthParams] as number)),
      `${name} width`,
    ).toBeLessThan(TIME_TOL_S);
    expect(
      Math.abs(got!.positionS - rPos - (p[`${w}PosS` as keyof SynthParams] as number)),
      `${name} pos`,
    ).toBeLessThan(TIME_TOL_S);
  });
}

describe('fitBeat recovers synthesised beats', () => {
  it('the default normal beat at 500 Hz', () => {
    const p = fixed({});
    const { beat, rIndex } = middleBeat(p);
    const fit = fitBeat(beat, p.fsHz, rIndex, { rrS: 1 });
    expectWaves(fit, p);
    expect(fit.rmsUv).toBeLessThan(1);
    expect(fit.varianceExplained).toBeGreaterThan(0.9999);
    expect(fit.converged).toBe(true);
  });

  it('a different beat (inverted T, deep S, broad P) at 250 Hz', () => {
    const p = fixed({
      fsHz: 250,
      pAmpMv: 0.22,
      pWidthS: 0.025,
      pPosS: -0.19,
      qAmpMv: -0.12,
      rAmpMv: 0.8,
      rWidthS: 0.012,
      sAmpMv: -0.5,
      sWidthS: 0.012,
      sPosS: 0.03,
      tAmpMv: -0.25,
      tWidthS: 0.06,
      tPosS: 0.3,
    });
    const { beat, rIndex } = middleBeat(p);
    const fit = fitBeat(beat, p.fsHz, rIndex, { rrS: 1 });
    expectWaves(fit, p);
  });

  it('a WPW beat: the delta wave, short PR, no Q', () => {
    const p = fixed({
      className: 'wpw',
      wpwDeltaAmpMv: 0.35,
      wpwDeltaMs: 45,
      wpwPrMs: 95,
      wpwTScale: -0.5,
      sWidthS: 0.02, // a QRS of ≥ 135 ms without the generator widening S
    });
    const { beat, rIndex } = middleBeat(p);
    const fit = fitBeat(beat, p.fsHz, rIndex, { rrS: 1, delta: true });
    const d = fit.params.delta!;
    expect(fit.params.Q).toBeNull();
    expect(Math.abs(d.ampMv - 0.35)).toBeLessThan(0.01);
    expect(Math.abs(d.durationS - 0.045)).toBeLessThan(0.001);
    // The generator's pre-excitation: R σ × 1.3, T × wpwTScale, P at PR before the delta onset.
    expect(Math.abs(fit.params.R.widthS - p.rWidthS * 1.3)).toBeLessThan(TIME_TOL_S);
    expect(Math.abs(fit.params.T.ampMv - p.tAmpMv * -0.5)).toBeLessThan(AMP_TOL_MV);
    const pOn = fit.params.P!.positionS - 2.5 * fit.params.P!.widthS; // both relative to the same R sample
    expect(Math.abs(d.onsetS - pOn - 0.095)).toBeLessThan(0.001);
    expect(fit.varianceExplained).toBeGreaterThan(0.9999);
  });

  it('an AF template gets no P wave, and returns every component over the fitted window', () => {
    const p = fixed({});
    const { beat, rIndex } = middleBeat(p);
    const fit = fitBeat(beat, p.fsHz, rIndex, { rrS: 1, pWave: 'none' });
    expect(fit.params.P).toBeNull();
    expect(fit.components.P.every((v) => v === 0)).toBe(true);
    const n = fit.timeS.length;
    for (const part of [fit.fittedMv, fit.residualMv, fit.templateMv, fit.components.T])
      expect(part.length).toBe(n);
    // Fitted sum = offset + components; residual = template − fit.
    const k = Math.floor(n / 2);
    const sum = WAVE_NAMES.reduce((s, w) => s + fit.components[w][k], fit.params.baselineMv);
    expect(fit.fittedMv[k]).toBeCloseTo(sum, 12);
    expect(fit.residualMv[k]).toBeCloseTo(fit.templateMv[k] - fit.fittedMv[k], 12);
  });
});

describe('levenbergMarquardt', () => {
  // y = a·exp(−b·t) sampled at t = 0 … 2, true a = 2, b = 1.5.
  const t = Array.from({ length: 41 }, (_, i) => i * 0.05);
  const y = t.map((ti) => 2 * Math.exp(-1.5 * ti));
  const problem = {
    nParams: 2,
    cost: (x: Float64Array) => t.reduce((s, ti, i) => s + (x[0] * Math.exp(-x[1] * ti) - y[i]) ** 2, 0),
    normal(x: Float64Array, jtj: Float64Array, jtr: Float64Array) {
      jtj.fill(0);
      jtr.fill(0);
      t.forEach((ti, i) => {
        const e = Math.exp(-x[1] * ti);
        const r = x[0] * e - y[i];
        const j = [e, -x[0] * ti * e];
        for (let a = 0; a < 2; a++) {
          jtr[a] += j[a] * r;
          for (let b = 0; b < 2; b++) jtj[a * 2 + b] += j[a] * j[b];
        }
      });
      return this.cost(x);
    },
  };

  it('finds the minimum from a distant start', () => {
    const r = levenbergMarquardt(problem, [0.5, 5], { lower: [0, 0], upper: [10, 10] });
    expect(r.x[0]).toBeCloseTo(2, 8);
    expect(r.x[1]).toBeCloseTo(1.5, 8);
    expect(r.converged).toBe(true);
  });

  it('stops on a bound that the minimum lies beyond, and holds a fixed parameter', () => {
    const bounded = levenbergMarquardt(problem, [0.5, 0.5], { lower: [0, 0], upper: [1.8, 10] });
    expect(bounded.x[0]).toBe(1.8);
    expect(bounded.converged).toBe(true);
    const fixedB = levenbergMarquardt(problem, [1, 1], {
      lower: [0, 0],
      upper: [10, 10],
      free: [true, false],
    });
    expect(fixedB.x[1]).toBe(1);
  });
});

describe('fitRecord in a worker', () => {
  it('reports progress up to 1, and stops with the abort reason when cancelled', () => {
    const rec = synthesize(withoutNoise({ ...DEFAULT_PARAMS, durationS: 60 }));
    const seen: number[] = [];
    fitRecord({ signalMv: rec.signalMv, fsHz: rec.fsHz }, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    let aborted = false;
    const signal = {
      get aborted() {
        return aborted;
      },
      throwIfAborted() {
        if (aborted) throw new Error('cancelled by the user');
      },
    };
    const run = () =>
      fitRecord(
        { signalMv: rec.signalMv, fsHz: rec.fsHz },
        { signal, onProgress: (f) => (aborted = f > 0.3) },
      );
    expect(run).toThrow('cancelled by the user');
  });
});

describe('bad input', () => {
  it('a record with no detectable beats is refused with the reason', () => {
    const flat = new Float32Array(5000);
    expect(() => fitRecord({ signalMv: flat, fsHz: 500 })).toThrow(FitInputError);
    expect(() => fitRecord({ signalMv: flat, fsHz: 500 })).toThrow(/no beats detected in 10\.0 s/);
  });

  it('a template with non-finite samples is refused', () => {
    const t = new Float32Array(500).fill(NaN);
    expect(() => fitBeat(t, 500, 200)).toThrow(/not finite/);
  });
});
