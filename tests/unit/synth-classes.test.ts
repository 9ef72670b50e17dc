// Each class is what it claims: for 200 seeded records per class, with noise `none` and with default
// noise, every criterion is measured on the signal by the analysis module (never read from the
// generator's parameters or annotations).
import { describe, expect, it } from 'vitest';
import {
  atrialActivity,
  beatFeatures,
  detectRPeaks,
  initialQrsSlope,
  isoelectricLengths,
  measureIntervals,
  medianBeat,
  pWaveConsistency,
  rrStatistics,
  delineateBeat,
  denoiseEcg,
} from '../../src/analysis/index.ts';
import type { ClassName } from '../../src/core/units.ts';
import { DEFAULT_PARAMS, synthesize, withoutNoise, type SynthParams } from '../../src/synth/index.ts';

const RECORDS = 200;

/** Share of records (seeds 0..RECORDS-1) for which `check` holds; failures listed for the message. */
function share(params: SynthParams, check: (signal: Float32Array, fsHz: number) => string | null) {
  let pass = 0;
  const failures: string[] = [];
  for (let seed = 0; seed < RECORDS; seed++) {
    const rec = synthesize({ ...params, seed });
    const why = check(rec.signalMv, rec.fsHz);
    if (why === null) pass++;
    else if (failures.length < 8) failures.push(`seed ${seed}: ${why}`);
  }
  return { rate: pass / RECORDS, message: failures.join('\n') };
}

function forNoise(
  className: ClassName,
  name: string,
  minRate: number,
  check: (x: Float32Array, fs: number) => string | null,
  extra: Partial<SynthParams> = {},
) {
  for (const noise of ['none', 'default'] as const) {
    it(`${className}: ${name} (noise ${noise}) in ≥ ${minRate * 100} % of records`, () => {
      const base = { ...DEFAULT_PARAMS, ...extra, className };
      const { rate, message } = share(noise === 'none' ? withoutNoise(base) : base, check);
      expect(rate, message).toBeGreaterThanOrEqual(minRate);
    });
  }
}

describe('the classes measure as what they claim', () => {
  forNoise(
    'nsr',
    'P present, PR 120-200 ms, QRS < 120 ms, RR successive differences < 5 % of RR',
    0.95,
    (x, fs) => {
      const m = measureIntervals(x, fs);
      const rr = rrStatistics(detectRPeaks(x, fs), fs);
      const maxDiff = rr.rrMaxS - rr.rrMinS;
      if (!m.pPresent) return 'no P';
      if (!(m.prMs >= 120 && m.prMs <= 200)) return `PR ${m.prMs.toFixed(0)}`;
      if (!(m.qrsMs < 120)) return `QRS ${m.qrsMs.toFixed(0)}`;
      if (!(rr.medianSuccessiveDiffRatio < 0.05))
        return `ΔRR ${rr.medianSuccessiveDiffRatio.toFixed(3)} (range ${maxDiff.toFixed(3)} s)`;
      return null;
    },
  );

  forNoise(
    'af',
    'no consistent P, irregular RR (CV > 0.08, median ΔRR > 6 %), atrial activity at 4-9 Hz',
    0.95,
    (x, fs) => {
      const peaks = detectRPeaks(x, fs);
      const rr = rrStatistics(peaks, fs);
      const aa = atrialActivity(x, fs, peaks);
      const p = pWaveConsistency(x, fs, peaks);
      // "Consistent" = the median beat's P repeats in ≥ 70 % of beats (sinus records measure 1.0; in AF,
      // f-waves match a P-sized window by chance in up to about half the beats).
      if (!(p.fraction < 0.7)) return `P consistent in ${(p.fraction * 100).toFixed(0)} % of beats`;
      if (!(rr.rrCv > 0.08)) return `CV ${rr.rrCv.toFixed(3)}`;
      if (!(rr.medianSuccessiveDiffRatio > 0.06)) return `ΔRR ${rr.medianSuccessiveDiffRatio.toFixed(3)}`;
      if (!(aa.dominantHz >= 4 && aa.dominantHz <= 9)) return `atrial peak ${aa.dominantHz.toFixed(2)} Hz`;
      return null;
    },
  );

  const flutterCheck = (x: Float32Array, fs: number): string | null => {
    const peaks = detectRPeaks(x, fs);
    // QRS blanking, not QRST cancellation: with fixed conduction the F-waves are time-locked to the QRS
    // and an average-beat subtraction would remove them with the QRST.
    const aa = atrialActivity(x, fs, peaks, { method: 'blank' });
    const iso = isoelectricLengths(x, fs, peaks);
    if (!(aa.dominantHz >= 4 && aa.dominantHz <= 5.7)) return `atrial peak ${aa.dominantHz.toFixed(2)} Hz`;
    if (iso.fractionAtLeast40Ms > 0)
      return `isoelectric ≥ 40 ms in ${(iso.fractionAtLeast40Ms * 100).toFixed(0)} % of RR`;
    const cycleS = 1 / aa.dominantHz;
    for (let i = 1; i < peaks.length; i++) {
      const ratio = (peaks[i] - peaks[i - 1]) / fs / cycleS;
      if (Math.abs(ratio - Math.round(ratio)) > 0.05 * Math.round(ratio))
        return `RR/cycle ${ratio.toFixed(2)}`;
    }
    return null;
  };
  forNoise(
    'afl',
    'no isoelectric segment ≥ 40 ms, atrial peak 4-5.7 Hz, RR a multiple of the flutter cycle',
    0.9,
    flutterCheck,
  );
  forNoise('afl', 'the same with 2:1 conduction (F-waves hidden in T)', 0.7, flutterCheck, {
    aflConduction: '2:1',
  });

  forNoise('pvc', 'a premature, wide beat with opposite T and a compensatory pause', 0.95, (x, fs) => {
    const f = beatFeatures(x, fs, detectRPeaks(x, fs));
    const ok = f.beats.some(
      (b) =>
        b.prematurity < 0.88 &&
        b.qrsMs >= 1.4 * f.sinusQrsMs &&
        b.tPolarity === -b.qrsPolarity &&
        b.tPolarity !== 0 &&
        (b.rrPreS + b.rrPostS) / f.sinusRrS >= 1.8,
    );
    return ok ? null : `no PVC-like beat among ${f.beats.length} (sinus QRS ${f.sinusQrsMs.toFixed(0)} ms)`;
  });

  /** Initial QRS slope ratio of a record's median beat (slower upstroke = smaller). */
  const slopeRatio = (x: Float32Array, fs: number) => {
    const clean = denoiseEcg(x, fs);
    const mb = medianBeat(clean, fs, detectRPeaks(x, fs));
    const d = delineateBeat(mb.templateMv, fs, mb.rIndex);
    return initialQrsSlope(mb.templateMv, fs, mb.rIndex, d).slopeRatio;
  };
  const nsrSlopes: number[] = [];
  for (let seed = 0; seed < 40; seed++) {
    const rec = synthesize({ ...DEFAULT_PARAMS, seed });
    nsrSlopes.push(slopeRatio(rec.signalMv, rec.fsHz));
  }
  const nsrMedianSlope = nsrSlopes.sort((a, b) => a - b)[20];

  forNoise('wpw', 'PR < 120 ms, QRS ≥ 110 ms, initial QRS slope under half of nsr’s', 0.95, (x, fs) => {
    const m = measureIntervals(x, fs);
    if (!(m.prMs < 120)) return `PR ${m.prMs.toFixed(0)}`;
    if (!(m.qrsMs >= 110)) return `QRS ${m.qrsMs.toFixed(0)}`;
    const s = slopeRatio(x, fs);
    if (!(s < 0.5 * nsrMedianSlope)) return `slope ratio ${s.toFixed(3)} vs nsr ${nsrMedianSlope.toFixed(3)}`;
    return null;
  });
});

