/**
 * One variety thumbnail: a button holding the record's canvas and its seed and class. Activating it
 * (click, Enter or Space) opens that exact record in the main plot.
 */
import type { Ref } from 'react';
import type { VarietyLabel } from '../../state/variety-results.ts';

/** Props of `VarietyThumbButton`. */
export interface VarietyThumbButtonProps {
  /** 0-based position in the grid. */
  index: number;
  /** Seed and class of the record, or null before the first result. */
  label: VarietyLabel | null;
  /** Whether this record is the one on the strip. */
  current: boolean;
  /** Receives the canvas the record is drawn on. */
  canvasRef: Ref<HTMLCanvasElement>;
  /** Open record `index`. */
  onOpen(index: number): void;
}

/** A thumbnail button. */
export function VarietyThumbButton({ index, label, current, canvasRef, onOpen }: VarietyThumbButtonProps) {
  const caption = label ? `seed ${label.seed} · ${label.className}` : 'computing…';
  return (
    <button
      type="button"
      className="variety-thumb"
      data-testid="variety-thumb"
      data-seed={label?.seed}
      disabled={label === null}
      aria-current={current ? 'true' : undefined}
      aria-label={label ? `Open record ${index + 1}, ${caption}, in the main plot` : undefined}
      onClick={() => onOpen(index)}
    >
      <canvas ref={canvasRef} className="variety-canvas" aria-hidden="true" />
      <span className="variety-caption">
        <span className="variety-index">#{index + 1}</span> {caption}
        {current && <span className="variety-current"> · on the strip</span>}
      </span>
    </button>
  );
}
