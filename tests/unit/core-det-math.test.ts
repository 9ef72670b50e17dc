// The deterministic elementary functions (src/core/det-math.ts): within an ulp or so of Math.* on the
// ranges the synthesizer uses, right at the special values, and pinned bit for bit by a hash of many
// outputs (the browser-vs-CLI export e2e checks that Chromium gives the same bits).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detCos, detExp, detLog, detPow, detSin } from '../../src/core/det-math.ts';

/** A fixed stream of uniforms in [0, 1) (an LCG: the inputs themselves must not depend on Math.*). */
function uniforms(n: number, seed = 7): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s / 4294967296;
  }
  return out;
}

/** Largest |a − b| in units of b's last place, over the inputs. */
function maxUlps(f: (x: number) => number, ref: (x: number) => number, xs: Float64Array): number {
  let worst = 0;
  for (const x of xs) {
    const a = f(x);
    const b = ref(x);
    if (a === b) continue;
    const ulp = Math.max(Math.abs(b) * 2 ** -52, Number.MIN_VALUE);
    worst = Math.max(worst, Math.abs(a - b) / ulp);
  }
  return worst;
}

const u = uniforms(200_000);
const map = (g: (v: number) => number) => u.map(g);

describe('deterministic elementary functions', () => {
  it('stay within about an ulp of Math.* over the synthesizer ranges', () => {
    expect(
      maxUlps(
        detExp,
        Math.exp,
        map((v) => v * 1400 - 700),
      ),
    ).toBeLessThanOrEqual(1);
    expect(
      maxUlps(
        detLog,
        Math.log,
        map((v) => 10 ** (v * 40 - 20)),
      ),
    ).toBeLessThanOrEqual(1);
    expect(
      maxUlps(
        detLog,
        Math.log,
        map((v) => 0.9 + 0.2 * v),
      ),
    ).toBeLessThanOrEqual(1);
    for (const [f, ref] of [
      [detSin, Math.sin],
      [detCos, Math.cos],
    ] as const) {
      expect(
        maxUlps(
          f,
          ref,
          map((v) => v * 20 - 10),
        ),
      ).toBeLessThanOrEqual(1.5);
      // Phases of long records (rr modulation, drifts): hundreds to thousands of radians.
      let worstAbs = 0;
      for (const v of u) worstAbs = Math.max(worstAbs, Math.abs(f(v * 8000 - 4000) - ref(v * 8000 - 4000)));
      expect(worstAbs).toBeLessThan(3e-16);
    }
    expect(
      maxUlps(
        (x) => detPow(x, 0.4),
        (x) => x ** 0.4,
        map((v) => 0.2 + 3 * v),
      ),
    ).toBeLessThanOrEqual(2);
    expect(
      maxUlps(
        (x) => detPow(10, x),
        (x) => 10 ** x,
        map((v) => v * 6 - 3),
      ),
    ).toBeLessThanOrEqual(8);
  });

  it('give the right special values', () => {
    expect([detExp(0), detExp(-Infinity), detExp(Infinity), detExp(800), detExp(-800)]).toEqual([
      1,
      0,
      Infinity,
      Infinity,
      0,
    ]);
    expect(detExp(NaN)).toBeNaN();
    expect(detExp(-740)).toBeGreaterThan(0); // subnormal results are kept
    expect(detExp(-740) / Math.exp(-740)).toBeCloseTo(1, 10);
    expect([detLog(1), detLog(0), detLog(Infinity)]).toEqual([0, -Infinity, Infinity]);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(5e-324) / Math.log(5e-324)).toBeCloseTo(1, 12); // the smallest subnormal
    expect(detLog(2)).toBe(Math.LN2);
    expect([detSin(0), detCos(0), detPow(7, 0), detPow(1, 123)]).toEqual([0, 1, 1, 1]);
    expect(detPow(-2, 0.5)).toBeNaN();
    expect(detSin(Math.PI / 2)).toBe(1);
    expect(() => detSin(1e7)).toThrow(/beyond/);
    expect(() => detCos(NaN)).toThrow(/not finite/);
  });

  it('are pinned bit for bit', () => {
    const hash = createHash('sha256');
    const out = new Float64Array(5);
    for (const v of u.subarray(0, 50_000)) {
      out[0] = detExp(v * 60 - 30);
      out[1] = detLog(v * 1e3 + 1e-6);
      out[2] = detSin(v * 4000 - 2000);
      out[3] = detCos(v * 20 - 10);
      out[4] = detPow(v * 3 + 0.1, 0.37);
      hash.update(new Uint8Array(out.buffer));
    }
    expect(hash.digest('hex')).toBe('4f5b5c68aae252c8339565189b68cf8d542ffa995d19b67e056dc0601e6cf476');
  });
});
