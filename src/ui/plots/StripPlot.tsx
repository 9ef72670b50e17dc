/**
 * The live lead II strip on ECG paper. React renders only the frame; samples arrive through
 * `subscribeResults` and are drawn by the strip renderer with `Plotly.react`.
 */
import { useEffect, useRef } from 'react';
import { latestResult, subscribeResults } from '../../state/synth-results.ts';
import { createStripRenderer } from './strip-renderer.ts';
import { reportPlotError } from './plot-error.ts';

/** The 10-s (whole-record) lead II strip at 25 mm/s and 10 mm/mV. */
export function StripPlot() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const scroller = scrollRef.current;
    const plotDiv = plotRef.current;
    if (!scroller || !plotDiv) return;
    const renderer = createStripRenderer(plotDiv, (err) => reportPlotError('lead II strip', err));
    const unsubscribe = subscribeResults((published) => renderer.show(published));
    const observer = new ResizeObserver(() => renderer.resize(scroller.clientWidth));
    observer.observe(scroller);
    const latest = latestResult();
    if (latest) renderer.show(latest);
    return () => {
      observer.disconnect();
      unsubscribe();
      renderer.dispose();
    };
  }, []);

  return (
    <figure className="plot-card">
      <figcaption>
        <h2>Lead II strip</h2>
        <span className="plot-note">ECG paper: 25 mm/s, 10 mm/mV; 1 mm = 0.04 s × 0.1 mV</span>
      </figcaption>
      <div className="strip-scroll" ref={scrollRef}>
        <div ref={plotRef} data-testid="strip-plot" />
      </div>
    </figure>
  );
}
