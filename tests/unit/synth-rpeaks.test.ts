// R-peaks counted by an independent detector on the signal match the requested heart rate.
import { describe, expect, it } from 'vitest';
import { detectRPeaks } from '../../src/analysis/index.ts';
import { DEFAULT_PARAMS, synthesize, validateParams } from '../../src/synth/index.ts';

describe('heart rate: 60 s at a requested rate gives that many R-peaks ±1', () => {
  const cases = [
    { heartRateBpm: 50, fsHz: 250 },
    { heartRateBpm: 72, fsHz: 500 },
    { heartRateBpm: 90, fsHz: 360 },
    { heartRateBpm: 120, fsHz: 1000 },
    { heartRateBpm: 60, fsHz: 100 },
  ];
  for (const c of cases) {
    it(`${c.heartRateBpm} bpm at ${c.fsHz} Hz, default noise`, () => {
      for (const seed of [1, 2, 3]) {
        // rrRecordSdS = 0: the record's mean rate is exactly the requested one (HRV and jitter stay on).
        const params = validateParams({ ...c, durationS: 60, rrRecordSdS: 0, seed }, DEFAULT_PARAMS);
        const rec = synthesize(params);
        const detected = detectRPeaks(rec.signalMv, c.fsHz);
        expect(Math.abs(detected.length - c.heartRateBpm)).toBeLessThanOrEqual(1);
        // The annotated R peaks agree with the detector's, beat for beat, within 10 ms.
        expect(detected.length).toBe(rec.rPeak.length);
        for (let i = 0; i < detected.length; i++) {
          expect(Math.abs(detected[i] - rec.rPeak[i]) / c.fsHz).toBeLessThanOrEqual(0.01);
        }
      }
    });
  }
});
