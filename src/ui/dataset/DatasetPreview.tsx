/**
 * The builder's preview: the first records of each class exactly as the dataset will hold them, on ECG
 * paper at one shared scale (the variety view's drawing), and the expected size of the archive. The
 * canvases are drawn from a store subscription, not through React state.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { PREVIEW_PER_CLASS, PREVIEW_WINDOW_S } from '../../app/dataset-preview.ts';
import { datasetStore, type DatasetPreview as Preview } from '../../state/dataset-store.ts';
import { classLongName } from '../class-names.ts';
import { drawThumb } from '../variety/draw-thumb.ts';
import { thumbScale } from '../variety/thumb-scale.ts';

/** `bytes` in MB (10^6 bytes), to a sensible precision. */
export function formatMb(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb.toFixed(mb < 10 ? 2 : mb < 1000 ? 1 : 0)} MB`;
}

function draw(root: HTMLElement, preview: Preview | null): void {
  if (!preview) return;
  const thumbs = preview.classes.flatMap((c) => c.thumbs);
  const scale = thumbScale(
    thumbs.map((t) => t.signalMv),
    PREVIEW_WINDOW_S,
  );
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-thumb]')) {
    const [ci, ti] = canvas.dataset.thumb!.split(':').map(Number);
    const thumb = preview.classes[ci]?.thumbs[ti];
    if (thumb) drawThumb(canvas, thumb, scale);
  }
}

/** Sample strips per class and the expected size. */
export function DatasetPreview({ stale }: { stale: boolean }) {
  const preview = useStore(datasetStore, (s) => s.preview);
  const error = useStore(datasetStore, (s) => s.previewError);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const redraw = () => draw(root, datasetStore.getState().preview);
    redraw();
    const observer = new ResizeObserver(redraw);
    observer.observe(root);
    return () => observer.disconnect();
  }, [preview]);

  return (
    <div className="dataset-preview" ref={rootRef} aria-busy={stale}>
      <h3>Preview</h3>
      <p className="dataset-size" data-testid="dataset-size" aria-live="polite">
        {preview === null
          ? 'Expected size: computing…'
          : `${preview.rows.toLocaleString('en')} records · expected size of the .zip: ${preview.exact ? '' : 'about '}${formatMb(preview.estimatedBytes)}`}
      </p>
      {error !== null && (
        <p className="dataset-error" role="alert">
          {error}
        </p>
      )}
      <p className="dataset-hint">
        The first {PREVIEW_PER_CLASS} records of each class, exactly as in the dataset; first{' '}
        {PREVIEW_WINDOW_S} s, one scale for all (boxes 0.2 s × 0.5 mV).
      </p>
      {preview?.classes.map((c, ci) => (
        <div className="dataset-preview-class" key={c.className}>
          <h4>
            {c.className} <span className="dataset-hint">{classLongName(c.className)}</span>
          </h4>
          <div className="dataset-preview-strips">
            {c.thumbs.map((t, ti) => (
              <figure key={c.names[ti]} className="dataset-preview-strip">
                <canvas
                  data-thumb={`${ci}:${ti}`}
                  role="img"
                  aria-label={`${c.names[ti]}, seed ${t.seed}: first ${PREVIEW_WINDOW_S} s of lead II`}
                />
                <figcaption>
                  {c.names[ti]} · seed {t.seed}
                </figcaption>
              </figure>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
