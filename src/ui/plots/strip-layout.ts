/**
 * Plotly layout of the lead II strip on ECG paper. The strip always spans the whole record; the
 * screen scale follows the container so that 10 s fill it, and longer records scroll horizontally
 * (up to `MAX_PLOT_WIDTH_PX`, beyond which the time scale shrinks and the 1 mm lines are dropped).
 * The paper grid is one image (see paper-grid-image.ts); the axes only carry labelled ticks.
 */
import type { Layout } from 'plotly.js-dist-min';
import {
  labelStep,
  MAJOR_MV,
  MAJOR_S,
  MINOR_MV,
  MINOR_S,
  MV_TO_S_SCREEN_RATIO,
  PAPER_COLORS,
} from './ecg-paper.ts';
import { paperGridImage } from './paper-grid-image.ts';

/** Seconds of record that fill the visible width. */
export const VISIBLE_S = 10;
/** Widest plot area, px (bounds the figure Plotly lays out and draws for long records). */
export const MAX_PLOT_WIDTH_PX = 12_000;
/** Closest grid lines still drawn, px. */
const MIN_GRID_PX = 3;
const MARGIN = { l: 58, r: 14, t: 8, b: 46 } as const;

/** Inputs of the strip layout. */
export interface StripGeometry {
  /** Record duration, s. */
  durationS: number;
  /** Amplitude range, mV (multiples of the major box). */
  rangeMv: [number, number];
  /** Width of the visible container, px. */
  containerWidthPx: number;
}

/** Build the strip layout for `geometry`. */
export function stripLayout(geometry: StripGeometry): Partial<Layout> {
  const { durationS, rangeMv } = geometry;
  const visiblePx = Math.max(300, geometry.containerWidthPx - MARGIN.l - MARGIN.r);
  const plotWidthPx = Math.min(MAX_PLOT_WIDTH_PX, (visiblePx * durationS) / VISIBLE_S);
  const pxPerS = plotWidthPx / durationS;
  const pxPerMv = pxPerS * MV_TO_S_SCREEN_RATIO;
  const heightPx = Math.round((rangeMv[1] - rangeMv[0]) * pxPerMv) + MARGIN.t + MARGIN.b;
  const axisCommon = {
    showgrid: false,
    zeroline: false,
    showline: false,
    ticks: 'outside',
    ticklen: 4,
    tick0: 0,
    // 'allow' skips Plotly's per-label overflow measurement (a forced layout on every repaint).
    ticklabeloverflow: 'allow',
  } as const;
  return {
    width: Math.round(plotWidthPx) + MARGIN.l + MARGIN.r,
    height: heightPx,
    autosize: false,
    margin: { ...MARGIN },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: PAPER_COLORS.background,
    showlegend: false,
    dragmode: 'zoom',
    hovermode: 'closest',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
    images: [
      paperGridImage({
        durationS,
        rangeMv,
        minor: pxPerS * MINOR_S >= MIN_GRID_PX && pxPerMv * MINOR_MV >= MIN_GRID_PX,
        major: pxPerS * MAJOR_S >= MIN_GRID_PX,
      }),
    ],
    xaxis: {
      ...axisCommon,
      title: { text: 'Time (s)', standoff: 6 },
      range: [0, durationS],
      // Labels every second (5 major boxes), or sparser when a second is narrow on screen.
      dtick: labelStep(pxPerS, 36, [1, 2, 5, 10, 30, 60]),
    },
    yaxis: {
      ...axisCommon,
      title: { text: 'Amplitude (mV)', standoff: 4 },
      range: [...rangeMv],
      scaleanchor: 'x',
      scaleratio: MV_TO_S_SCREEN_RATIO,
      constrain: 'range',
      dtick: MAJOR_MV * labelStep(pxPerMv * MAJOR_MV, 16, [1, 2, 4, 10]),
    },
  };
}
