// The ECG analysis module on signals built here from Gaussian waves w(t) = A·exp(−½((t − μ)/σ)²) at known
// positions, so the truth is known independently of the synthesizer: facts, not implementation copies.
// Truth for wave bounds: the span where each Gaussian exceeds 5 % of its own peak, μ ± σ·√(2 ln 20).
import { describe, expect, it } from 'vitest';
import { delineateBeat, detectRPeaks, measureIntervals, medianBeat } from '../../src/analysis/index.ts';
import { createRng } from '../../src/core/rng.ts';

/** A Gaussian wave: amplitude (mV), centre relative to the R peak (s), width σ (s). */
interface Wave {
  ampMv: number;
  atS: number;
  sigmaS: number;
}

/** One beat: an optional P wave, the QRS waves (Q, R, S; R centred at 0) and a T wave. */
interface Beat {
  p: Wave | null;
  qrs: Wave[];
  t: Wave;
}

const w = (ampMv: number, atS: number, sigmaS: number): Wave => ({ ampMv, atS, sigmaS });

/** Typical lead II qRs beat: PR ≈ 199 ms, QRS ≈ 102 ms, QT ≈ 397 ms (5 % truth). */
const NORMAL: Beat = {
  p: w(0.15, -0.2, 0.02),
  qrs: [w(-0.12, -0.03, 0.008), w(1.2, 0, 0.01), w(-0.25, 0.03, 0.009)],
  t: w(0.3, 0.25, 0.04),
};

/** Other shapes and rates for the interval tests. */
const VARIANTS: { name: string; hrBpm: number; beat: Beat }[] = [
  {
    name: '50 bpm, long PR, broad T',
    hrBpm: 50,
    beat: {
      p: w(0.12, -0.26, 0.024),
      qrs: [w(-0.1, -0.028, 0.008), w(1.0, 0, 0.011), w(-0.2, 0.03, 0.01)],
      t: w(0.35, 0.3, 0.05),
    },
  },
  {
    name: '60 bpm, no Q wave',
    hrBpm: 60,
    beat: { p: w(0.1, -0.16, 0.018), qrs: [w(1.5, 0, 0.012), w(-0.4, 0.035, 0.01)], t: w(0.25, 0.26, 0.045) },
  },
  {
    name: '100 bpm',
    hrBpm: 100,
    beat: {
      p: w(0.15, -0.16, 0.018),
      qrs: [w(-0.1, -0.028, 0.007), w(1.1, 0, 0.009), w(-0.2, 0.026, 0.008)],
      t: w(0.25, 0.21, 0.035),
    },
  },
  {
    name: '120 bpm (T of one beat close to the next P)',
    hrBpm: 120,
    beat: {
      p: w(0.12, -0.14, 0.016),
      qrs: [w(1.0, 0, 0.009), w(-0.15, 0.026, 0.008)],
      t: w(0.2, 0.19, 0.03),
    },
  },
];

const Z5 = Math.sqrt(2 * Math.log(20));

/** True PR, QRS, QT and P duration (ms) by the 5 % rule. */
function truthMs(beat: Beat): { pr: number; qrs: number; qt: number; pDur: number } {
  const on = Math.min(...beat.qrs.map((q) => q.atS - Z5 * q.sigmaS));
  const off = Math.max(...beat.qrs.map((q) => q.atS + Z5 * q.sigmaS));
  const pOn = beat.p ? beat.p.atS - Z5 * beat.p.sigmaS : NaN;
  return {
    pr: (on - pOn) * 1000,
    qrs: (off - on) * 1000,
    qt: (beat.t.atS + Z5 * beat.t.sigmaS - on) * 1000,
    pDur: beat.p ? 2 * Z5 * beat.p.sigmaS * 1000 : NaN,
  };
}

/** Disturbances: wander (two sines below 0.5 Hz), mains, white noise. */
interface Noise {
  wanderMv?: number;
  mainsHz?: number;
  mainsMv?: number;
  whiteMv?: number;
  seed?: number;
}

