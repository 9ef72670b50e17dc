/**
 * The report's figures as SVG files: one overlaid histogram per interval (density 1/ms over ms, with
 * the Wasserstein distance) and the overlaid mean normalised spectra (fraction of power per bin over Hz,
 * with the spectral MMD²). Real data is drawn in blue, synthetic in orange.
 */
import { svgChart } from './svg-chart.ts';
import type { RealismReport } from './realism-report.ts';
import { INTERVAL_NAMES } from './interval-samples.ts';

const REAL = '#1f5fbf';
const SYNTHETIC = '#e07b00';

/** File name → SVG text of every figure of `report`. */
export function realismFigures(report: RealismReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of INTERVAL_NAMES) {
    const c = report.intervals[name];
    const h = c.histogram;
    const w = c.wasserstein === null ? 'n/a' : `${c.wasserstein.toFixed(1)} ms`;
    out[`intervals-${name}.svg`] = svgChart({
      title: `${name.toUpperCase()} interval, class ${report.className}`,
      subtitle: `Wasserstein distance ${w} (real n = ${c.real.n}, synthetic n = ${c.synthetic.n})`,
      xLabel: `${name.toUpperCase()} (ms)`,
      yLabel: 'density (1/ms)',
      series: [
        { name: 'real', color: REAL, kind: 'steps', x: h.edges, y: h.a },
        { name: 'synthetic', color: SYNTHETIC, kind: 'steps', x: h.edges, y: h.b },
      ],
    });
  }
  const s = report.spectrum;
  out['spectrum.svg'] = svgChart({
    title: `Power spectrum, class ${report.className}`,
    subtitle: `spectral MMD² ${s.mmd2.toExponential(2)} (Gaussian kernel, σ ${s.bandwidth.toExponential(2)})`,
    xLabel: 'frequency (Hz)',
    yLabel: 'normalised power (fraction per 0.5 Hz bin)',
    series: [
      { name: 'real', color: REAL, kind: 'line', x: s.freqHz, y: s.real },
      { name: 'synthetic', color: SYNTHETIC, kind: 'line', x: s.freqHz, y: s.synthetic },
    ],
  });
  return out;
}
