// The export's fast WFDB encoders give the io module's bytes: the one-pass format-16 encoder (bytes,
// first sample, checksum of mvToAdc + encodeFormat16 + wfdbChecksum) and the array-based .atr/.fid
// encoders (encodeAnnotations of the annotation objects), on synthesized records and edge values.
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../src/core/units.ts';
import {
  encodeBeatAnnotations,
  encodeFiducialAnnotations,
} from '../../src/dataset/wfdb-record-annotations.ts';
import { beatAnnotations, encodeDat16, fiducialAnnotations } from '../../src/dataset/wfdb-record-files.ts';
import { encodeAnnotations } from '../../src/io/wfdb-annotation.ts';
import { encodeFormat16, mvToAdc, wfdbChecksum } from '../../src/io/wfdb-signal.ts';
import { DEFAULT_PARAMS, synthesize } from '../../src/synth/index.ts';

function reference(signalMv: Float32Array) {
  const adc = mvToAdc(signalMv, 1000);
  return { dat: encodeFormat16([adc]), firstAdc: adc.length > 0 ? adc[0] : 0, checksum: wfdbChecksum(adc) };
}

describe('encodeDat16', () => {
  it('equals the io encoder on records of every class', () => {
    for (const className of CLASS_NAMES) {
      for (let seed = 0; seed < 20; seed++) {
        const { signalMv } = synthesize({ ...DEFAULT_PARAMS, className, seed });
        const fast = encodeDat16(signalMv, 1000);
        const ref = reference(signalMv);
        expect(Buffer.from(fast.dat).equals(Buffer.from(ref.dat)), `${className} ${seed}`).toBe(true);
        expect([fast.firstAdc, fast.checksum]).toEqual([ref.firstAdc, ref.checksum]);
      }
    }
  });

  it('equals it on halves, clamps, zeros and NaN', () => {
    const values: number[] = [0, -0, NaN, 32.767, -32.767, 32.7675, -32.7675, 40, -40, 1e-30, -1e-30];
    for (let k = -3000; k <= 3000; k++) values.push((k + 0.5) / 1000, k / 1000, (k + 0.4999) / 1000);
    const signal = new Float32Array(values);
    const fast = encodeDat16(signal, 1000);
    const ref = reference(signal);
    expect(Buffer.from(fast.dat).equals(Buffer.from(ref.dat))).toBe(true);
    expect(fast.checksum).toBe(ref.checksum);
    expect(encodeDat16(new Float32Array(0), 1000)).toEqual({
      dat: new Uint8Array(0),
      firstAdc: 0,
      checksum: 0,
    });
  });
});

describe('encodeBeatAnnotations / encodeFiducialAnnotations', () => {
  it('give the bytes of the io encoder on records of every class, 10 s and 30 s long', () => {
    for (const className of CLASS_NAMES) {
      for (let seed = 0; seed < 30; seed++) {
        const rec = synthesize({ ...DEFAULT_PARAMS, className, seed, durationS: seed % 3 === 0 ? 30 : 10 });
        const atr = encodeAnnotations(beatAnnotations(rec));
        const fid = encodeAnnotations(fiducialAnnotations(rec));
        expect(
          Buffer.from(encodeBeatAnnotations(rec)).equals(Buffer.from(atr)),
          `${className} ${seed} atr`,
        ).toBe(true);
        expect(
          Buffer.from(encodeFiducialAnnotations(rec)).equals(Buffer.from(fid)),
          `${className} ${seed} fid`,
        ).toBe(true);
      }
    }
  });

  it('write SKIP for gaps over 1023 samples, like the io encoder', () => {
    const rec = synthesize({ ...DEFAULT_PARAMS, seed: 3, heartRateBpm: 20, rrRecordSdS: 0, fsHz: 1000 });
    const atr = encodeAnnotations(beatAnnotations(rec));
    expect(atr.length).toBeGreaterThan(rec.rPeak.length * 2 + 6 + 4); // SKIP words are present
    expect(Buffer.from(encodeBeatAnnotations(rec)).equals(Buffer.from(atr))).toBe(true);
    expect(
      Buffer.from(encodeFiducialAnnotations(rec)).equals(
        Buffer.from(encodeAnnotations(fiducialAnnotations(rec))),
      ),
    ).toBe(true);
  });
});
