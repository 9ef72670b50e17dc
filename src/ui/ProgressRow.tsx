/** A long job's progress: what it is doing, a bar, the percentage (read out politely) and Cancel. */

/** Props of `ProgressRow`. */
export interface ProgressRowProps {
  /** What the job is doing now, e.g. "Fitting 100". */
  label: string;
  /** Fraction done, 0-1. */
  fraction: number;
  onCancel: () => void;
  className: string;
}

/** The progress row of a running job. */
export function ProgressRow({ label, fraction, onCancel, className }: ProgressRowProps) {
  return (
    <div className={className}>
      <label>
        {label}
        <progress max={1} value={fraction} />
      </label>
      <span aria-live="polite">{Math.round(100 * fraction)} %</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
