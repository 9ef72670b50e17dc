// From fits to a class preset: a population of synthetic records with known parameters (twenty 10-s
// records, with record- and beat-level variability, no noise) is fitted beat by beat, and the preset
// made from the fits gives back the population's parameters within the stated tolerances. Also the
// distributions' arithmetic, and that a preset of an unfitted class is refused.
import { describe, expect, it } from 'vitest';
import {
  beatDistributions,
  classPreset,
  distributionOf,
  fitRecord,
  type RecordFit,
} from '../../src/analysis/fit/index.ts';
import { DEFAULT_PARAMS, synthesize, withoutNoise, type SynthParams } from '../../src/synth/index.ts';

/** Fit `count` seeded 10-s records of `params`, with the synthesizer's beats and one rhythm episode. */
function fitPopulation(params: SynthParams, label: string, count: number): RecordFit[] {
  const fits: RecordFit[] = [];
  for (let seed = 0; seed < count; seed++) {
    const rec = synthesize({ ...params, seed, durationS: 10 });
    const beats = Array.from(rec.rPeak, (r, i) => ({ symbol: rec.beatSymbol[i], timeS: r / rec.fsHz }));
    fits.push(
      fitRecord({ signalMv: rec.signalMv, fsHz: rec.fsHz, beats, rhythms: [{ label, startS: 0, endS: 10 }] }),
    );
  }
  return fits;
}

const near = (got: number, want: number, tol: number): void => expect(Math.abs(got - want)).toBeLessThan(tol);

describe('classPreset', () => {
  it('gives back a normal population: amplitudes ±10 %, P/T position ±5 ms, widths ±15 %, rate ±5 bpm', () => {
    const truth = withoutNoise({
      ...DEFAULT_PARAMS,
      heartRateBpm: 66,
      pAmpMv: 0.12,
      rAmpMv: 1.4,
      rAmpRecordSdMv: 0.3,
      tAmpMv: 0.35,
      tPosS: 0.27,
    });
    const fits = fitPopulation(truth, '(N', 20);
    const { params, nWindows } = classPreset('nsr', fits);
    expect(nWindows).toBe(20);
    expect(params.className).toBe('nsr');
    for (const k of ['pAmpMv', 'rAmpMv', 'tAmpMv'] as const)
      near(params[k], truth[k], 0.1 * Math.abs(truth[k]));
    for (const k of ['pPosS', 'tPosS'] as const) near(params[k], truth[k], 0.005);
    for (const k of ['pWidthS', 'tWidthS'] as const) near(params[k], truth[k], 0.15 * truth[k]);
    near(params.heartRateBpm, 66, 5);
    // The record-level sd of R is seen across records (20 draws of sd 0.3: within a factor 1.5).
    expect(params.rAmpRecordSdMv).toBeGreaterThan(0.2);
    expect(params.rAmpRecordSdMv).toBeLessThan(0.45);
    expect(params.rPosS).toBe(0);
  });

  it('gives back an AF population: rate ±10 bpm, RR CV ±0.05, f-wave frequency ±0.5 Hz and amplitude ±30 %', () => {
    const truth = withoutNoise({
      ...DEFAULT_PARAMS,
      className: 'af',
      afRateBpm: 90,
      afRrCv: 0.2,
      afFWaveHz: 6,
      afFWaveAmpMv: 0.08,
      afIrregularity: 0.3,
      afRateBpmRecordSd: 5,
      afFWaveHzRecordSd: 0.3,
    });
    const { params } = classPreset('af', fitPopulation(truth, '(AFIB', 12));
    near(params.afRateBpm, 90, 10);
    near(params.afRrCv, 0.2, 0.05);
    near(params.afFWaveHz, 6, 0.5);
    near(params.afFWaveAmpMv, 0.08, 0.3 * 0.08);
    expect(params.pAmpMv).toBe(DEFAULT_PARAMS.pAmpMv); // no P in AF: kept from the base
  });

  it('gives back WPW: delta height ±0.05 mV, duration and PR ±5 ms, the T wave as tAmpMv × wpwTScale', () => {
    const truth = withoutNoise({ ...DEFAULT_PARAMS, className: 'wpw' });
    const { params } = classPreset('wpw', fitPopulation(truth, '(PREX', 12));
    near(params.wpwDeltaAmpMv, truth.wpwDeltaAmpMv, 0.05);
    near(params.wpwDeltaMs, truth.wpwDeltaMs, 5);
    near(params.wpwPrMs, truth.wpwPrMs, 5);
    near(params.tAmpMv * params.wpwTScale, truth.tAmpMv * truth.wpwTScale, 0.03);
    near(params.rWidthS, truth.rWidthS, 0.15 * truth.rWidthS);
  });

  it('gives back PVCs in bigeminy: QRS ±25 ms, size and T ±20 %, coupling ±5 points, sinus rate ±6 bpm', () => {
    const truth = withoutNoise({ ...DEFAULT_PARAMS, className: 'pvc', pvcPattern: 'bigeminy' });
    const { params, notes } = classPreset('pvc', fitPopulation(truth, '(B', 12));
    near(params.pvcQrsMs, truth.pvcQrsMs, 25);
    near(params.pvcAmpMv, truth.pvcAmpMv, 0.2 * truth.pvcAmpMv);
    near(params.pvcTAmpMv, truth.pvcTAmpMv, 0.2 * truth.pvcTAmpMv);
    near(params.pvcCouplingPct, truth.pvcCouplingPct, 5);
    // Bigeminy has no normal-to-normal interval: the sinus RR comes from the compensatory pauses.
    expect(notes.join('\n')).toMatch(/compensatory pauses/);
    near(params.heartRateBpm, truth.heartRateBpm, 6);
  });

  it('refuses a class the fits have no segment of', () => {
    const fits = fitPopulation(withoutNoise(DEFAULT_PARAMS), '(N', 1);
    expect(() => classPreset('wpw', fits)).toThrow(/no fitted wpw segment/);
  });
});

describe('distributions', () => {
  it('split into record (window) and beat sd', () => {
    // Two windows, means 1 and 3, within-window values ±1.
    const d = distributionOf([0, 2, 2, 4], [0, 0, 1, 1]);
    expect(d.mean).toBe(2);
    expect(d.min).toBe(0);
    expect(d.max).toBe(4);
    expect(d.recordSd).toBeCloseTo(Math.SQRT2, 12);
    expect(d.beatSd).toBeCloseTo(Math.SQRT2, 12);
    expect(d.sd).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(distributionOf([NaN]).n).toBe(0);
  });

  it('of per-beat fits keep only well-fitted beats and report every wave', () => {
    const fit = fitPopulation(withoutNoise(DEFAULT_PARAMS), '(N', 1)[0];
    const d = beatDistributions([fit.templates[0].beats!]);
    expect(d.nAccepted).toBe(d.nBeats);
    expect(Object.keys(d.waves)).toEqual(['P', 'Q', 'R', 'S', 'T']);
    near(d.waves.R!.ampMv.mean, DEFAULT_PARAMS.rAmpMv, 0.5);
    expect(d.varianceExplained.min).toBeGreaterThan(0.99);
  });
});
