// The rhythm measurements of the analysis module on signals built here from Gaussian waves
// A·exp(−½((t − μ)/σ)²) placed at known R times, with atrial waves added as functions of time (a
// sawtooth for flutter, a phase-jittered sine for fibrillation), so the truth is known independently
// of the synthesizer.
import { describe, expect, it } from 'vitest';
import {
  atrialActivity,
  beatFeatures,
  classifyRhythm,
  detectRPeaks,
  initialQrsSlope,
  isoelectricLengths,
  medianBeat,
  rrStatistics,
  scoreDetections,
} from '../../src/analysis/index.ts';
import { createRng } from '../../src/core/rng.ts';

/** A Gaussian wave: amplitude (mV), centre relative to the R peak (s), width σ (s). */
type Wave = [ampMv: number, atS: number, sigmaS: number];

/** Lead II qRs complex and T wave (QRS ≈ 100 ms by the 5 % rule), and a P wave 170 ms before R. */
const QRST: Wave[] = [
  [-0.1, -0.03, 0.008],
  [1.1, 0, 0.01],
  [-0.25, 0.03, 0.009],
  [0.3, 0.26, 0.04],
];
const P: Wave = [0.15, -0.17, 0.02];
/**
 * Pre-excited beat: P wave, a slow delta wave rising monotonically into R (a wave that peaks before R
 * would make a notch, not a delta), wide S, discordant T. PR ≈ 90 ms, QRS ≈ 170 ms by the 5 % rule.
 */
const WPW: Wave[] = [
  [0.15, -0.15, 0.016],
  [0.4, -0.035, 0.03],
  [1.0, 0, 0.012],
  [-0.3, 0.04, 0.015],
  [-0.15, 0.26, 0.05],
];
/** A PVC: one wide negative deflection and a T wave of opposite (positive) direction. */
const PVC: Wave[] = [
  [-1.4, 0, 0.035],
  [0.45, 0.32, 0.06],
];

/** A record: beats (R time in s and waves) plus an optional atrial waveform and white noise. */
function render(
  fsHz: number,
  durationS: number,
  beats: { tS: number; waves: Wave[] }[],
  atrial: (tS: number) => number = () => 0,
  noiseMv = 0,
): Float32Array {
  const n = Math.round(durationS * fsHz);
  const x = new Float64Array(n);
  for (const { tS, waves } of beats) {
    for (const [a, at, s] of waves) {
      const c = tS + at;
      for (
        let i = Math.max(0, Math.floor((c - 6 * s) * fsHz));
        i <= Math.min(n - 1, (c + 6 * s) * fsHz);
        i++
      ) {
        x[i] += a * Math.exp(-0.5 * ((i / fsHz - c) / s) ** 2);
      }
    }
  }
  const rng = createRng(99);
  for (let i = 0; i < n; i++) x[i] += atrial(i / fsHz) + noiseMv * rng.normal();
  return Float32Array.from(x);
}

/** Beats at the given R times (s), all with the same waves. */
const at = (times: number[], waves: Wave[]) => times.map((tS) => ({ tS, waves }));
/** R times from `startS` every `rrS` seconds up to `endS`. */
function regular(startS: number, endS: number, rrS: number): number[] {
  const out: number[] = [];
  for (let t = startS; t <= endS; t += rrS) out.push(t);
  return out;
}
/** R times with RR drawn uniformly from [loS, hiS] (seeded). */
function irregular(startS: number, endS: number, loS: number, hiS: number, seed: number): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  for (let t = startS; t <= endS; t += loS + (hiS - loS) * rng.uniform()) out.push(t);
  return out;
}
/** Flutter: a sawtooth of `ppMv` peak to peak at `hz`, falling slowly over 75 % of the cycle. */
const sawtooth = (hz: number, ppMv: number) => (t: number) => {
  const ph = (t * hz) % 1;
  return ppMv * ((ph < 0.75 ? -ph / 0.75 : -1 + (ph - 0.75) / 0.25) + 0.5);
};
/** Fibrillation: a sine at `hz` whose phase random-walks (seeded), amplitude `ampMv`. */
function fWaves(hz: number, ampMv: number, fsHz: number, durationS: number, seed: number) {
  const rng = createRng(seed);
  const phase = new Float64Array(Math.round(durationS * fsHz) + 1);
  for (let i = 1; i < phase.length; i++)
    phase[i] = phase[i - 1] + (2 * Math.PI * hz) / fsHz + 0.02 * rng.normal();
  return (t: number) => ampMv * Math.sin(phase[Math.min(phase.length - 1, Math.round(t * fsHz))]);
}

