/** The single-beat view: the class's beat(s), named parts under their sum, drawn outside React. */
import { useEffect, useRef } from 'react';
import { subscribeStripPaints } from '../../state/paint-log.ts';
import { latestResult } from '../../state/synth-results.ts';
import { createBeatRenderer } from './beat-renderer.ts';
import { reportPlotError } from './plot-error.ts';

/**
 * The class's typical beat(s) at the current parameters' means (no variability, no noise): a sinus beat,
 * an AF or flutter beat over its atrial waves, a sinus beat beside a PVC, or a pre-excited beat.
 */
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
        <span className="plot-note">
          Mean beat of the class, without variability or noise: named parts (dotted) under their sum
        </span>
      </figcaption>
      <div ref={plotRef} data-testid="beat-plot" />
    </figure>
  );
}
