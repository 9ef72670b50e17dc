/**
 * The Plotly figure of one fitted template: the template, the fitted sum, each component of the model
 * (P, Q, R, S, T and the delta wave when fitted) and the residual, over time from the R peak (s), in mV.
 */
import type { Data, Layout } from 'plotly.js-dist-min';

/** A trace's line style. */
interface LineStyle {
  color: string;
  width: number;
  dash?: 'dash' | 'dot';
}
import type { FitTemplateView } from '../../workers/fit-protocol.ts';

const COMPONENT_COLORS = {
  P: '#1f77b4',
  Q: '#9467bd',
  R: '#d62728',
  S: '#8c564b',
  T: '#2ca02c',
  delta: '#ff7f0e',
} as const;

/** Traces and layout of the template plot of `t`. */
export function fitFigure(t: FitTemplateView): { data: Data[]; layout: Partial<Layout> } {
  const x = Array.from(t.timeS);
  const line = (name: string, y: Float64Array, style: LineStyle): Data => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y: Array.from(y),
    hovertemplate: '%{x:.3f} s, %{y:.3f} mV<extra>' + name + '</extra>',
    line: style,
  });
  const data: Data[] = [
    line('template', t.templateMv, { color: '#000', width: 2.5 }),
    line('fitted sum', t.fittedMv, { color: '#e377c2', width: 2, dash: 'dash' }),
  ];
  for (const name of ['P', 'Q', 'R', 'S', 'T', 'delta'] as const) {
    const fitted = name === 'delta' ? t.params.delta !== undefined : t.params[name] !== null;
    if (!fitted) continue;
    data.push(line(name, t.components[name], { color: COMPONENT_COLORS[name], width: 1 }));
  }
  data.push(line('residual', t.residualMv, { color: '#7f7f7f', width: 1, dash: 'dot' }));
  const layout: Partial<Layout> = {
    margin: { l: 56, r: 10, t: 10, b: 40 },
    height: 300,
    xaxis: { title: { text: 'time from R (s)' }, zeroline: false },
    yaxis: { title: { text: 'amplitude (mV)' } },
    legend: { orientation: 'h', y: -0.25 },
    font: { size: 12, color: '#333' },
  };
  return { data, layout };
}
