/**
 * One Plotly figure of the Training lab, repainted (latest wins) whenever its data change. A failed
 * paint is reported in the studio's message area.
 */
import type { Config, Data, Layout } from 'plotly.js-dist-min';
import { plotPurge, plotReact } from '../plots/plotly.ts';
import { useEffect, useRef } from 'react';
import { createLatestPainter, type LatestPainter } from '../plots/latest-painter.ts';
import { reportPlotError } from '../plots/plot-error.ts';

const CONFIG: Partial<Config> = { displaylogo: false, responsive: true };

/** A figure: traces and layout. */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

/** A Plotly plot of `figure`, named `name` in error messages. */
export function FigurePlot({ figure, name, testId }: { figure: Figure; name: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const painter = useRef<LatestPainter<Figure> | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const p = createLatestPainter<Figure>(
      async (f) => {
        await plotReact(el, f.data, f.layout, CONFIG);
      },
      (err) => reportPlotError(name, err),
    );
    painter.current = p;
    return () => {
      p.dispose();
      painter.current = null;
      plotPurge(el);
    };
  }, [name]);
  useEffect(() => painter.current?.schedule(figure), [figure]);
  return <div ref={ref} className="train-plot" data-testid={testId} role="img" aria-label={name} />;
}
