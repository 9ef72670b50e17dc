/**
 * The beat model that the fitter matches to a template, as a least-squares problem: a baseline offset
 * plus five Gaussians A·exp(−½((t−μ)/σ)²) (P, Q, R, S, T, as in src/synth/beat-model.ts) plus, for
 * pre-excited (WPW) beats, the synthesizer's delta wave (src/synth/delta-wave.ts): a ramp from 0 at
 * μR − 2.5σR − D to its amplitude over D (the first fifth rounded), held to the R peak μR and then
 * decaying as a half Gaussian of σR. The delta wave is tied to R as in the synthesizer, so its onset
 * moves with R's position and width.
 * The Jacobian is analytic and sparse: each Gaussian is evaluated only within ±5σ (beyond, < 4·10⁻⁶ A),
 * and the normal equations are summed over the overlap of two columns' supports.
 */
import type { LeastSquaresProblem } from './levenberg-marquardt.ts';

/** Parameter vector layout: offset, then amp/position/width of P, Q, R, S, T, then delta amp and duration. */
export const OFFSET = 0;
/** Index of wave w's amplitude (mV); w = 0 P … 4 T. Position (s from R) and width σ (s) follow it. */
export const ampIndex = (w: number): number => 1 + 3 * w;
/** Index of wave w's position (s relative to the template's R sample). */
export const posIndex = (w: number): number => 2 + 3 * w;
/** Index of wave w's width σ (s). */
export const widthIndex = (w: number): number => 3 + 3 * w;
/** Index of the delta wave's amplitude (mV) and duration (s). */
export const DELTA_AMP = 16;
export const DELTA_DUR = 17;
/** Length of the parameter vector. */
export const N_PARAMS = 18;

const R_WAVE = 2;
const SPAN_SIGMAS = 5;
const BOUNDARY_SIGMAS = 2.5;
const ROUND = 0.2;

/** The data of a fit: samples `y` (mV) at `fsHz`, the first at `t0S` seconds from the R peak. */
export interface BeatData {
  y: Float64Array;
  t0S: number;
  fsHz: number;
  /** Whether the delta wave is part of the model. */
  delta: boolean;
}

/** The delta wave's unit shape at ramp fraction x (0…1) and its derivative dv/dx. */
function deltaRamp(x: number): [number, number] {
  if (x >= 1) return [1, 0];
  const k = 1 / (1 - ROUND / 2);
  return x < ROUND ? [(x * x * k) / (2 * ROUND), (x * k) / ROUND] : [(x - ROUND / 2) * k, k];
}

/** Sample index range [lo, hi] of the window covered by [fromS, toS]; lo > hi when empty. */
function span(d: BeatData, fromS: number, toS: number): [number, number] {
  const lo = Math.max(0, Math.ceil((fromS - d.t0S) * d.fsHz));
  const hi = Math.min(d.y.length - 1, Math.floor((toS - d.t0S) * d.fsHz));
  return [lo, hi];
}

/** Add the delta wave of parameters `x` to `out` (over the window of `d`). */
function addDelta(x: ArrayLike<number>, d: BeatData, out: Float64Array): void {
  const amp = x[DELTA_AMP];
  const dur = x[DELTA_DUR];
  const mu = x[posIndex(R_WAVE)];
  const sigma = x[widthIndex(R_WAVE)];
  const onset = mu - BOUNDARY_SIGMAS * sigma - dur;
  const [lo, hi] = span(d, onset, mu + SPAN_SIGMAS * sigma);
  for (let i = lo; i <= hi; i++) {
    const t = d.t0S + i / d.fsHz;
    if (t >= mu) {
      const z = (t - mu) / sigma;
      out[i] += amp * Math.exp(-0.5 * z * z);
    } else out[i] += amp * deltaRamp((t - onset) / dur)[0];
  }
}

/** Add Gaussian wave `w` of parameters `x` to `out` (over the window of `d`). */
function addWave(x: ArrayLike<number>, w: number, d: BeatData, out: Float64Array): void {
  const amp = x[ampIndex(w)];
  const mu = x[posIndex(w)];
  const sigma = x[widthIndex(w)];
  if (amp === 0) return;
  const [lo, hi] = span(d, mu - SPAN_SIGMAS * sigma, mu + SPAN_SIGMAS * sigma);
  if (hi < lo) return;
  // exp(−½u²/σ²) by recurrence along the samples: g(u+h) = g(u)·q, q(u+h) = q(u)·exp(−h²/σ²).
  const h = 1 / d.fsHz;
  const u0 = d.t0S + lo * h - mu;
  const s2 = sigma * sigma;
  let g = amp * Math.exp((-0.5 * u0 * u0) / s2);
  let q = Math.exp((-u0 * h - 0.5 * h * h) / s2);
  const step = Math.exp((-h * h) / s2);
  for (let i = lo; i <= hi; i++) {
    out[i] += g;
    g *= q;
    q *= step;
  }
}

/** The model's parts over the window: each wave, the delta wave (zeros without one) and the sum (with offset). */
export function modelParts(
  x: ArrayLike<number>,
  d: BeatData,
): { waves: Float64Array[]; delta: Float64Array; sum: Float64Array } {
  const n = d.y.length;
  const waves = [0, 1, 2, 3, 4].map((w) => {
    const out = new Float64Array(n);
    addWave(x, w, d, out);
    return out;
  });
  const delta = new Float64Array(n);
  if (d.delta) addDelta(x, d, delta);
  const sum = new Float64Array(n).fill(x[OFFSET]);
  for (const part of [...waves, delta]) for (let i = 0; i < n; i++) sum[i] += part[i];
  return { waves, delta, sum };
}