describe('labels of the classes', () => {
  it('every 10-s pvc record holds a complete PVC (V beat with QRS onset and T offset inside the record)', () => {
    for (const pattern of ['any', 'isolated', 'bigeminy', 'trigeminy', 'couplets'] as const) {
      for (let seed = 0; seed < 100; seed++) {
        const rec = synthesize({ ...DEFAULT_PARAMS, className: 'pvc', pvcPattern: pattern, seed });
        const complete = rec.beatSymbol.some(
          (s, i) => s === 'V' && rec.fiducials.qrsOn[i] >= 0 && rec.fiducials.tOff[i] >= 0,
        );
        expect(complete, `${pattern} seed ${seed}`).toBe(true);
      }
    }
  });

  it('rhythm notes name the class, and bigeminy/trigeminy get (B / (T', () => {
    const aux = (p: Partial<SynthParams>) => synthesize({ ...DEFAULT_PARAMS, ...p }).rhythm.map((r) => r.aux);
    expect(aux({ className: 'nsr' })).toEqual(['(N']);
    expect(aux({ className: 'af' })).toEqual(['(AFIB']);
    expect(aux({ className: 'afl' })).toEqual(['(AFL']);
    expect(aux({ className: 'wpw' })).toEqual(['(PREX']);
    expect(aux({ className: 'pvc', pvcPattern: 'bigeminy' })).toEqual(['(B']);
    expect(aux({ className: 'pvc', pvcPattern: 'trigeminy' })).toEqual(['(T']);
    expect(aux({ className: 'pvc', pvcPattern: 'isolated' })).toEqual(['(N']);
  });

  it('bigeminy alternates N and V; afl records list F-waves at the flutter rate', () => {
    const big = synthesize({
      ...DEFAULT_PARAMS,
      className: 'pvc',
      pvcPattern: 'bigeminy',
      durationS: 30,
      seed: 3,
    });
    const s = big.beatSymbol.join('');
    expect(s).toMatch(/(NV){5,}/);
    const afl = synthesize({
      ...DEFAULT_PARAMS,
      className: 'afl',
      aflRateBpmRecordSd: 0,
      aflRateBpm: 300,
      seed: 3,
    });
    const gaps = Array.from(afl.atrialWaves.subarray(1), (v, i) => (v - afl.atrialWaves[i]) / afl.fsHz);
    for (const g of gaps) expect(Math.abs(g - 0.2)).toBeLessThanOrEqual(1 / afl.fsHz);
  });
});
