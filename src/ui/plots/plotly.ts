/**
 * Plotly, loaded as its own chunk: the library is most of the studio's JavaScript, so the page's shell,
 * its controls and the workspace restore start without waiting for it to be parsed and run.
 * `preloadPlotly` starts the download at once; every drawing call awaits the same load. The studio draws
 * only scatter and heatmap traces, so it loads Plotly's cartesian bundle (1.5 MB), not the full one
 * (4.8 MB, with 3-D, maps and WebGL traces): the page's start parses and runs a third of the code.
 */
import type { Config, Data, Layout, PlotlyHTMLElement } from 'plotly.js-dist-min';

type PlotlyModule = typeof import('plotly.js-cartesian-dist-min').default;

let loading: Promise<PlotlyModule> | null = null;
let loaded: PlotlyModule | null = null;

/** Load Plotly (once); later calls share the first load. */
export function preloadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-cartesian-dist-min').then((m) => (loaded = m.default));
  return loading;
}

/** `Plotly.react` on `div`, once Plotly is loaded. */
export async function plotReact(
  div: HTMLElement,
  data: Data[],
  layout: Partial<Layout>,
  config: Partial<Config>,
): Promise<PlotlyHTMLElement> {
  const plotly = await preloadPlotly();
  return plotly.react(div, data, layout, config);
}

/** `Plotly.purge` on `div` (nothing to free when Plotly never drew). */
export function plotPurge(div: HTMLElement): void {
  loaded?.purge(div);
}
