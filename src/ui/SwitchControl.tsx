/** A switch parameter's control: a labelled checkbox. */
import type { SwitchSpec, SynthParams } from '../synth/index.ts';
import { setParams } from '../state/params-actions.ts';
import { useStudio } from '../state/use-studio.ts';
import { paramControlId, paramLabel } from './param-label.ts';

/** Checkbox of the switch parameter `spec`. */
export function SwitchControl({ spec }: { spec: SwitchSpec }) {
  const key = spec.key as keyof SynthParams;
  const checked = useStudio((s) => s.params[key]) === true;
  const id = paramControlId(spec.key);
  const helpId = paramControlId(spec.key, 'help');
  return (
    <div className="param param-switch">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={helpId}
        onChange={(e) =>
          setParams({ [key]: e.currentTarget.checked }, { inputAtMs: e.nativeEvent.timeStamp })
        }
      />
      <label htmlFor={id} title={spec.help}>
        {paramLabel(spec)}
      </label>
      <span id={helpId} className="visually-hidden">
        {spec.help}
      </span>
    </div>
  );
}
