/**
 * The variety view: `VARIETY_COUNT` records drawn from the current class's distributions (record i has
 * seed `recordSeed(seed, class, i)`, all other parameters the current ones), each the start of its
 * record on a small canvas with its seed and class. Clicking one opens that exact record in the main
 * plot. React renders only the frame and the captions; the canvases are drawn from a subscription.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { reportError } from '../../state/messages-actions.ts';
import { setParams } from '../../state/params-actions.ts';
import { useStudio } from '../../state/use-studio.ts';
import { latestVariety, latestVarietyLabels, subscribeVariety } from '../../state/variety-results.ts';
import { VARIETY_COUNT, VARIETY_WINDOW_S } from '../../state/variety-settings.ts';
import { recordVarietyPaint } from '../../state/view-log.ts';
import { classLongName } from '../class-names.ts';
import { drawThumb } from './draw-thumb.ts';
import { thumbScale } from './thumb-scale.ts';
import { VarietyThumbButton } from './VarietyThumbButton.tsx';
import './variety.css';

const SLOTS = Array.from({ length: VARIETY_COUNT }, (_, i) => i);

/** Draw the latest result on `canvases` and log what was drawn. */
function drawLatest(canvases: (HTMLCanvasElement | null)[]): void {
  const published = latestVariety();
  if (!published) return;
  try {
    const scale = thumbScale(
      published.thumbs.map((t) => t.signalMv),
      published.windowS,
    );
    published.thumbs.forEach((thumb, i) => {
      const canvas = canvases[i];
      if (canvas) drawThumb(canvas, thumb, scale);
    });
    recordVarietyPaint(published.labels);
  } catch (err) {
    reportError(
      'plot',
      `Could not draw the variety view: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Open variety record `index`: the parameters it was drawn from, with its seed. */
function openRecord(index: number, inputAtMs: number): void {
  const published = latestVariety();
  const label = published?.labels[index];
  if (!published || !label) return;
  setParams({ ...published.params, seed: label.seed }, { inputAtMs });
}

/** The variety panel. */
export function VarietyPanel() {
  const gridRef = useRef<HTMLDivElement>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const labels = useSyncExternalStore(subscribeVariety, latestVarietyLabels);
  const drawnParams = useSyncExternalStore(subscribeVariety, () => latestVariety()?.params ?? null);
  const className = useStudio((s) => s.params.className);
  const seed = useStudio((s) => s.params.seed);
  // True from a parameter change until its records arrive (a boolean: no re-render per slider step).
  const stale = useStudio((s) => drawnParams !== null && s.params !== drawnParams);
  const canvasRefs = useMemo(
    () =>
      SLOTS.map((i) => (el: HTMLCanvasElement | null) => {
        canvases.current[i] = el;
      }),
    [],
  );

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const draw = () => drawLatest(canvases.current);
    const unsubscribe = subscribeVariety(draw);
    const observer = new ResizeObserver(draw);
    observer.observe(grid);
    draw();
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, []);

  return (
    <figure className="plot-card variety-card" aria-labelledby="variety-heading">
      <figcaption>
        <h2 id="variety-heading">
          Variety: {VARIETY_COUNT} records of {className}
        </h2>
        <span className="plot-note">
          {classLongName(className)}; first {VARIETY_WINDOW_S} s of each record, one scale for all: 1 s
          between dark lines, boxes 0.2 s × 0.5 mV. Click a record to open it in the strip.
        </span>
      </figcaption>
      <div className="variety-grid" ref={gridRef} aria-busy={stale || labels === null}>
        {SLOTS.map((i) => {
          const label = labels?.[i] ?? null;
          return (
            <VarietyThumbButton
              key={i}
              index={i}
              label={label}
              current={label !== null && label.seed === seed && label.className === className}
              canvasRef={canvasRefs[i]}
              onOpen={(index) => openRecord(index, performance.now())}
            />
          );
        })}
      </div>
    </figure>
  );
}
