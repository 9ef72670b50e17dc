/**
 * Bounded Levenberg-Marquardt for small nonlinear least-squares problems (Levenberg K. Q Appl Math
 * 1944;2:164-8; Marquardt DW. J Soc Ind Appl Math 1963;11:431-41), in the form of Nocedal & Wright,
 * Numerical Optimization (2nd ed., §10.3):
 * - each iteration solves the damped normal equations (JᵀJ + λ·D) δ = −Jᵀr by Cholesky, with D the
 *   diagonal of JᵀJ (Marquardt's scale invariance; floored at 1e-12 × its largest entry so that a
 *   parameter without influence stays put);
 * - bounds by projection: the trial point is clamped into [lower, upper], and a parameter that sits on
 *   a bound while the gradient pushes it outwards is held fixed for that iteration (a projected,
 *   active-set step);
 * - a trial that lowers the cost is taken and λ is scaled by max(1/3, 1 − (2ρ − 1)³), ρ the ratio of
 *   the actual to the predicted cost decrease; a trial that does not is refused and λ grows by ν
 *   (2, doubling on each refusal in a row) (Nielsen HB. Damping parameter in Marquardt's method.
 *   IMM-REP-1999-05, DTU 1999);
 * - stop when the projected gradient is below `gradTol` (scaled by the cost), the accepted step is
 *   below `stepTol` relative to the parameters, the relative cost decrease is below `costTol`, λ
 *   exceeds 1e12 (no descent direction left), or after `maxIterations` accepted steps.
 * The caller supplies the cost and the normal equations (so that a sparse Jacobian never has to be
 * stored); parameters may be masked out (`free`) to fix them.
 */
import type { AbortSignalLike } from '../../core/abort.ts';

/** A least-squares problem in `nParams` parameters: cost = Σ r², r = model − data. */
export interface LeastSquaresProblem {
  nParams: number;
  /** The cost Σ r² at `x`. */
  cost(x: Float64Array): number;
  /**
   * The Gauss-Newton normal equations at `x`: JᵀJ into `jtj` (nParams × nParams, row-major) and Jᵀr
   * into `jtr`; returns the cost at `x`.
   */
  normal(x: Float64Array, jtj: Float64Array, jtr: Float64Array): number;
}

/** Options of `levenbergMarquardt`. */
export interface LmOptions {
  /** Lower and upper bounds per parameter (−Infinity / Infinity for none). */
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  /** Which parameters are fitted; the others keep their start value. Default: all. */
  free?: ArrayLike<boolean>;
  /** Most accepted steps; default 100. */
  maxIterations?: number;
  /** Starting damping; default 1e-3. */
  lambda0?: number;
  /** Relative cost decrease below which the fit has converged; default 1e-10. */
  costTol?: number;
  /** Step size, relative to |x| + 1e-6, below which the fit has converged; default 1e-8. */
  stepTol?: number;
  /** Largest projected gradient component over the cost below which the fit has converged; default 1e-10. */
  gradTol?: number;
  signal?: AbortSignalLike;
}

/** Why the iteration stopped. */
export type LmStop = 'gradient' | 'step' | 'cost' | 'damping' | 'iterations' | 'zero-cost';

/** The outcome of a fit. */
export interface LmResult {
  x: Float64Array;
  cost: number;
  /** Accepted steps taken. */
  iterations: number;
  /** Cost evaluations (trial points) including rejected ones. */
  evaluations: number;
  stop: LmStop;
  /** Whether a convergence test (not the iteration or damping limit) stopped the fit. */
  converged: boolean;
}

const LAMBDA_MAX = 1e12;
const LAMBDA_MIN = 1e-15;
const MIN_SHRINK = 1 / 3;