/** A sparse Jacobian column: values for samples lo … hi of the window. */
interface Column {
  lo: number;
  hi: number;
  v: Float64Array;
}

/** The least-squares problem of fitting the beat model to `d.y` (residual = model − data). */
export function beatProblem(d: BeatData): LeastSquaresProblem {
  const n = d.y.length;
  const model = new Float64Array(n);
  const cols: Column[] = Array.from({ length: N_PARAMS }, () => ({ lo: 0, hi: -1, v: new Float64Array(n) }));

  function cost(x: Float64Array): number {
    model.fill(x[OFFSET]);
    for (let w = 0; w < 5; w++) addWave(x, w, d, model);
    if (d.delta) addDelta(x, d, model);
    let s = 0;
    for (let i = 0; i < n; i++) s += (model[i] - d.y[i]) ** 2;
    return s;
  }

  /** Fill the columns of the waves, the delta wave and the offset, and the model. */
  function jacobian(x: Float64Array): void {
    model.fill(x[OFFSET]);
    for (const c of cols) c.hi = -1;
    const off = cols[OFFSET];
    off.lo = 0;
    off.hi = n - 1;
    off.v.fill(1);
    let dLo = 0;
    let dHi = -1;
    const muR = x[posIndex(R_WAVE)];
    const sigR = x[widthIndex(R_WAVE)];
    const dur = x[DELTA_DUR];
    const onset = muR - BOUNDARY_SIGMAS * sigR - dur;
    if (d.delta) [dLo, dHi] = span(d, onset, muR + SPAN_SIGMAS * sigR);
    for (let w = 0; w < 5; w++) {
      const amp = x[ampIndex(w)];
      const mu = x[posIndex(w)];
      const sigma = x[widthIndex(w)];
      let [lo, hi] = span(d, mu - SPAN_SIGMAS * sigma, mu + SPAN_SIGMAS * sigma);
      const ca = cols[ampIndex(w)];
      const cm = cols[posIndex(w)];
      const cs = cols[widthIndex(w)];
      ca.lo = lo;
      ca.hi = hi;
      if (w === R_WAVE && d.delta && dHi >= dLo) {
        lo = Math.min(lo, dLo);
        hi = Math.max(hi, dHi);
      }
      cm.lo = cs.lo = lo;
      cm.hi = cs.hi = hi;
      cm.v.fill(0, lo, hi + 1);
      cs.v.fill(0, lo, hi + 1);
      if (ca.hi < ca.lo) continue;
      const h = 1 / d.fsHz;
      const s2 = sigma * sigma;
      let u = d.t0S + ca.lo * h - mu;
      let g = Math.exp((-0.5 * u * u) / s2);
      let q = Math.exp((-u * h - 0.5 * h * h) / s2);
      const step = Math.exp((-h * h) / s2);
      const kMu = amp / s2;
      const kSigma = amp / (s2 * sigma);
      for (let i = ca.lo; i <= ca.hi; i++) {
        model[i] += amp * g;
        ca.v[i] = g;
        cm.v[i] = kMu * g * u;
        cs.v[i] = kSigma * g * u * u;
        g *= q;
        q *= step;
        u += h;
      }
    }
    const ca = cols[DELTA_AMP];
    const cd = cols[DELTA_DUR];
    ca.lo = cd.lo = dLo;
    ca.hi = cd.hi = dHi;
    if (!d.delta) return;
    const amp = x[DELTA_AMP];
    const cm = cols[posIndex(R_WAVE)];
    const cs = cols[widthIndex(R_WAVE)];
    for (let i = dLo; i <= dHi; i++) {
      const t = d.t0S + i / d.fsHz;
      if (t >= muR) {
        const u = t - muR;
        const v = Math.exp((-0.5 * u * u) / (sigR * sigR));
        model[i] += amp * v;
        ca.v[i] = v;
        cd.v[i] = 0;
        cm.v[i] += (amp * v * u) / (sigR * sigR);
        cs.v[i] += (amp * v * u * u) / (sigR * sigR * sigR);
      } else {
        const xr = (t - onset) / dur;
        const [v, dv] = deltaRamp(xr);
        model[i] += amp * v;
        ca.v[i] = v;
        cd.v[i] = xr < 1 ? (amp * dv * (1 - xr)) / dur : 0;
        cm.v[i] += xr < 1 ? (-amp * dv) / dur : 0;
        cs.v[i] += xr < 1 ? (amp * dv * BOUNDARY_SIGMAS) / dur : 0;
      }
    }
  }

  function normal(x: Float64Array, jtj: Float64Array, jtr: Float64Array): number {
    jacobian(x);
    let s = 0;
    for (let i = 0; i < n; i++) {
      model[i] -= d.y[i];
      s += model[i] * model[i];
    }
    for (let a = 0; a < N_PARAMS; a++) {
      const ca = cols[a];
      let g = 0;
      for (let i = ca.lo; i <= ca.hi; i++) g += ca.v[i] * model[i];
      jtr[a] = g;
      for (let b = a; b < N_PARAMS; b++) {
        const cb = cols[b];
        const lo = Math.max(ca.lo, cb.lo);
        const hi = Math.min(ca.hi, cb.hi);
        let h = 0;
        for (let i = lo; i <= hi; i++) h += ca.v[i] * cb.v[i];
        jtj[a * N_PARAMS + b] = h;
        jtj[b * N_PARAMS + a] = h;
      }
    }
    return s;
  }

  return { nParams: N_PARAMS, cost, normal };
}
