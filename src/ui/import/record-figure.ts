/**
 * The figure of one imported record: the view (10 s by default) on ECG paper with the lead, its beat
 * annotations as markers labelled with their symbols and rhythm episodes as shaded bands, plus Plotly's
 * range slider under it showing the whole record. Only the view's samples (and one view's width on each
 * side, so a short pan needs no new data) are handed to Plotly, at most `MAX_TRACE_POINTS`: a wider view
 * gets a min/max envelope. So the lead is an SVG line, not WebGL: at this size SVG draws faster, and
 * much faster where WebGL runs in software (no GPU). The range slider shows a decimated overview of the
 * whole record, on a second hidden y axis that the main plot never shows; the lead and the beat markers
 * sit on a third hidden axis with the visible axis's range, which the range slider never shows. The
 * visible y axis must `match` in the range slider, or Plotly gives the slider's window no height.
 */
import type { Data, Layout, LayoutAxis, Shape } from 'plotly.js-dist-min';
import type { ImportedRecordView } from '../../workers/import-protocol.ts';
import { MAJOR_MV, MAJOR_S, MINOR_MV, PAPER_COLORS, paperRangeMv } from '../plots/ecg-paper.ts';

/** Length of the view a record opens with, s. */
export const RECORD_VIEW_S = 10;
/** Samples handed to Plotly for the main trace at most; beyond, the view is a min/max envelope. */
export const MAX_TRACE_POINTS = 12_000;
/** Buckets (two points each) of the range slider's overview of the whole record. */
export const OVERVIEW_BUCKETS = 1500;
/** Widest view with beat markers, s. */
const BEATS_MAX_S = 60;
/** Widest view with the beats' symbols written and the ECG paper's minor grid, s (text is slow to lay out). */
const DETAIL_MAX_S = 20;
/** A y range no signal reaches: the hidden axis of the overview trace in the main plot. */
const OFF_SCALE: [number, number] = [1e6, 1e6 + 1];

const BAND_COLORS = ['#4c9be833', '#e8a14c33', '#5cc16f33', '#b36be033', '#e05c5c33'];

/** A view of a record, s. */
export interface RecordView {
  startS: number;
  endS: number;
}

/** A line of (time s, mV) points. */
export interface TracePoints {
  x: Float64Array;
  y: Float32Array;
}

/** The figure and what it holds. */
export interface RecordFigure {
  data: Data[];
  layout: Partial<Layout>;
  points: number;
  overviewPoints: number;
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

/**
 * Samples [first, last) of `signal` (at `fsHz`) as points: every sample when there are at most
 * 2 × `buckets`, else each bucket's minimum and maximum in time order (NaN buckets give NaN, a gap).
 */
export function envelope(
  signal: Float32Array,
  fsHz: number,
  first: number,
  last: number,
  buckets: number,
): TracePoints {
  const n = Math.max(0, last - first);
  if (n <= 2 * buckets) {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = (first + i) / fsHz;
    return { x, y: signal.slice(first, last) };
  }
  const x = new Float64Array(2 * buckets);
  const y = new Float32Array(2 * buckets);
  for (let b = 0; b < buckets; b++) {
    const i0 = first + Math.floor((b * n) / buckets);
    const i1 = first + Math.floor(((b + 1) * n) / buckets);
    let lo = Infinity;
    let hi = -Infinity;
    let iLo = i0;
    let iHi = i0;
    for (let i = i0; i < i1; i++) {
      const v = signal[i];
      if (v < lo) [lo, iLo] = [v, i];
      if (v > hi) [hi, iHi] = [v, i];
    }
    const [a, c] = iLo <= iHi ? [iLo, iHi] : [iHi, iLo];
    x[2 * b] = a / fsHz;
    x[2 * b + 1] = c / fsHz;
    y[2 * b] = lo === Infinity ? NaN : signal[a];
    y[2 * b + 1] = hi === -Infinity ? NaN : signal[c];
  }
  return { x, y };
}

/** The range slider's overview: the whole record in `OVERVIEW_BUCKETS` min/max pairs. */
export function recordOverview(rec: ImportedRecordView): TracePoints {
  return envelope(rec.signalMv, rec.fsHz, 0, rec.signalMv.length, OVERVIEW_BUCKETS);
}

/** Lowest and highest finite value of `y`. */
function extent(y: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 0];
}

/** The stretch of the record handed to Plotly for `view`: one view's width more on each side, s. */
export function sliceOf(view: RecordView, durationS: number): RecordView {
  const widthS = view.endS - view.startS;
  return { startS: Math.max(0, view.startS - widthS), endS: Math.min(durationS, view.endS + widthS) };
}

