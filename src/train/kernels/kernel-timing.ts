/**
 * Optional per-phase timing of the WASM training kernels (transpose, im2col, matrix product…), for the
 * training benchmark's breakdown of where the time goes. Off by default: then it costs one branch.
 */

const totals = new Map<string, number>();
let enabled = false;
let clock: () => number = () => Date.now();

/** Turn phase timing on or off (and clear the totals); `now` is a millisecond clock (performance.now). */
export function setKernelTiming(on: boolean, now?: () => number): void {
  enabled = on;
  if (now) clock = now;
  totals.clear();
}

/** Milliseconds spent in each phase since timing was turned on. */
export function kernelTimings(): Record<string, number> {
  return Object.fromEntries(totals);
}

/** Run `f`, adding its duration to phase `name` when timing is on. */
export function timed<T>(name: string, f: () => T): T {
  if (!enabled) return f();
  const t0 = clock();
  const r = f();
  totals.set(name, (totals.get(name) ?? 0) + clock() - t0);
  return r;
}
