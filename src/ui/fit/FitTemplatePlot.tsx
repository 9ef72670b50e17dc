/** One fitted template drawn by Plotly (fit-figure.ts). */
import type { Config } from 'plotly.js-dist-min';
import { plotPurge, plotReact } from '../plots/plotly.ts';
import { useEffect, useRef } from 'react';
import type { FitTemplateView } from '../../workers/fit-protocol.ts';
import { reportPlotError } from '../plots/plot-error.ts';
import { fitFigure } from './fit-figure.ts';

const CONFIG: Partial<Config> = { displaylogo: false, responsive: true, scrollZoom: false };

/** The plot of `template`, labelled `label` for screen readers. */
export function FitTemplatePlot({ template, label }: { template: FitTemplateView; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const div = ref.current;
    if (!div) return;
    const { data, layout } = fitFigure(template);
    plotReact(div, data, layout, CONFIG).catch((e: unknown) => reportPlotError('fit plot', e));
    return () => plotPurge(div);
  }, [template]);
  return <div ref={ref} className="fit-plot" role="img" aria-label={label} />;
}