/** The figure of `rec` in `view`, with the range slider's `overview` (see the module comment). */
export function recordFigure(rec: ImportedRecordView, view: RecordView, overview: TracePoints): RecordFigure {
  const fs = rec.fsHz;
  const durationS = rec.signalMv.length / fs;
  const widthS = view.endS - view.startS;
  const slice = sliceOf(view, durationS);
  const first = Math.max(0, Math.floor(slice.startS * fs));
  const last = Math.min(rec.signalMv.length, Math.ceil(slice.endS * fs) + 1);
  const trace = envelope(rec.signalMv, fs, first, last, MAX_TRACE_POINTS / 2);
  const [lo, hi] = extent(trace.y);
  const rangeMv = paperRangeMv(lo, hi);
  const detail = widthS <= DETAIL_MAX_S + 1e-6;
  const beatX: number[] = [];
  const beatY: number[] = [];
  const beatText: string[] = [];
  if (widthS <= BEATS_MAX_S + 1e-6) {
    for (let k = lowerBound(rec.beatSamples, first); k < lowerBound(rec.beatSamples, last); k++) {
      const s = rec.beatSamples[k];
      beatX.push(s / fs);
      const v = rec.signalMv[Math.min(s, rec.signalMv.length - 1)];
      beatY.push(Number.isFinite(v) ? v : 0);
      beatText.push(rec.beatSymbols[k]);
    }
  }
  const sliceStartS = first / fs;
  const sliceEndS = last / fs;
  const bands = rec.rhythms.filter((r) => r.endS > sliceStartS && r.startS < sliceEndS);
  const colorOf = new Map<string, string>();
  for (const r of rec.rhythms) {
    if (!colorOf.has(r.label)) colorOf.set(r.label, BAND_COLORS[colorOf.size % BAND_COLORS.length]);
  }
  const shapes: Partial<Shape>[] = bands.map((r) => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: Math.max(r.startS, sliceStartS),
    x1: Math.min(r.endS, sliceEndS),
    y0: 0,
    y1: 1,
    fillcolor: colorOf.get(r.label),
    line: { width: 0 },
    layer: 'below',
  }));
  const data: Data[] = [
    // Nothing to draw: it puts the visible y axis (grid, ticks, bands) on the plot.
    { type: 'scatter', mode: 'lines', x: [], y: [], name: 'axis', hoverinfo: 'skip' },
    {
      type: 'scatter',
      mode: 'lines',
      x: trace.x,
      y: trace.y,
      yaxis: 'y3',
      name: rec.lead,
      line: { color: PAPER_COLORS.trace, width: 1.2 },
      hovertemplate: '%{x:.3f} s, %{y:.3f} mV<extra></extra>',
    },
    {
      type: 'scatter',
      mode: detail ? 'text+markers' : 'markers',
      x: beatX,
      y: beatY,
      text: beatText,
      textposition: 'top center',
      yaxis: 'y3',
      name: 'beats',
      marker: { color: PAPER_COLORS.rPeak, size: 6, symbol: 'circle-open' },
      textfont: { color: PAPER_COLORS.rPeak, size: 12 },
      hovertemplate: 'beat %{text} at %{x:.3f} s<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'lines',
      x: overview.x,
      y: overview.y,
      yaxis: 'y2',
      name: 'whole record',
      line: { color: '#555', width: 0.8 },
      hoverinfo: 'skip',
    },
  ];
  const paperX = detail
    ? {
        dtick: 1,
        gridcolor: PAPER_COLORS.majorGrid,
        minor: { dtick: MAJOR_S, showgrid: true, gridcolor: PAPER_COLORS.minorGrid },
      }
    : { gridcolor: PAPER_COLORS.majorGrid };
  const layout: Partial<Layout> = {
    margin: { l: 56, r: 10, t: 24, b: 40 },
    height: 400,
    showlegend: false,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: PAPER_COLORS.background,
    dragmode: 'pan',
    xaxis: {
      title: { text: 'time (s)' },
      range: [view.startS, view.endS],
      autorange: false,
      showgrid: true,
      zeroline: false,
      ...paperX,
      // `yaxis2`, `yaxis3`: range-slider keys of the overlaying axes, which plotly.js's types leave out.
      rangeslider: {
        visible: true,
        thickness: 0.18,
        autorange: false,
        range: [0, durationS],
        bgcolor: '#fafafa',
        yaxis: { rangemode: 'match' },
        yaxis2: { rangemode: 'auto' },
        yaxis3: { rangemode: 'fixed', range: OFF_SCALE },
      } as NonNullable<Partial<LayoutAxis>['rangeslider']>,
    },
    yaxis: {
      title: { text: 'amplitude (mV)' },
      range: rangeMv,
      dtick: MAJOR_MV,
      showgrid: true,
      gridcolor: PAPER_COLORS.majorGrid,
      zeroline: false,
      minor: detail ? { dtick: MINOR_MV, showgrid: true, gridcolor: PAPER_COLORS.minorGrid } : undefined,
      fixedrange: true,
    },
    yaxis2: { overlaying: 'y', range: OFF_SCALE, visible: false, fixedrange: true },
    yaxis3: { overlaying: 'y', range: rangeMv, visible: false, fixedrange: true },
    shapes,
    annotations: bands.map((r) => ({
      x: Math.max(r.startS, view.startS),
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
  return {
    data,
    layout,
    points: trace.x.length,
    overviewPoints: overview.x.length,
    beatMarkers: beatX.length,
    rhythmBands: bands.length,
  };
}
