/**
 * A small SVG chart writer (pure strings, no DOM): overlaid series drawn as lines or as histogram steps,
 * with axes, "nice" ticks (1, 2, 5 × 10^k), axis labels with units, a title and a legend. Opens in any
 * browser or vector editor.
 */

/** One series of a chart. */
export interface ChartSeries {
  name: string;
  color: string;
  /** `line`: points (x[i], y[i]); `steps`: bars between edges x[i] … x[i+1] of height y[i] (x has one more entry). */
  kind: 'line' | 'steps';
  x: readonly number[];
  y: readonly number[];
}

/** A chart. */
export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  width?: number;
  height?: number;
  /** A line of text under the title (e.g. a distance). */
  subtitle?: string;
}

const MARGIN = { left: 70, right: 20, top: 50, bottom: 50 };

/** Escape text for SVG. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Ticks at 1, 2 or 5 × 10^k covering [lo, hi] with about `count` steps. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

function label(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(1) : String(Number(v.toPrecision(6)));
}

/** The SVG text of `chart`. */
export function svgChart(chart: Chart): string {
  const width = chart.width ?? 720;
  const height = chart.height ?? 420;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const xs = chart.series.flatMap((s) => s.x.filter(Number.isFinite));
  const ys = chart.series.flatMap((s) => s.y.filter(Number.isFinite));
  const xLo = xs.length > 0 ? Math.min(...xs) : 0;
  const xHi = xs.length > 0 ? Math.max(...xs) : 1;
  const yLo = Math.min(0, ...ys);
  const yHi = ys.length > 0 ? Math.max(...ys) * 1.05 || 1 : 1;
  const X = (v: number): number => MARGIN.left + ((v - xLo) / (xHi - xLo || 1)) * plotW;
  const Y = (v: number): number => MARGIN.top + plotH - ((v - yLo) / (yHi - yLo || 1)) * plotH;
  const f = (v: number): string => v.toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${esc(chart.title)}</text>`,
  ];
  if (chart.subtitle)
    parts.push(`<text x="${width / 2}" y="38" text-anchor="middle">${esc(chart.subtitle)}</text>`);
  for (const t of niceTicks(xLo, xHi)) {
    parts.push(
      `<line x1="${f(X(t))}" x2="${f(X(t))}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#eee"/>`,
      `<text x="${f(X(t))}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${label(t)}</text>`,
    );
  }
  for (const t of niceTicks(yLo, yHi, 5)) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${f(Y(t))}" y2="${f(Y(t))}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 6}" y="${f(Y(t) + 4)}" text-anchor="end">${label(t)}</text>`,
    );
  }
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#444"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${esc(chart.xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(chart.yLabel)}</text>`,
  );
  chart.series.forEach((s, k) => {
    const pts: string[] = [];
    if (s.kind === 'steps') {
      for (let i = 0; i < s.y.length; i++) {
        pts.push(`${f(X(s.x[i]))},${f(Y(s.y[i]))}`, `${f(X(s.x[i + 1]))},${f(Y(s.y[i]))}`);
      }
      if (pts.length > 0) {
        const base = `${f(X(s.x[s.y.length]))},${f(Y(0))} ${f(X(s.x[0]))},${f(Y(0))}`;
        parts.push(
          `<polygon points="${pts.join(' ')} ${base}" fill="${s.color}" fill-opacity="0.25" stroke="none"/>`,
        );
      }
    } else {
      for (let i = 0; i < s.x.length; i++)
        if (Number.isFinite(s.y[i])) pts.push(`${f(X(s.x[i]))},${f(Y(s.y[i]))}`);
    }
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.5"/>`);
    const ly = MARGIN.top + 14 + 16 * k;
    parts.push(
      `<line x1="${MARGIN.left + plotW - 150}" x2="${MARGIN.left + plotW - 130}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="3"/>`,
      `<text x="${MARGIN.left + plotW - 124}" y="${ly}">${esc(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
