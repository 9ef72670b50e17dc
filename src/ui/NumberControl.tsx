/**
 * A numeric parameter's control: label with unit, a range slider that applies every `input` event
 * (live while dragging), and a number box for exact values.
 */
import type { ChangeEvent } from 'react';
import type { NumberSpec, SynthParams } from '../synth/index.ts';
import { setParams } from '../state/params-actions.ts';
import { useStudio } from '../state/use-studio.ts';
import { NumberBox } from './NumberBox.tsx';
import { paramControlId, paramLabel } from './param-label.ts';

/** Slider + number box of the numeric parameter `spec`. */
export function NumberControl({ spec }: { spec: NumberSpec }) {
  const key = spec.key as keyof SynthParams;
  const value = useStudio((s) => s.params[key]) as number;
  const label = paramLabel(spec);
  const sliderId = paramControlId(spec.key);
  const helpId = paramControlId(spec.key, 'help');

  // React's onChange on a range input listens to the native `input` event: it fires while dragging.
  const onSlide = (event: ChangeEvent<HTMLInputElement>) => {
    setParams({ [key]: Number(event.currentTarget.value) }, { inputAtMs: event.nativeEvent.timeStamp });
  };

  return (
    <div className="param param-number">
      <label htmlFor={sliderId} title={spec.help}>
        {label}
      </label>
      <input
        id={sliderId}
        className="slider"
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={value}
        aria-label={label}
        aria-describedby={helpId}
        onChange={onSlide}
      />
      <NumberBox
        spec={spec}
        id={paramControlId(spec.key, 'value')}
        ariaLabel={`${label} value`}
        describedBy={helpId}
      />
      <span id={helpId} className="visually-hidden">
        {spec.help}
      </span>
    </div>
  );
}
