/**
 * Draws worker results on the lead II strip with `Plotly.react`, outside React: one SVG line trace
 * (`scatter`, which Plotly simplifies to the pixels it covers) plus R-peak markers. The time-axis array
 * and the layout object are reused while the geometry is unchanged, so Plotly's diff sees only new y
 * data; Plotly still redraws the whole figure on new data, which is why the figure is kept lean (grid as
 * one image, no per-label measuring). After each paint the paint log gets the exact arrays drawn and
 * the input-to-frame latency.
 */
import type { Config, Data, Layout } from 'plotly.js-dist-min';
import { plotPurge, plotReact } from './plotly.ts';
import { recordStripPaint } from '../../state/paint-log.ts';
import type { PublishedResult } from '../../state/synth-results.ts';
import { paperRangeMv, PAPER_COLORS } from './ecg-paper.ts';
import { createLatestPainter } from './latest-painter.ts';
import { nextFrame } from './next-frame.ts';
import { stripLayout } from './strip-layout.ts';

const CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: false,
  scrollZoom: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
};

/** The handle of a strip renderer. */
export interface StripRenderer {
  /** Draw `published` (coalesced: only the newest waiting result is drawn). */
  show(published: PublishedResult): void;
  /** The visible container is now `widthPx` wide: redraw if the scale changes. */
  resize(widthPx: number): void;
  /** Stop drawing and release Plotly's resources. */
  dispose(): void;
}

/** Times of `n` samples at `fsHz`, s (cached: the same array while fs and n stay the same). */
function timeAxisCache(): (fsHz: number, n: number) => Float64Array {
  let cached = new Float64Array(0);
  let cachedFsHz = 0;
  return (fsHz, n) => {
    if (cached.length !== n || cachedFsHz !== fsHz) {
      cached = new Float64Array(n);
      for (let i = 0; i < n; i++) cached[i] = i / fsHz;
      cachedFsHz = fsHz;
    }
    return cached;
  };
}

function extent(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return values.length ? [lo, hi] : [0, 0];
}

/** Create a renderer drawing into `div`; `onError` receives failed paints. */
export function createStripRenderer(div: HTMLElement, onError: (err: unknown) => void): StripRenderer {
  const timeAxis = timeAxisCache();
  let containerWidthPx = div.parentElement?.clientWidth ?? 900;
  let layout: Partial<Layout> | null = null;
  let layoutKey = '';
  let last: PublishedResult | null = null;
  let disposed = false;

  const layoutFor = (durationS: number, rangeMv: [number, number]) => {
    const key = `${durationS}|${rangeMv.join(',')}|${containerWidthPx}`;
    if (key !== layoutKey || !layout) {
      layout = stripLayout({ durationS, rangeMv, containerWidthPx });
      layoutKey = key;
    }
    return layout;
  };

  const paint = async (published: PublishedResult) => {
    const { result, inputAtMs } = published;
    const { signalMv, fsHz, rPeak } = result;
    const timeS = timeAxis(fsHz, signalMv.length);
    const [minMv, maxMv] = extent(signalMv);
    const peakTimeS = Array.from(rPeak, (i) => i / fsHz);
    const peakMv = Array.from(rPeak, (i) => signalMv[i]);
    const data: Data[] = [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Lead II',
        x: timeS,
        y: signalMv,
        line: { color: PAPER_COLORS.trace, width: 1.3 },
        hovertemplate: '%{x:.3f} s<br>%{y:.3f} mV<extra>lead II</extra>',
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'R peaks',
        x: peakTimeS,
        y: peakMv,
        marker: { color: PAPER_COLORS.rPeak, size: 6, symbol: 'circle-open' },
        hovertemplate: 'R peak %{x:.3f} s<extra></extra>',
      },
    ];
    await plotReact(div, data, layoutFor(signalMv.length / fsHz, paperRangeMv(minMv, maxMv)), CONFIG);
    await nextFrame();
    if (disposed) return;
    recordStripPaint({
      requestId: result.id,
      timeS,
      mv: signalMv,
      latencyMs: inputAtMs === null ? null : performance.now() - inputAtMs,
    });
  };

  const painter = createLatestPainter(paint, onError);
  return {
    show(published) {
      last = published;
      painter.schedule(published);
    },
    resize(widthPx) {
      if (Math.abs(widthPx - containerWidthPx) < 2) return;
      containerWidthPx = widthPx;
      if (last) painter.schedule({ ...last, inputAtMs: null });
    },
    dispose() {
      disposed = true;
      painter.dispose();
      plotPurge(div);
    },
  };
}