describe('rrStatistics', () => {
  it('constant RR of 0.8 s: 75 bpm, no variability', () => {
    const s = rrStatistics(
      Int32Array.from({ length: 11 }, (_, k) => 400 * k),
      500,
    );
    expect(s).toMatchObject({ nBeats: 11, nIntervals: 10, pnn50: 0, rmssdS: 0 });
    expect(s.rrSdS).toBeCloseTo(0, 12);
    expect(s.rrCv).toBeCloseTo(0, 12);
    expect(s.rrMeanS).toBeCloseTo(0.8, 12);
    expect(s.heartRateBpm).toBeCloseTo(75, 9);
    expect(s.medianSuccessiveDiffRatio).toBe(0);
  });

  it('alternating 0.7/0.9 s: |ΔRR| = 0.2 s everywhere, median ratio 0.25, pNN50 = 1', () => {
    const r = [0];
    for (let k = 0; k < 10; k++) r.push(r[k] + (k % 2 === 0 ? 252 : 324)); // 0.7 and 0.9 s at 360 Hz
    const s = rrStatistics(r, 360);
    expect(s.rrMeanS).toBeCloseTo(0.8, 12);
    expect(s.medianAbsSuccessiveDiffS).toBeCloseTo(0.2, 12);
    expect(s.medianSuccessiveDiffRatio).toBeCloseTo(0.25, 12);
    expect(s.rmssdS).toBeCloseTo(0.2, 12);
    expect(s.pnn50).toBe(1);
    expect(s.rrMinS).toBeCloseTo(0.7, 12);
    expect(s.rrMaxS).toBeCloseTo(0.9, 12);
  });

  it('is NaN-valued with one beat', () => {
    const s = rrStatistics([100], 500);
    expect(s.nIntervals).toBe(0);
    expect(s.rrMeanS).toBeNaN();
    expect(s.medianSuccessiveDiffRatio).toBeNaN();
  });
});

describe('scoreDetections (EC57 beat-by-beat, ±150 ms)', () => {
  const ref = Array.from({ length: 20 }, (_, k) => 500 + 300 * k);
  it('counts detections within 150 ms as true positives, farther ones as FP + FN', () => {
    const near = scoreDetections(
      ref.map((r) => r + 50),
      ref,
      360,
    ); // 139 ms
    expect(near).toMatchObject({ tp: 20, fp: 0, fn: 0, sensitivity: 1, positivePredictivity: 1 });
    expect(near.meanAbsErrorS).toBeCloseTo(50 / 360, 12);
    const far = scoreDetections(
      ref.map((r) => r + 56),
      ref,
      360,
    ); // 156 ms
    expect(far).toMatchObject({ tp: 0, fp: 20, fn: 20 });
  });

  it('a missed beat and an extra detection', () => {
    const det = [...ref.slice(0, 5), 1900, ...ref.slice(6)];
    const s = scoreDetections(det, ref, 360);
    expect(s).toMatchObject({ tp: 19, fp: 1, fn: 1 });
    expect(s.sensitivity).toBeCloseTo(0.95, 12);
  });

  it('leaves a detection that is nearer the next reference beat to that beat', () => {
    expect(scoreDetections([1020, 1048], [1000, 1050], 360)).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    const s = scoreDetections([1048], [1000, 1050], 360);
    expect(s).toMatchObject({ tp: 1, fn: 1 });
    expect(s.meanAbsErrorS).toBeCloseTo(2 / 360, 12);
  });
});

describe('atrialActivity (QRST cancellation / QRS blanking)', () => {
  const fs = 360;
  const rTimes = irregular(0.5, 19.5, 0.55, 1.05, 3);
  const qrst = at(rTimes, QRST);
  const rPeaks = rTimes.map((t) => Math.round(t * fs));
  const qrsRms = (x: Float32Array) => {
    let ss = 0;
    let c = 0;
    for (const r of rPeaks) {
      for (let i = r - Math.round(0.05 * fs); i <= r + Math.round(0.05 * fs); i++) {
        ss += x[i] ** 2;
        c++;
      }
    }
    return Math.sqrt(ss / c);
  };

  it('cancels the QRST of irregular beats: 97 % of the QRS amplitude removed, < 15 µV rms left', () => {
    const x = render(fs, 20, qrst);
    const aa = atrialActivity(x, fs, rPeaks);
    expect(aa.nCancelled).toBe(rPeaks.length);
    expect(qrsRms(aa.residualMv)).toBeLessThan(0.03 * qrsRms(x));
    expect(qrsRms(aa.residualMv)).toBeLessThan(0.015);
  });

  it('finds a 6 Hz f wave of 0.05 mV under the QRST within 0.5 Hz (cancel and blank)', () => {
    const x = render(fs, 20, qrst, fWaves(6, 0.05, fs, 20, 4));
    const cancel = atrialActivity(x, fs, rPeaks);
    const blank = atrialActivity(x, fs, rPeaks, { method: 'blank' });
    expect(Math.abs(cancel.dominantHz - 6)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(blank.dominantHz - 6)).toBeLessThanOrEqual(0.5);
  });

  it('a regular 5 Hz flutter sawtooth: dominant frequency within 0.25 Hz, organised spectrum', () => {
    const beats = at(regular(0.52, 19.5, 0.8), QRST);
    const x = render(fs, 20, beats, sawtooth(5, 0.2));
    const r = beats.map((b) => Math.round(b.tS * fs));
    const blank = atrialActivity(x, fs, r, { method: 'blank' });
    expect(Math.abs(blank.dominantHz - 5)).toBeLessThanOrEqual(0.25);
    expect(blank.organizationIndex).toBeGreaterThan(0.5);
  });

  it('blanks a beat the template does not fit (a PVC) instead of subtracting it', () => {
    const beats = qrst.map((b, k) => (k === 8 ? { tS: b.tS, waves: PVC } : b));
    const aa = atrialActivity(render(fs, 20, beats), fs, rPeaks);
    expect(aa.nBlanked).toBe(1);
    expect(aa.nCancelled).toBe(rPeaks.length - 1);
  });
});

