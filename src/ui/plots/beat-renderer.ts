/**
 * Draws the single-beat views (SVG `scatter`, small) outside React, and logs what it drew. It never competes with the live
 * strip: it repaints only once the strip has drawn the newest result and no newer result arrived for
 * `SETTLE_MS` (or at the latest every `MAX_STALE_MS` during a long drag).
 */
import type { Config } from 'plotly.js-dist-min';
import { plotPurge, plotReact } from './plotly.ts';
import type { PublishedResult } from '../../state/synth-results.ts';
import { recordBeatViewsPaint } from '../../state/view-log.ts';
import { beatFigure } from './beat-figure.ts';
import { createLatestPainter } from './latest-painter.ts';

/** Quiet time after the last result before the beat view repaints, ms. */
export const SETTLE_MS = 60;
/** Longest the beat view lags behind the strip during continuous changes, ms. */
export const MAX_STALE_MS = 500;

const CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ['select2d', 'lasso2d'],
};

/** The handle of a beat renderer. */
export interface BeatRenderer {
  /** A newer result exists; draw it once things settle. */
  show(published: PublishedResult): void;
  /** Stop drawing and release Plotly's resources. */
  dispose(): void;
}

/** Create a renderer drawing into `div`; `onError` receives failed paints. */
export function createBeatRenderer(div: HTMLElement, onError: (err: unknown) => void): BeatRenderer {
  const painter = createLatestPainter(async (published: PublishedResult) => {
    const views = published.result.beatViews;
    const { data, layout } = beatFigure(views);
    await plotReact(div, data, layout, CONFIG);
    recordBeatViewsPaint(views.map((v) => ({ title: v.title, parts: v.parts.map((p) => p.name) })));
  }, onError);
  let waiting: PublishedResult | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstWaitingAtMs = 0;

  const flush = () => {
    timer = null;
    if (waiting) painter.schedule(waiting);
    waiting = null;
  };

  return {
    show(published) {
      const nowMs = performance.now();
      if (!waiting) firstWaitingAtMs = nowMs;
      waiting = published;
      if (timer !== null) clearTimeout(timer);
      const delayMs = Math.min(SETTLE_MS, Math.max(0, firstWaitingAtMs + MAX_STALE_MS - nowMs));
      timer = setTimeout(flush, delayMs);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      painter.dispose();
      plotPurge(div);
    },
  };
}
