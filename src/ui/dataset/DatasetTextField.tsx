/** A labelled text box of the Dataset builder (units in the label), marked invalid when it has the error. */
import type { FormError } from '../../state/dataset-form.ts';

/** Props of `DatasetTextField`. */
export interface DatasetTextFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error: FormError | null;
  /** Width in characters. */
  size?: number;
  hint?: string;
  disabled?: boolean;
}

/** The field. */
export function DatasetTextField({
  label,
  value,
  onChange,
  error,
  size = 7,
  hint,
  disabled,
}: DatasetTextFieldProps) {
  const invalid = error?.control === label;
  const id = `dataset-${label.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
  return (
    <label className="dataset-field">
      {label}
      <input
        type="text"
        inputMode="decimal"
        size={size}
        value={value}
        disabled={disabled}
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'dataset-form-error' : hint !== undefined ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint !== undefined && (
        <small id={`${id}-hint`} className="dataset-hint">
          {hint}
        </small>
      )}
    </label>
  );
}