describe('isoelectricLengths', () => {
  const fs = 500;
  const beats = at(regular(0.6, 19.5, 1), [P, ...QRST]);
  it('a 60 bpm sinus rhythm has a flat TP segment ≥ 150 ms in every interval (also with 10 µV noise)', () => {
    for (const noise of [0, 0.01]) {
      const x = render(fs, 20, beats, undefined, noise);
      const iso = isoelectricLengths(x, fs, detectRPeaks(x, fs));
      expect(iso.medianMs).toBeGreaterThanOrEqual(150);
      expect(Math.min(...iso.perIntervalMs)).toBeGreaterThanOrEqual(150);
      expect(iso.fractionAtLeast40Ms).toBe(1);
    }
  });

  it('a continuous 5 Hz sawtooth (0.2 mV) leaves no flat run of 40 ms in any interval', () => {
    const x = render(fs, 20, at(regular(0.52, 19.5, 0.8), QRST), sawtooth(5, 0.2), 0.01);
    const iso = isoelectricLengths(x, fs, detectRPeaks(x, fs));
    expect(Math.max(...iso.perIntervalMs)).toBeLessThan(40);
    expect(iso.fractionAtLeast40Ms).toBe(0);
  });
});

describe('cancellation and blanking of 2:1 flutter, whose F waves are time-locked to the QRS', () => {
  it('QRST cancellation removes locked F waves with the average beat; QRS blanking keeps them at 5 Hz', () => {
    const fs = 500;
    const beats = at(regular(0.52, 19.5, 0.4), QRST);
    const x = render(fs, 20, beats, sawtooth(5, 0.2));
    const r = beats.map((b) => Math.round(b.tS * fs));
    const cancel = atrialActivity(x, fs, r);
    const blank = atrialActivity(x, fs, r, { method: 'blank' });
    const rms = (y: Float32Array) => Math.sqrt(y.reduce((s, v) => s + v * v, 0) / y.length);
    expect(rms(cancel.residualMv)).toBeLessThan(0.2 * rms(blank.residualMv));
    expect(Math.abs(blank.dominantHz - 5)).toBeLessThanOrEqual(0.25);
  });
});

describe('initialQrsSlope (delta wave)', () => {
  it('a delta wave makes the initial QRS slope < 35 % of the maximal slope and the upstroke ≥ 40 ms late', () => {
    const fs = 500;
    const measure = (waves: Wave[]) => {
      const x = render(fs, 10, at(regular(0.6, 9.4, 0.8), waves));
      const mb = medianBeat(x, fs, detectRPeaks(x, fs));
      return initialQrsSlope(mb.templateMv, fs, mb.rIndex);
    };
    const normal = measure([P, ...QRST]);
    const wpw = measure(WPW);
    expect(normal.slopeRatio).toBeGreaterThan(0.45);
    expect(normal.timeToSteepMs).toBeLessThan(35);
    expect(wpw.slopeRatio).toBeLessThan(0.35);
    expect(wpw.timeToSteepMs).toBeGreaterThanOrEqual(40);
    expect(wpw.maxSlopeMvPerS).toBeGreaterThan(0);
  });
});

