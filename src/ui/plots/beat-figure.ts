/**
 * The single-beat figure: each of the class's beat views (one, or a sinus beat beside a PVC) in its own
 * subplot, side by side on one shared amplitude scale. In each, the named parts (P, Q, R, S, T,
 * f-/F-waves, delta wave…) are drawn thin, dotted and lightly filled, labelled at their peak, under
 * their sum (thick), on a time axis relative to the R peak.
 */
import type { Annotation, Data, Layout, LayoutAxis, XAxisName, YAxisName } from 'plotly.js-dist-min';
import type { BeatView } from '../../synth/index.ts';
import { CONTINUOUS_PARTS, partColor, partFill } from './beat-part-style.ts';

/** Parts smaller than this are not labelled, mV. */
const LABEL_MIN_MV = 0.005;
/** Space between two subplots, fraction of the plot width. */
const GAP = 0.07;
/** Shown time window, s from the R peak. */
const RANGE_S: [number, number] = [-0.5, 0.8];
/** Height of the figure, px. */
export const BEAT_FIGURE_HEIGHT_PX = 270;

function peakIndex(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i]) > Math.abs(values[best])) best = i;
  return best;
}

/** The amplitude range covering every part and sum of `views`, with a margin for labels, mV. */
function amplitudeRange(views: readonly BeatView[]): [number, number] {
  let lo = -0.2;
  let hi = 0.5;
  for (const view of views) {
    for (const values of [view.sumMv, ...view.parts.map((p) => p.mv)]) {
      for (let i = 0; i < values.length; i++) {
        if (values[i] < lo) lo = values[i];
        if (values[i] > hi) hi = values[i];
      }
    }
  }
  const pad = 0.12 * (hi - lo);
  return [lo - pad, hi + pad];
}

/** Axis suffix of subplot `i`: '' for the first, then '2', '3', … */
function suffix(i: number): string {
  return i === 0 ? '' : String(i + 1);
}

/** The x axis of subplot `i` ('x', 'x2', …), or its domain reference. */
function xAxis(i: number, domain = false): XAxisName {
  return `x${suffix(i)}${domain ? ' domain' : ''}` as XAxisName;
}

/** The y axis of subplot `i` ('y', 'y2', …). */
function yAxis(i: number): YAxisName {
  return `y${suffix(i)}` as YAxisName;
}

function viewTraces(view: BeatView, i: number): Data[] {
  const axes = { xaxis: xAxis(i), yaxis: yAxis(i) };
  const data: Data[] = view.parts.map((part) => ({
    type: 'scatter',
    mode: 'lines',
    name: part.name,
    x: view.timeS,
    y: part.mv,
    ...axes,
    line: { color: partColor(part.name), width: 1.4, dash: 'dot' },
    fill: 'tozeroy',
    fillcolor: partFill(partColor(part.name)),
    hovertemplate: `${part.name}: %{y:.3f} mV<extra></extra>`,
  }));
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'Sum',
    x: view.timeS,
    y: view.sumMv,
    ...axes,
    line: { color: '#1b1b1f', width: 2.4 },
    hovertemplate: 'sum: %{y:.3f} mV<extra>%{x:.3f} s</extra>',
  });
  return data;
}

function viewAnnotations(view: BeatView, i: number): Partial<Annotation>[] {
  const axes = { xref: xAxis(i), yref: yAxis(i) };
  const labels: Partial<Annotation>[] = view.parts.flatMap((part) => {
    const values = part.mv;
    const continuous = CONTINUOUS_PARTS.has(part.name);
    const k = continuous ? Math.round(0.03 * values.length) : peakIndex(values);
    if (!continuous && Math.abs(values[k]) < LABEL_MIN_MV) return [];
    return [
      {
        ...axes,
        x: view.timeS[k],
        y: continuous ? 0 : values[k],
        text: `<b>${part.name}</b>`,
        showarrow: false,
        xanchor: continuous ? 'left' : 'center',
        yshift: continuous ? -14 : values[k] >= 0 ? 10 : -10,
        font: { color: partColor(part.name), size: 12 },
        // A light backing keeps a label readable where it sits on the sum's line.
        bgcolor: 'rgba(255,255,255,0.8)',
        borderpad: 1,
      },
    ];
  });
  labels.push({
    xref: xAxis(i, true),
    yref: 'paper',
    x: 0.5,
    y: 1,
    yanchor: 'bottom',
    yshift: 4,
    showarrow: false,
    text: `<b>${view.title}</b>`,
    font: { size: 12, color: '#1d1f24' },
  });
  return labels;
}

/** Plotly traces and layout of the beat views `views`. */
export function beatFigure(views: readonly BeatView[]): { data: Data[]; layout: Partial<Layout> } {
  const n = Math.max(1, views.length);
  const width = (1 - GAP * (n - 1)) / n;
  const rangeMv = amplitudeRange(views);
  const layout: Partial<Layout> = {
    autosize: true,
    height: BEAT_FIGURE_HEIGHT_PX,
    margin: { l: 58, r: 14, t: 26, b: 46 },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
    hovermode: 'x unified',
    showlegend: false,
    annotations: views.flatMap(viewAnnotations),
  };
  views.forEach((_, i) => {
    const x0 = i * (width + GAP);
    const xaxis: Partial<LayoutAxis> = {
      domain: [x0, Math.min(1, x0 + width)],
      anchor: yAxis(i),
      title: { text: 'Time from R peak (s)' },
      range: [...RANGE_S],
      zeroline: true,
      zerolinecolor: '#ccc',
      gridcolor: '#eee',
    };
    const yaxis: Partial<LayoutAxis> = {
      anchor: xAxis(i),
      title: { text: 'Amplitude (mV)', standoff: 4 },
      range: [...rangeMv],
      zeroline: true,
      zerolinecolor: '#bbb',
      gridcolor: '#eee',
    };
    layout[`xaxis${suffix(i)}` as 'xaxis'] = xaxis;
    layout[`yaxis${suffix(i)}` as 'yaxis'] = yaxis;
  });
  return { data: views.flatMap(viewTraces), layout };
}