const NOISY_50: Noise = { wanderMv: 0.3, mainsHz: 50, mainsMv: 0.1, whiteMv: 0.03 };
const NOISY_60: Noise = { wanderMv: 0.3, mainsHz: 60, mainsMv: 0.1, whiteMv: 0.03 };

/** A record of `durationS` at a constant rate; first R at 0.5 s, last at least 0.3 s before the end. */
function synth(fsHz: number, durationS: number, hrBpm: number, beat: Beat, noise: Noise = {}) {
  const n = Math.round(durationS * fsHz);
  const x = new Float64Array(n);
  const rTimesS: number[] = [];
  const waves = [...(beat.p ? [beat.p] : []), ...beat.qrs, beat.t];
  for (let tr = 0.5; tr <= durationS - 0.3; tr += 60 / hrBpm) {
    rTimesS.push(tr);
    for (const wave of waves) {
      const c = tr + wave.atS;
      const lo = Math.max(0, Math.floor((c - 6 * wave.sigmaS) * fsHz));
      const hi = Math.min(n - 1, Math.ceil((c + 6 * wave.sigmaS) * fsHz));
      for (let i = lo; i <= hi; i++)
        x[i] += wave.ampMv * Math.exp(-0.5 * ((i / fsHz - c) / wave.sigmaS) ** 2);
    }
  }
  const rng = createRng(noise.seed ?? 1);
  for (let i = 0; i < n; i++) {
    const t = i / fsHz;
    const wander = Math.sin(2 * Math.PI * 0.15 * t) + 0.5 * Math.sin(2 * Math.PI * 0.33 * t + 1);
    x[i] += (noise.wanderMv ?? 0) * wander;
    x[i] += (noise.mainsMv ?? 0) * Math.sin(2 * Math.PI * (noise.mainsHz ?? 50) * t);
    x[i] += (noise.whiteMv ?? 0) * rng.normal();
  }
  return { signalMv: Float32Array.from(x), rTimesS };
}

/** Largest distance (ms) from a detected peak to the nearest true R, and the number of true R matched. */
function matchPeaks(peaks: Int32Array, fsHz: number, rTimesS: number[], tolMs: number) {
  let worstMs = 0;
  let matched = 0;
  for (const t of rTimesS) {
    let best = Infinity;
    for (const p of peaks) best = Math.min(best, Math.abs(p / fsHz - t) * 1000);
    if (best <= tolMs) matched++;
  }
  for (const p of peaks) {
    let best = Infinity;
    for (const t of rTimesS) best = Math.min(best, Math.abs(p / fsHz - t) * 1000);
    worstMs = Math.max(worstMs, best);
  }
  return { worstMs, matched };
}

