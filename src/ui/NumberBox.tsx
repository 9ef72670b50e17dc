/**
 * A number box bound to one numeric parameter. Valid input is applied as it is typed; invalid input
 * (not a number, out of range, not whole where required) shows an inline error and is not applied.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import type { NumberSpec, SynthParams } from '../synth/index.ts';
import { setParams } from '../state/params-actions.ts';
import { useStudio } from '../state/use-studio.ts';
import { checkTypedNumber } from './number-input-check.ts';
import { formatNumber, paramControlId } from './param-label.ts';

/** Props of `NumberBox`. */
export interface NumberBoxProps {
  spec: NumberSpec;
  /** Accessible name of the box. */
  ariaLabel: string;
  /** Element id of the box. */
  id: string;
  /** Id of an element describing the parameter (help text), if any. */
  describedBy?: string;
}

/** The number box of `spec`; its error message has id `param-<key>-error`. */
export function NumberBox({ spec, ariaLabel, id, describedBy }: NumberBoxProps) {
  const key = spec.key as keyof SynthParams;
  const value = useStudio((s) => s.params[key]) as number;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = paramControlId(spec.key, 'error');

  // A change from elsewhere (slider, preset, link) replaces text the user left behind.
  useEffect(() => {
    setDraft((d) => (d !== null && Number(d) === value && d.trim() !== '' ? d : null));
    setError(null);
  }, [value]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    setDraft(input.value);
    const check = checkTypedNumber(input.value, input.validity.badInput, spec);
    if (!check.ok) {
      setError(check.reason);
      return;
    }
    setError(null);
    setParams({ [key]: check.value }, { inputAtMs: event.nativeEvent.timeStamp });
  };

  return (
    <>
      <input
        id={id}
        className="number-box"
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={draft ?? formatNumber(value)}
        aria-label={ariaLabel}
        aria-invalid={error !== null}
        aria-describedby={[error ? errorId : '', describedBy ?? ''].join(' ').trim() || undefined}
        onChange={onChange}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
      />
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
