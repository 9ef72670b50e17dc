// QT follows Bazett's √RR across heart rates 50-120 bpm, while PR changes only a little.
import { describe, expect, it } from 'vitest';
import { measureIntervals } from '../../src/analysis/index.ts';
import { DEFAULT_PARAMS, synthesize } from '../../src/synth/index.ts';
import { deterministic } from './helpers/synth-params.ts';

const RATES_BPM = [50, 60, 70, 80, 90, 100, 110, 120];

/** Least-squares slope of y on x. */
function slope(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

describe('QT follows Bazett', () => {
  const rows = RATES_BPM.map((heartRateBpm) => {
    const params = { ...deterministic(DEFAULT_PARAMS), heartRateBpm, durationS: 20, fsHz: 1000 };
    const rec = synthesize(params);
    const rrS = 60 / heartRateBpm;
    const i = 5; // a beat well inside the record
    const fiducialQtS = (rec.fiducials.tOff[i] - rec.fiducials.qrsOn[i]) / rec.fsHz;
    const fiducialPrS = (rec.fiducials.qrsOn[i] - rec.fiducials.pOn[i]) / rec.fsHz;
    const measured = measureIntervals(rec.signalMv, rec.fsHz);
    return { rrS, fiducialQtS, fiducialPrS, measured };
  });

  it('in the fiducials: QTc is the same at every rate (±2 ms) and log QT vs log RR has slope 0.5', () => {
    const qtc = rows.map((r) => (r.fiducialQtS / Math.sqrt(r.rrS)) * 1000);
    for (const v of qtc) expect(Math.abs(v - qtc[0])).toBeLessThanOrEqual(2);
    const k = slope(
      rows.map((r) => Math.log(r.rrS)),
      rows.map((r) => Math.log(r.fiducialQtS)),
    );
    expect(k).toBeGreaterThan(0.47);
    expect(k).toBeLessThan(0.53);
  });

  it('measured on the signal: QTc stays within ±12 ms across rates and the exponent is 0.5 ± 0.08', () => {
    const qtc = rows.map((r) => r.measured.qtcMs);
    const mean = qtc.reduce((a, b) => a + b, 0) / qtc.length;
    for (const v of qtc) expect(Math.abs(v - mean)).toBeLessThanOrEqual(12);
    const k = slope(
      rows.map((r) => Math.log(r.rrS)),
      rows.map((r) => Math.log(r.measured.qtMs)),
    );
    expect(k).toBeGreaterThan(0.42);
    expect(k).toBeLessThan(0.58);
  });

  it('PR changes only a little: ≤ 25 ms between 50 and 120 bpm, and shorter at the faster rate', () => {
    const prSlow = rows[0].fiducialPrS;
    const prFast = rows[rows.length - 1].fiducialPrS;
    expect(prFast).toBeLessThan(prSlow);
    expect((prSlow - prFast) * 1000).toBeLessThanOrEqual(25);
    for (const r of rows) expect(r.measured.pPresent).toBe(true);
    const measuredSpread = rows[0].measured.prMs - rows[rows.length - 1].measured.prMs;
    expect(measuredSpread).toBeGreaterThan(0);
    expect(measuredSpread).toBeLessThanOrEqual(25);
  });
});