describe('detectRPeaks (Pan & Tompkins 1985 + R refinement)', () => {
  for (const fsHz of [100, 250, 360, 500, 1000]) {
    for (const [label, noise] of [
      ['clean', {}],
      ['wander + 50 Hz + 30 µV white', NOISY_50],
      ['wander + 60 Hz + 30 µV white', NOISY_60],
    ] as const) {
      it(`60 s at 72 bpm, ${fsHz} Hz, ${label}: 72 ± 1 beats, each within max(5 ms, 1 sample) of the true R`, () => {
        const { signalMv, rTimesS } = synth(fsHz, 60, 72, NORMAL, noise);
        expect(rTimesS.length).toBe(72);
        const peaks = detectRPeaks(signalMv, fsHz);
        expect(Math.abs(peaks.length - 72)).toBeLessThanOrEqual(1);
        for (let i = 1; i < peaks.length; i++) expect(peaks[i]).toBeGreaterThan(peaks[i - 1]);
        const tolMs = Math.max(5, 1000 / fsHz);
        const { worstMs, matched } = matchPeaks(peaks, fsHz, rTimesS, tolMs);
        expect(worstMs).toBeLessThanOrEqual(tolMs);
        expect(matched).toBeGreaterThanOrEqual(71);
      });
    }
  }

  it('follows rate changes and ignores tall T waves (no double counting)', () => {
    const fsHz = 500;
    const tallT: Beat = { ...NORMAL, t: w(0.7, 0.25, 0.04) };
    const a = synth(fsHz, 30, 55, tallT, { ...NOISY_50, seed: 3 });
    const b = synth(fsHz, 30, 130, { ...NORMAL, t: w(0.3, 0.18, 0.03) }, { ...NOISY_50, seed: 4 });
    const joined = new Float32Array(a.signalMv.length + b.signalMv.length);
    joined.set(a.signalMv);
    joined.set(b.signalMv, a.signalMv.length);
    const truth = [...a.rTimesS, ...b.rTimesS.map((t) => t + 30)];
    const peaks = detectRPeaks(joined, fsHz);
    const { worstMs, matched } = matchPeaks(peaks, fsHz, truth, 5);
    expect(Math.abs(peaks.length - truth.length)).toBeLessThanOrEqual(1);
    expect(worstMs).toBeLessThanOrEqual(5);
    expect(matched).toBeGreaterThanOrEqual(truth.length - 1);
  });

  it('finds nothing in a flat line and in a record too short to hold a beat', () => {
    expect(detectRPeaks(new Float32Array(5000), 500).length).toBe(0);
    expect(detectRPeaks(new Float32Array(3), 500).length).toBe(0);
  });

  it('is fast: 10 s at 500 Hz in well under a few ms', () => {
    const { signalMv } = synth(500, 10, 72, NORMAL, NOISY_50);
    for (let i = 0; i < 300; i++) detectRPeaks(signalMv, 500);
    const times: number[] = [];
    for (let i = 0; i < 101; i++) {
      const t0 = performance.now();
      detectRPeaks(signalMv, 500);
      times.push(performance.now() - t0);
    }
    times.sort((p, q) => p - q);
    console.log(`detectRPeaks, 10 s at 500 Hz: median ${times[50].toFixed(3)} ms per call`);
    // Typically ≈0.2 ms; the bound leaves room for slow CI machines.
    expect(times[50]).toBeLessThan(3);
  });
});

