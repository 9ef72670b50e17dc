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
      const m = measureIntervals(x, fs);
      const rr = rrStatistics(peaks, fs);
      const aa = atrialActivity(x, fs, peaks);
      if (m.pPresent) return 'P present';
      if (!(rr.rrCv > 0.08)) return `CV ${rr.rrCv.toFixed(3)}`;
      if (!(rr.medianSuccessiveDiffRatio > 0.06)) return `ΔRR ${rr.medianSuccessiveDiffRatio.toFixed(3)}`;
      if (!(aa.dominantHz >= 4 && aa.dominantHz <= 9)) return `atrial peak ${aa.dominantHz.toFixed(2)} Hz`;
      return null;
    },
  );

  const flutterCheck = (x: Float32Array, fs: number): string | null => {
    const peaks = detectRPeaks(x, fs);
    const aa = atrialActivity(x, fs, peaks);
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
