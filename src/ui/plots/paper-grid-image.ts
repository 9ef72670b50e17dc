/**
 * The ECG-paper grid as one SVG image in data coordinates (Plotly `layout.images`). Drawing the
 * hundreds of 1 mm lines as Plotly gridlines costs hundreds of SVG elements rebuilt on every
 * `Plotly.react`; as a single image the grid costs one element, still zooms with the axes, and keeps
 * hairline strokes at any zoom (`vector-effect: non-scaling-stroke`).
 */
import type { Layout } from 'plotly.js-dist-min';
import { MAJOR_MV, MAJOR_S, MINOR_MV, MINOR_S, PAPER_COLORS } from './ecg-paper.ts';

/** Which grid lines to draw. */
export interface PaperGridOptions {
  /** Record duration, s. */
  durationS: number;
  /** Amplitude range, mV (multiples of the major box). */
  rangeMv: [number, number];
  /** Draw the 1 mm lines (when they are far enough apart on screen). */
  minor: boolean;
  /** Draw the 5 mm lines. */
  major: boolean;
}

/** Path data of lines 0…count, split into major (every `perMajor`-th) and minor lines. */
function linePaths(count: number, perMajor: number, draw: (i: number) => string) {
  let minorPath = '';
  let majorPath = '';
  for (let i = 0; i <= count; i++) {
    if (i % perMajor === 0) majorPath += draw(i);
    else minorPath += draw(i);
  }
  return { minorPath, majorPath };
}

/** The grid image: SVG whose user units are 1 mm boxes, stretched over the record's data range. */
export function paperGridImage(options: PaperGridOptions): NonNullable<Layout['images']>[number] {
  const { durationS, rangeMv, minor, major } = options;
  const [loMv, hiMv] = rangeMv;
  const widthBoxes = durationS / MINOR_S;
  const heightBoxes = Math.round((hiMv - loMv) / MINOR_MV);
  const perMajorX = Math.round(MAJOR_S / MINOR_S);
  const perMajorY = Math.round(MAJOR_MV / MINOR_MV);
  const columns = linePaths(Math.floor(widthBoxes + 1e-9), perMajorX, (i) => `M${i} 0V${heightBoxes}`);
  // Rows are counted from the top (hiMv), a whole number of major boxes, so every 5th row is major.
  const rows = linePaths(heightBoxes, perMajorY, (j) => `M0 ${j}H${widthBoxes}`);
  const stroke = (color: string, widthPx: number, d: string) =>
    d
      ? `<path d="${d}" fill="none" stroke="${color}" stroke-width="${widthPx}" vector-effect="non-scaling-stroke"/>`
      : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${widthBoxes} ${heightBoxes}" preserveAspectRatio="none">` +
    (minor ? stroke(PAPER_COLORS.minorGrid, 0.6, columns.minorPath + rows.minorPath) : '') +
    (major ? stroke(PAPER_COLORS.majorGrid, 1, columns.majorPath + rows.majorPath) : '') +
    '</svg>';
  return {
    source: `data:image/svg+xml;base64,${btoa(svg)}`,
    xref: 'x',
    yref: 'y',
    x: 0,
    y: hiMv,
    sizex: durationS,
    sizey: hiMv - loMv,
    xanchor: 'left',
    yanchor: 'top',
    sizing: 'stretch',
    layer: 'below',
  };
}