describe('medianBeat', () => {
  const fsHz = 500;

  it('aligns on R, skips beats whose window falls off the record, and removes baseline wander', () => {
    const clean = synth(fsHz, 60, 72, NORMAL);
    const wandering = synth(fsHz, 60, 72, NORMAL, { wanderMv: 0.5 });
    const peaks = clean.rTimesS.map((t) => Math.round(t * fsHz));
    const a = medianBeat(clean.signalMv, fsHz, peaks);
    const b = medianBeat(wandering.signalMv, fsHz, peaks);
    expect(a.rIndex).toBe(200);
    expect(a.templateMv.length).toBe(200 + 300 + 1);
    // The first beat (R at 0.5 s) fits; the last (R ≤ 0.3 s before the end) does not.
    expect(a.nBeats).toBe(71);
    // R height above the TP segment: 1.2 mV (the Q and S tails add < 2 µV at R).
    expect(a.templateMv[a.rIndex] - a.templateMv[a.rIndex - 150]).toBeCloseTo(1.2, 2);
    let worst = 0;
    for (let i = 0; i < a.templateMv.length; i++) {
      const d = b.templateMv[i] - b.templateMv[0] - (a.templateMv[i] - a.templateMv[0]);
      worst = Math.max(worst, Math.abs(d));
    }
    expect(worst).toBeLessThan(0.02);
  });

  it('is a median: a few corrupted beats do not change it', () => {
    const { signalMv, rTimesS } = synth(fsHz, 60, 72, NORMAL);
    const peaks = rTimesS.map((t) => Math.round(t * fsHz));
    const before = medianBeat(signalMv, fsHz, peaks);
    const corrupted = signalMv.slice();
    for (const k of [5, 20, 40, 60]) for (let i = 0; i < 20; i++) corrupted[peaks[k] + 100 + i] += 2;
    const after = medianBeat(corrupted, fsHz, peaks);
    let worst = 0;
    for (let i = 0; i < before.templateMv.length; i++) {
      worst = Math.max(worst, Math.abs(after.templateMv[i] - before.templateMv[i]));
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('returns a NaN template and nBeats 0 when no window fits', () => {
    const { signalMv } = synth(fsHz, 2, 72, NORMAL);
    const m = medianBeat(signalMv, fsHz, [10, 990]);
    expect(m.nBeats).toBe(0);
    expect(Number.isNaN(m.templateMv[0])).toBe(true);
  });
});

describe('delineateBeat on one noise-free beat', () => {
  const fsHz = 500;
  const rIndex = 200;
  /** A single beat sampled from R − 0.4 s to R + 0.6 s. */
  const template = (beat: Beat): Float64Array => {
    const x = new Float64Array(501);
    for (const wave of [...(beat.p ? [beat.p] : []), ...beat.qrs, beat.t]) {
      for (let i = 0; i < x.length; i++) {
        x[i] += wave.ampMv * Math.exp(-0.5 * (((i - rIndex) / fsHz - wave.atS) / wave.sigmaS) ** 2);
      }
    }
    return x;
  };

  it('places P, QRS and T bounds at the 5 % points (±5 ms; QRS ±8 ms) and measures amplitudes', () => {
    const d = delineateBeat(template(NORMAL), fsHz, rIndex, 60 / 72);
    const p = NORMAL.p!;
    expect(Math.abs(d.pOnS! - (p.atS - Z5 * p.sigmaS))).toBeLessThanOrEqual(0.005);
    expect(Math.abs(d.pOffS! - (p.atS + Z5 * p.sigmaS))).toBeLessThanOrEqual(0.005);
    expect(d.pPeakS).toBeCloseTo(p.atS, 3);
    expect(Math.abs(d.qrsOnS - (-0.03 - Z5 * 0.008))).toBeLessThanOrEqual(0.008);
    expect(Math.abs(d.qrsOffS - (0.03 + Z5 * 0.009))).toBeLessThanOrEqual(0.008);
    expect(d.tPeakS).toBeCloseTo(0.25, 3);
    expect(Math.abs(d.tOffS - (0.25 + Z5 * 0.04))).toBeLessThanOrEqual(0.005);
    expect(Math.abs(d.pAmpMv! - 0.15)).toBeLessThan(0.005);
    expect(Math.abs(d.tAmpMv - 0.3)).toBeLessThan(0.005);
    expect(Math.abs(d.rAmpMv - 1.2)).toBeLessThan(0.01);
    expect(Math.abs(d.isoMv)).toBeLessThan(0.002);
  });

  it('reports an inverted T wave with a negative amplitude and the same offset rule', () => {
    const d = delineateBeat(template({ ...NORMAL, t: w(-0.25, 0.26, 0.045) }), fsHz, rIndex);
    expect(d.tAmpMv).toBeLessThan(-0.24);
    expect(Math.abs(d.tOffS - (0.26 + Z5 * 0.045))).toBeLessThanOrEqual(0.005);
  });

  it('reports no P wave (null) when there is none, and keeps the rest', () => {
    const d = delineateBeat(template({ ...NORMAL, p: null }), fsHz, rIndex);
    expect(d.pOnS).toBeNull();
    expect(d.pPeakS).toBeNull();
    expect(d.pOffS).toBeNull();
    expect(d.pAmpMv).toBeNull();
    expect(Number.isFinite(d.qrsOnS) && Number.isFinite(d.tOffS)).toBe(true);
  });

  it('does not take a P wave below 0.03 mV', () => {
    const d = delineateBeat(template({ ...NORMAL, p: w(0.02, -0.2, 0.02) }), fsHz, rIndex);
    expect(d.pOnS).toBeNull();
  });
});

describe('measureIntervals', () => {
  // Tolerance for PR, QRS and QT against the 5 % truth: ±15 ms.
  const TOL_MS = 15;
  const check = (signalMv: Float32Array, fsHz: number, hrBpm: number, beat: Beat) => {
    const m = measureIntervals(signalMv, fsHz);
    const truth = truthMs(beat);
    expect(Math.abs(m.heartRateBpm - hrBpm)).toBeLessThan(0.5);
    expect(m.pPresent).toBe(true);
    expect(Math.abs(m.prMs - truth.pr)).toBeLessThanOrEqual(TOL_MS);
    expect(Math.abs(m.qrsMs - truth.qrs)).toBeLessThanOrEqual(TOL_MS);
    expect(Math.abs(m.qtMs - truth.qt)).toBeLessThanOrEqual(TOL_MS);
    expect(Math.abs(m.pDurationMs - truth.pDur)).toBeLessThanOrEqual(2 * TOL_MS);
    expect(Math.abs(m.pAmpMv - beat.p!.ampMv)).toBeLessThan(0.1 * beat.p!.ampMv + 0.005);
    expect(Math.abs(m.tAmpMv - beat.t.ampMv)).toBeLessThan(0.1 * Math.abs(beat.t.ampMv));
    return m;
  };

  for (const fsHz of [250, 360, 500, 1000]) {
    for (const [label, noise] of [
      ['clean', {}],
      ['wander + 50 Hz + 30 µV white', NOISY_50],
      ['wander + 60 Hz + 30 µV white', { ...NOISY_60, seed: 2 }],
    ] as const) {
      it(`72 bpm at ${fsHz} Hz, ${label}: PR, QRS, QT within ±15 ms`, () => {
        const { signalMv } = synth(fsHz, 60, 72, NORMAL, noise);
        const m = check(signalMv, fsHz, 72, NORMAL);
        expect(m.nBeats).toBe(72);
        expect(m.rrMeanS).toBeCloseTo(60 / 72, 2);
        expect(m.rrSdS).toBeLessThan(0.003);
        // Bazett: QTc = QT / √RR (RR in s).
        expect(m.qtcMs).toBeCloseTo(m.qtMs / Math.sqrt(m.rrMeanS), 6);
        expect(Math.abs(m.rAmpMv - 1.2)).toBeLessThan(0.1);
      });
    }
  }

  for (const v of VARIANTS) {
    it(`${v.name}, 500 Hz, wander + 50 Hz + 20 µV white: PR, QRS, QT within ±15 ms`, () => {
      const { signalMv } = synth(500, 60, v.hrBpm, v.beat, { ...NOISY_50, whiteMv: 0.02, seed: 5 });
      check(signalMv, 500, v.hrBpm, v.beat);
    });
  }

  for (const [label, noise] of [
    ['clean', {}],
    ['wander + 50 Hz + 30 µV', NOISY_50],
    ['0.5 mV wander + 60 Hz + 50 µV', { ...NOISY_60, wanderMv: 0.5, whiteMv: 0.05, seed: 9 }],
  ] as const) {
    it(`reports P absent when the beats have no P wave (${label})`, () => {
      for (const fsHz of [250, 500]) {
        const { signalMv } = synth(fsHz, 60, 72, { ...NORMAL, p: null }, noise);
        const m = measureIntervals(signalMv, fsHz);
        expect(m.pPresent).toBe(false);
        expect(Number.isNaN(m.prMs)).toBe(true);
        expect(Number.isNaN(m.pDurationMs)).toBe(true);
        expect(Number.isNaN(m.pAmpMv)).toBe(true);
        expect(Math.abs(m.qrsMs - truthMs(NORMAL).qrs)).toBeLessThanOrEqual(TOL_MS);
      }
    });
  }

  it('throws a clear error when no beat is detected', () => {
    expect(() => measureIntervals(new Float32Array(5000), 500)).toThrow(/no beats detected in/);
  });
});
