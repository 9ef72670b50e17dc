/**
 * The single-beat figure: the five Gaussian components P, Q, R, S, T drawn separately (thin, lightly
 * filled, labelled at their peaks) under their sum (thick), on a time axis relative to the R peak,
 * with the P, QRS and T spans shaded.
 */
import type { Annotation, Data, Layout, Shape } from 'plotly.js-dist-min';
import type { Wave } from '../../synth/index.ts';
import type { BeatPayload } from '../../workers/synth-protocol.ts';

const WAVE_STYLE: Record<Wave, { label: string; color: string; fill: string }> = {
  p: { label: 'P', color: '#2e7d32', fill: 'rgba(46,125,50,0.10)' },
  q: { label: 'Q', color: '#7b1fa2', fill: 'rgba(123,31,162,0.10)' },
  r: { label: 'R', color: '#c62828', fill: 'rgba(198,40,40,0.08)' },
  s: { label: 'S', color: '#ef6c00', fill: 'rgba(239,108,0,0.10)' },
  t: { label: 'T', color: '#1565c0', fill: 'rgba(21,101,192,0.10)' },
};
const WAVE_ORDER: readonly Wave[] = ['p', 'q', 'r', 's', 't'];
/** Components smaller than this are not labelled, mV. */
const LABEL_MIN_MV = 0.005;

function peakIndex(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i]) > Math.abs(values[best])) best = i;
  return best;
}

function span(x0: number, x1: number, color: string): Partial<Shape> {
  return {
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0,
    x1,
    y0: 0,
    y1: 1,
    fillcolor: color,
    line: { width: 0 },
    layer: 'below',
  };
}

/** Plotly traces and layout of the beat `beat`. */
export function beatFigure(beat: BeatPayload): { data: Data[]; layout: Partial<Layout> } {
  const { timeS, componentsMv, sumMv, boundariesS: b } = beat;
  const data: Data[] = WAVE_ORDER.map((w) => ({
    type: 'scatter',
    mode: 'lines',
    name: WAVE_STYLE[w].label,
    x: timeS,
    y: componentsMv[w],
    line: { color: WAVE_STYLE[w].color, width: 1.4, dash: 'dot' },
    fill: 'tozeroy',
    fillcolor: WAVE_STYLE[w].fill,
    hovertemplate: `${WAVE_STYLE[w].label}: %{y:.3f} mV<extra></extra>`,
  }));
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'Sum (P+Q+R+S+T)',
    x: timeS,
    y: sumMv,
    line: { color: '#1b1b1f', width: 2.4 },
    hovertemplate: 'sum: %{y:.3f} mV<extra>%{x:.3f} s</extra>',
  });
  const annotations: Partial<Annotation>[] = WAVE_ORDER.flatMap((w) => {
    const values = componentsMv[w];
    const i = peakIndex(values);
    if (Math.abs(values[i]) < LABEL_MIN_MV) return [];
    return [
      {
        x: timeS[i],
        y: values[i],
        text: `<b>${WAVE_STYLE[w].label}</b>`,
        showarrow: false,
        yshift: values[i] >= 0 ? 10 : -10,
        font: { color: WAVE_STYLE[w].color, size: 13 },
      },
    ];
  });
  const layout: Partial<Layout> = {
    autosize: true,
    height: 300,
    margin: { l: 58, r: 14, t: 8, b: 46 },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
    hovermode: 'x unified',
    legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom' },
    xaxis: { title: { text: 'Time from R peak (s)' }, zeroline: true, gridcolor: '#eee', range: [-0.5, 0.7] },
    yaxis: { title: { text: 'Amplitude (mV)' }, zeroline: true, zerolinecolor: '#bbb', gridcolor: '#eee' },
    shapes: [
      span(b.pOn, b.pOff, 'rgba(46,125,50,0.05)'),
      span(b.qrsOn, b.qrsOff, 'rgba(198,40,40,0.05)'),
      span(b.qrsOff, b.tOff, 'rgba(21,101,192,0.04)'),
    ],
    annotations,
  };
  return { data, layout };
}