/** Solve A z = b in place (b ← z) for a symmetric positive-definite m × m matrix A (overwritten). */
function choleskySolve(a: Float64Array, b: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j];
    for (let k = 0; k < j; k++) d -= a[j * m + k] * a[j * m + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = s / ljj;
    }
  }
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * m + k] * b[k];
    b[i] = s / a[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= a[k * m + i] * b[k];
    b[i] = s / a[i * m + i];
  }
  return true;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Minimise `problem`'s cost from `x0` within the bounds of `options` (method in the module comment).
 * The start point is clamped into the bounds first. Returns the best point found.
 */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  x0: ArrayLike<number>,
  options: LmOptions,
): LmResult {
  const n = problem.nParams;
  const { lower, upper } = options;
  const maxIterations = options.maxIterations ?? 100;
  const costTol = options.costTol ?? 1e-10;
  const stepTol = options.stepTol ?? 1e-8;
  const gradTol = options.gradTol ?? 1e-10;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = clamp(x0[i], lower[i], upper[i]);
  const free = (i: number): boolean => (options.free === undefined ? true : options.free[i]);

  let jtj = new Float64Array(n * n);
  let jtr = new Float64Array(n);
  // The normal equations at the trial point: computed with its cost, kept when the trial is taken.
  let jtjTrial = new Float64Array(n * n);
  let jtrTrial = new Float64Array(n);
  const active = new Int32Array(n);
  const a = new Float64Array(n * n);
  const delta = new Float64Array(n);
  const trial = new Float64Array(n);
  let lambda = options.lambda0 ?? 1e-3;
  let nu = 2;
  let cost = problem.normal(x, jtj, jtr);
  let evaluations = 1;
  let iterations = 0;
  let stop: LmStop = 'iterations';

  outer: while (iterations < maxIterations) {
    options.signal?.throwIfAborted();
    if (cost === 0) {
      stop = 'zero-cost';
      break;
    }
    // Active set: free parameters not pinned to a bound by an outward gradient (−Jᵀr is the descent).
    let m = 0;
    let gradMax = 0;
    for (let i = 0; i < n; i++) {
      if (!free(i)) continue;
      const g = jtr[i];
      if ((x[i] <= lower[i] && g > 0) || (x[i] >= upper[i] && g < 0)) continue;
      active[m++] = i;
      gradMax = Math.max(gradMax, Math.abs(g));
    }
    if (m === 0 || gradMax <= gradTol * cost) {
      stop = 'gradient';
      break;
    }
    let diagMax = 0;
    for (let p = 0; p < m; p++) diagMax = Math.max(diagMax, jtj[active[p] * n + active[p]]);
    const floor = Math.max(1e-12 * diagMax, 1e-300);
    // Inner loop: raise λ until a trial point lowers the cost.
    for (;;) {
      for (let p = 0; p < m; p++) {
        const i = active[p];
        for (let q = 0; q < m; q++) a[p * m + q] = jtj[i * n + active[q]];
        a[p * m + p] += lambda * Math.max(jtj[i * n + i], floor);
        delta[p] = -jtr[i];
      }
      // Predicted decrease of Σr² for the (unclamped) step: δᵀ(λDδ − Jᵀr).
      const predicted = (): number => {
        let s = 0;
        for (let p = 0; p < m; p++) {
          const i = active[p];
          s += delta[p] * (lambda * Math.max(jtj[i * n + i], floor) * delta[p] - jtr[i]);
        }
        return s;
      };
      const solved = choleskySolve(a, delta, m);
      if (solved) {
        trial.set(x);
        let stepRel = 0;
        for (let p = 0; p < m; p++) {
          const i = active[p];
          trial[i] = clamp(x[i] + delta[p], lower[i], upper[i]);
          stepRel = Math.max(stepRel, Math.abs(trial[i] - x[i]) / (Math.abs(x[i]) + 1e-6));
        }
        const trialCost = problem.normal(trial, jtjTrial, jtrTrial);
        evaluations++;
        if (trialCost < cost) {
          const decrease = (cost - trialCost) / cost;
          const pred = predicted();
          const rho = pred > 0 ? (cost - trialCost) / pred : 1;
          lambda = Math.max(LAMBDA_MIN, lambda * Math.max(MIN_SHRINK, 1 - (2 * rho - 1) ** 3));
          nu = 2;
          x.set(trial);
          cost = trialCost;
          [jtj, jtjTrial] = [jtjTrial, jtj];
          [jtr, jtrTrial] = [jtrTrial, jtr];
          iterations++;
          if (stepRel <= stepTol) {
            stop = 'step';
            break outer;
          }
          if (decrease <= costTol) {
            stop = 'cost';
            break outer;
          }
          continue outer;
        }
        if (stepRel <= stepTol) {
          stop = 'step';
          break outer;
        }
      }
      lambda *= nu;
      nu *= 2;
      if (lambda > LAMBDA_MAX) {
        stop = 'damping';
        break outer;
      }
    }
  }
  return { x, cost, iterations, evaluations, stop, converged: stop !== 'iterations' && stop !== 'damping' };
}
