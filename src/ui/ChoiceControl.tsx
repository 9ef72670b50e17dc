/** A choice parameter's control: a labelled select. */
import type { ChoiceSpec, SynthParams } from '../synth/index.ts';
import { setParams } from '../state/params-actions.ts';
import { useStudio } from '../state/use-studio.ts';
import { paramControlId, paramLabel } from './param-label.ts';

/** Select of the choice parameter `spec`. */
export function ChoiceControl({ spec }: { spec: ChoiceSpec }) {
  const key = spec.key as keyof SynthParams;
  const value = String(useStudio((s) => s.params[key]));
  const id = paramControlId(spec.key);
  const helpId = paramControlId(spec.key, 'help');
  return (
    <div className="param param-choice">
      <label htmlFor={id} title={spec.help}>
        {paramLabel(spec)}
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={helpId}
        onChange={(e) => setParams({ [key]: e.currentTarget.value }, { inputAtMs: e.nativeEvent.timeStamp })}
      >
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <span id={helpId} className="visually-hidden">
        {spec.help}
      </span>
    </div>
  );
}