describe('beatFeatures (PVC criteria)', () => {
  const fs = 500;
  for (const whiteMv of [0, 0.02]) {
    it(`an isolated PVC is premature, wide, T opposite, with a full pause; no sinus beat is (${whiteMv} mV noise)`, () => {
      const times = regular(0.6, 9.4, 0.8);
      const beats = times.map((tS, k) =>
        k === 6 ? { tS: tS - 0.32, waves: PVC } : { tS, waves: [P, ...QRST] },
      );
      const x = render(
        fs,
        10,
        beats,
        (t) => 0.2 * Math.sin(2 * Math.PI * 0.2 * t) * Math.sign(whiteMv),
        whiteMv,
      );
      const f = beatFeatures(x, fs, detectRPeaks(x, fs));
      const pvc = f.beats[6];
      expect(f.nPvcLike).toBe(1);
      expect(pvc.pvcLike).toBe(true);
      expect(pvc.prematurity).toBeCloseTo(0.6, 1);
      expect(pvc.pauseRatio).toBeCloseTo(2, 1);
      expect(pvc.qrsMs).toBeGreaterThanOrEqual(1.4 * f.sinusQrsMs);
      expect([pvc.qrsPolarity, pvc.tPolarity]).toEqual([-1, 1]);
      expect(f.sinusRrS).toBeCloseTo(0.8, 2);
      for (const b of f.beats.filter((_, k) => k !== 6)) {
        expect([b.pvcLike, b.qrsPolarity, b.tPolarity]).toEqual([false, 1, 1]);
      }
    });
  }

  it('bigeminy: every other beat a PVC, the sinus RR taken from the N-to-N spans', () => {
    const times = regular(0.6, 9.4, 0.8);
    const beats = times.map((tS, k) =>
      k % 2 === 1 ? { tS: tS - 0.3, waves: PVC } : { tS, waves: [P, ...QRST] },
    );
    const x = render(fs, 10, beats);
    const f = beatFeatures(x, fs, detectRPeaks(x, fs));
    expect(f.sinusRrS).toBeCloseTo(0.8, 2);
    const inner = f.beats.slice(1, -1);
    for (const [k, b] of inner.entries()) expect(b.pvcLike).toBe(k % 2 === 0);
  });
});

describe('classifyRhythm on constructed 10-s strips at 500 Hz, clean and with noise', () => {
  const fs = 500;
  /** Wander (0.2 mV at 0.2 Hz), 50 Hz mains (0.02 mV), added to 20 µV white noise. */
  const noisy = (atrial: (t: number) => number) => (t: number) =>
    atrial(t) + 0.2 * Math.sin(2 * Math.PI * 0.2 * t) + 0.02 * Math.sin(2 * Math.PI * 50 * t);
  const none = () => 0;
  const cases: [string, (extra: (t: number) => number, whiteMv: number) => Float32Array, string][] = [
    ['nsr', (e, w) => render(fs, 10, at(regular(0.4, 9.6, 0.8), [P, ...QRST]), e, w), 'sinus 75 bpm'],
    [
      'af',
      (e, w) => {
        const f = fWaves(6.5, 0.05, fs, 10, 6);
        return render(fs, 10, at(irregular(0.4, 9.6, 0.45, 1.0, 5), QRST), (t) => f(t) + e(t), w);
      },
      'irregular RR, 6.5 Hz f waves, no P',
    ],
    [
      'afl',
      (e, w) => render(fs, 10, at(regular(0.52, 9.6, 0.8), QRST), (t) => sawtooth(5, 0.2)(t) + e(t), w),
      '5 Hz flutter 4:1',
    ],
    [
      'afl',
      (e, w) => render(fs, 10, at(regular(0.52, 9.6, 0.4), QRST), (t) => sawtooth(5, 0.2)(t) + e(t), w),
      '5 Hz flutter 2:1',
    ],
    [
      'afl',
      (e, w) => {
        const rng = createRng(8);
        const times = [0.52];
        while (times[times.length - 1] < 9.4) {
          times.push(times[times.length - 1] + (2 + Math.floor(3 * rng.uniform())) / 4.5);
        }
        return render(fs, 10, at(times, QRST), (t) => sawtooth(4.5, 0.2)(t) + e(t), w);
      },
      '4.5 Hz flutter, variable 2-4:1',
    ],
    ['wpw', (e, w) => render(fs, 10, at(regular(0.4, 9.6, 0.8), WPW), e, w), 'short PR, delta wave'],
  ];
  for (const [expected, make, what] of cases) {
    for (const [label, extra, whiteMv] of [
      ['clean', none, 0],
      ['noisy', noisy(none), 0.02],
    ] as const) {
      it(`${what} (${label}) → ${expected}`, () => {
        const c = classifyRhythm(make(extra, whiteMv), fs);
        expect(c.rhythm, `${c.reason}: ${JSON.stringify(c.features)}`).toBe(expected);
      });
    }
  }
});
