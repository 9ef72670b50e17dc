/** Measuring R peaks on a plotted strip, independently of the app's own code. */

/**
 * Heights of the local maxima of `mv` above `thresholdMv`, each refined by a parabola through the
 * maximum sample and its two neighbours (vertex height), mV.
 */
export function peakHeightsMv(mv: readonly number[], thresholdMv: number): number[] {
  const heights: number[] = [];
  for (let i = 1; i < mv.length - 1; i++) {
    const [a, b, c] = [mv[i - 1], mv[i], mv[i + 1]];
    if (b <= thresholdMv || b < a || b <= c) continue;
    const curvature = a - 2 * b + c;
    const offset = curvature === 0 ? 0 : (0.5 * (a - c)) / curvature;
    heights.push(b - 0.25 * (a - c) * offset);
  }
  return heights;
}

/** The largest value of `values`. */
export function maxOf(values: readonly number[]): number {
  return values.reduce((m, v) => (v > m ? v : m), -Infinity);
}
