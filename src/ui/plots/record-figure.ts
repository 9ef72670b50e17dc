/**
 * The figure of one imported record's view window on ECG paper: the lead (WebGL `scattergl`), its beat
 * annotations as markers labelled with their symbols, and rhythm episodes as shaded bands with their
 * label. Only the window's samples are handed to Plotly, so a 30-minute record scrolls cheaply.
 */
import type { Data, Layout, Shape } from 'plotly.js-dist-min';
import type { ImportedRecordView } from '../../workers/import-protocol.ts';
import { MAJOR_MV, MAJOR_S, MINOR_MV, PAPER_COLORS, paperRangeMv } from './ecg-paper.ts';

/** Length of the view window, s. */
export const RECORD_VIEW_S = 10;

const BAND_COLORS = ['#4c9be833', '#e8a14c33', '#5cc16f33', '#b36be033', '#e05c5c33'];

/** The figure and what it holds. */
export interface RecordFigure {
  data: Data[];
  layout: Partial<Layout>;
  points: number;
  beatMarkers: number;
  rhythmBands: number;
}

/** Index of the first value of sorted `a` that is ≥ `v`. */
function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The figure of `rec` from `startS` for `RECORD_VIEW_S` seconds. */
export function recordFigure(rec: ImportedRecordView, startS: number): RecordFigure {
  const fs = rec.fsHz;
  const first = Math.max(0, Math.floor(startS * fs));
  const last = Math.min(rec.signalMv.length, Math.ceil((startS + RECORD_VIEW_S) * fs) + 1);
  const n = Math.max(0, last - first);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = rec.signalMv[first + i];
    x[i] = (first + i) / fs;
    y[i] = v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const rangeMv = paperRangeMv(Number.isFinite(lo) ? lo : 0, Number.isFinite(hi) ? hi : 0);
  const b0 = lowerBound(rec.beatSamples, first);
  const b1 = lowerBound(rec.beatSamples, last);
  const beatX: number[] = [];
  const beatY: number[] = [];
  const beatText: string[] = [];
  for (let k = b0; k < b1; k++) {
    const s = rec.beatSamples[k];
    beatX.push(s / fs);
    const v = rec.signalMv[Math.min(s, rec.signalMv.length - 1)];
    beatY.push(Number.isFinite(v) ? v : 0);
    beatText.push(rec.beatSymbols[k]);
  }
  const endS = startS + RECORD_VIEW_S;
  const bands = rec.rhythms.filter((r) => r.endS > startS && r.startS < endS);
  const colorOf = new Map<string, string>();
  for (const r of rec.rhythms) {
    if (!colorOf.has(r.label)) colorOf.set(r.label, BAND_COLORS[colorOf.size % BAND_COLORS.length]);
  }
  const shapes: Partial<Shape>[] = bands.map((r) => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: Math.max(r.startS, startS),
    x1: Math.min(r.endS, endS),
    y0: 0,
    y1: 1,
    fillcolor: colorOf.get(r.label),
    line: { width: 0 },
    layer: 'below',
  }));
  const data: Data[] = [
    {
      type: 'scattergl',
      mode: 'lines',
      x,
      y,
      name: rec.lead,
      line: { color: PAPER_COLORS.trace, width: 1.2 },
      hovertemplate: '%{x:.3f} s, %{y:.3f} mV<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'text+markers',
      x: beatX,
      y: beatY,
      text: beatText,
      textposition: 'top center',
      name: 'beats',
      marker: { color: PAPER_COLORS.rPeak, size: 6, symbol: 'circle-open' },
      textfont: { color: PAPER_COLORS.rPeak, size: 12 },
      hovertemplate: 'beat %{text} at %{x:.3f} s<extra></extra>',
    },
  ];
  const layout: Partial<Layout> = {
    margin: { l: 50, r: 10, t: 24, b: 40 },
    height: 320,
    showlegend: false,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: PAPER_COLORS.background,
    dragmode: 'pan',
    xaxis: {
      title: { text: 'time (s)' },
      range: [startS, endS],
      dtick: 1,
      showgrid: true,
      gridcolor: PAPER_COLORS.majorGrid,
      zeroline: false,
      minor: { dtick: MAJOR_S, showgrid: true, gridcolor: PAPER_COLORS.minorGrid },
      fixedrange: true,
    },
    yaxis: {
      title: { text: 'mV' },
      range: rangeMv,
      dtick: MAJOR_MV,
      showgrid: true,
      gridcolor: PAPER_COLORS.majorGrid,
      zeroline: false,
      minor: { dtick: MINOR_MV, showgrid: true, gridcolor: PAPER_COLORS.minorGrid },
      fixedrange: true,
    },
    shapes,
    annotations: bands.map((r) => ({
      x: Math.max(r.startS, startS),
      y: 1,
      xref: 'x',
      yref: 'paper',
      xanchor: 'left',
      yanchor: 'top',
      text: r.label,
      showarrow: false,
      font: { size: 12, color: '#333' },
    })),
  };
  return { data, layout, points: n, beatMarkers: beatX.length, rhythmBands: bands.length };
}
