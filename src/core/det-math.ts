/**
 * Deterministic elementary functions: exp, log, sin, cos and pow for positive bases, computed with
 * IEEE-754 additions, multiplications, divisions and exact operations only (Math.round, Math.floor,
 * bit access), so every JavaScript engine returns the same bits. `Math.exp`, `Math.sin` and friends
 * are not pinned by the language: Chromium and Node.js (different V8 versions) differ in the last bit
 * for a share of inputs, which after rounding to float32 changed about one sample in ten million of a
 * synthetic dataset made in the browser and by the CLI. The synthesizer uses these instead.
 *
 * Method (error within about 1 ulp on the ranges the synthesizer uses):
 * - exp: x = k·ln2 + r with ln2 in two parts (the first exact in k·ln2_hi), |r| ≤ ln2/2, then
 *   e^r = 1 + r + r·c/(2 − c) with c = r − r²·P(r²), P the degree-4 Remez fit of fdlibm's exp; 2^k by
 *   an exact table.
 * - log: x = 2^k·m with m in [√½, √2), f = m − 1, s = f/(2 + f); log m = f − f²/2 + s·(f²/2 + R(s²)),
 *   R the degree-7 fit of fdlibm's log; k·ln2 in two parts.
 * - sin, cos: n = round(x·2/π), r = x − n·π/2 with π/2 in three parts (exact products for |n| < 2^20),
 *   then the degree-13 sine and degree-14 cosine polynomials of fdlibm's kernels on the quadrant.
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign, exponent) word of a double in U32. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^(k) for k in [-1074, 1023], exact (built by doubling and halving). */
const POW2 = new Float64Array(1074 + 1024);
{
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) POW2[k + 1074] = p;
  p = 1;
  for (let k = 0; k >= -1074; k--, p /= 2) POW2[k + 1074] = p;
}

/** y·2^k, rounded once (k an integer). */
function scaleByPow2(y: number, k: number): number {
  if (k > 1023) return y * 2 * POW2[k - 1 + 1074];
  if (k < -1022) return y * POW2[k + 1022 + 1074] * POW2[-1022 + 1074];
  return y * POW2[k + 1074];
}

const LN2_HI = 6.9314718036912381649e-1; // 32 significant bits: k·LN2_HI is exact for |k| < 2^21
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const EXP_P1 = 1.66666666666666019037e-1;
const EXP_P2 = -2.77777777770155933842e-3;
const EXP_P3 = 6.61375632143793436117e-5;
const EXP_P4 = -1.6533902205465251539e-6;
const EXP_P5 = 4.13813679705723846039e-8;
const EXP_OVERFLOW = 709.782712893383973096;
const EXP_UNDERFLOW = -745.13321910194110842;

/** e^x, the same bits on every engine. */
export function detExp(x: number): number {
  if (x !== x) return NaN;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k === 0 ? y : scaleByPow2(y, k);
}

const LOG_L1 = 6.66666666666673513e-1;
const LOG_L2 = 3.999999999940941908e-1;
const LOG_L3 = 2.857142874366239149e-1;
const LOG_L4 = 2.222219843214978396e-1;
const LOG_L5 = 1.818357216161805012e-1;
const LOG_L6 = 1.531383769920937332e-1;
const LOG_L7 = 1.479819860511658591e-1;
const SQRT_HALF = 0.7071067811865476;
const TWO_54 = 18014398509481984;

/** Natural logarithm, the same bits on every engine. */
export function detLog(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_54; // subnormal: make it normal (exact)
    k = -54;
  }
  F64[0] = x;
  const high = U32[HI];
  k += (high >>> 20) - 1023;
  U32[HI] = (high & 0x000fffff) | 0x3ff00000; // the mantissa as m in [1, 2)
  let m = F64[0];
  if (m > 2 * SQRT_HALF) {
    m *= 0.5; // [√½, 1): exact
    k += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const odd = z * (LOG_L1 + w * (LOG_L3 + w * (LOG_L5 + w * LOG_L7)));
  const even = w * (LOG_L2 + w * (LOG_L4 + w * LOG_L6));
  const hfsq = 0.5 * f * f;
  const logM = f - (hfsq - s * (hfsq + odd + even));
  return k === 0 ? logM : k * LN2_HI + (logM + k * LN2_LO);
}

/** base^exponent for base > 0 (NaN for base ≤ 0), as e^(exponent·log base); the same bits everywhere. */
export function detPow(base: number, exponent: number): number {
  if (!(base > 0)) return NaN;
  if (exponent === 0 || base === 1) return 1;
  return detExp(exponent * detLog(base));
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417; // 33 significant bits: n·PIO2_1 exact for |n| < 2^20
const PIO2_2 = 6.0771005063039659766e-11; // 33 significant bits too
const PIO2_3 = 2.0222662487111664558e-21;
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;
const QUARTER_PI = 0.7853981633974483;
/** Largest |x| reduced exactly enough (|n| < 2^20); beyond it sin and cos throw. */
const MAX_REDUCED = 1.6e6;

/** sin on [−π/4, π/4]. */
function sinKernel(r: number): number {
  const z = r * r;
  return r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
}

/** cos on [−π/4, π/4]. */
function cosKernel(r: number): number {
  const z = r * r;
  const tail = z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + tail);
}

/** The last `reduce`'s x − n·π/2 (module state: no object per call in per-sample loops). */
let reducedR = 0;

/** Set `reducedR` to x − n·π/2 and return the quadrant n mod 4 (0..3), for |x| ≤ MAX_REDUCED. */
function reduce(x: number): number {
  if (!(Math.abs(x) <= MAX_REDUCED)) {
    throw new RangeError(`detSin/detCos: |x| = ${Math.abs(x)} is beyond ${MAX_REDUCED} (or not finite)`);
  }
  const n = Math.round(x * INV_PIO2);
  reducedR = x - n * PIO2_1 - n * PIO2_2 - n * PIO2_3;
  return n & 3;
}

/** sin(q·π/2 + r) for the quadrant q (0..3) and |r| ≤ π/4. */
function onQuadrant(q: number, r: number): number {
  if (q === 0) return sinKernel(r);
  if (q === 1) return cosKernel(r);
  return q === 2 ? -sinKernel(r) : -cosKernel(r);
}

/** sin x for |x| ≤ 1.6·10⁶ rad, the same bits on every engine. */
export function detSin(x: number): number {
  if (Math.abs(x) < QUARTER_PI) return sinKernel(x);
  const quadrant = reduce(x);
  return onQuadrant(quadrant, reducedR);
}

/** cos x for |x| ≤ 1.6·10⁶ rad (cos x = sin(x + π/2): one quadrant on), the same bits on every engine. */
export function detCos(x: number): number {
  if (Math.abs(x) < QUARTER_PI) return cosKernel(x);
  const quadrant = reduce(x);
  return onQuadrant((quadrant + 1) & 3, reducedR);
}
