/** The single-beat view: the five Gaussian components and their sum, drawn outside React. */
import { useEffect, useRef } from 'react';
import { subscribeStripPaints } from '../../state/paint-log.ts';
import { latestResult } from '../../state/synth-results.ts';
import { createBeatRenderer } from './beat-renderer.ts';
import { reportPlotError } from './plot-error.ts';

/** The base beat at the current parameters (no variability, no noise), split into P, Q, R, S, T. */
export function BeatPlot() {
  const plotRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const plotDiv = plotRef.current;
    if (!plotDiv) return;
    const renderer = createBeatRenderer(plotDiv, (err) => reportPlotError('single-beat view', err));
    // Follow the strip: repaint after the strip has shown a result, never ahead of it.
    const unsubscribe = subscribeStripPaints(() => {
      const latest = latestResult();
      if (latest) renderer.show(latest);
    });
    const latest = latestResult();
    if (latest) renderer.show(latest);
    return () => {
      unsubscribe();
      renderer.dispose();
    };
  }, []);

  return (
    <figure className="plot-card">
      <figcaption>
        <h2>Single beat</h2>
        <span className="plot-note">Base beat without variability or noise: components under their sum</span>
      </figcaption>
      <div ref={plotRef} data-testid="beat-plot" />
    </figure>
  );
}
