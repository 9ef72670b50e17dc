/**
 * The classes of the dataset: include each or not, its record count, and where its parameters come
 * from: the preset, the studio's current parameters (a snapshot, taken with the button), or a loaded
 * recipe. Each row can show the class's parameter distributions.
 */
import { CLASS_NAMES, type ClassName } from '../../core/units.ts';
import {
  classParamsOfForm,
  countLabel,
  paramsLabel,
  type ClassForm,
  type DatasetForm,
  type FormError,
} from '../../state/dataset-form.ts';
import { studioStore } from '../../state/studio-store.ts';
import { classLongName } from '../class-names.ts';
import { DatasetDistributions } from './DatasetDistributions.tsx';
import { DatasetTextField } from './DatasetTextField.tsx';

/** Props: the form, its setter, the current error, and whether an export is running. */
export interface DatasetClassesProps {
  form: DatasetForm;
  onChange: (form: DatasetForm) => void;
  error: FormError | null;
  disabled: boolean;
}

function sourceText(row: ClassForm, form: DatasetForm): string {
  if (row.source === 'studio') return "the studio's parameters (snapshot)";
  if (row.source === 'recipe') return 'the loaded recipe';
  return `preset ${form.preset}`;
}

/** The class table. */
export function DatasetClasses({ form, onChange, error, disabled }: DatasetClassesProps) {
  const setRow = (c: ClassName, patch: Partial<ClassForm>) =>
    onChange({ ...form, classes: { ...form.classes, [c]: { ...form.classes[c], ...patch } } });
  const takeStudio = (c: ClassName) => {
    const params = { ...studioStore.getState().params, className: c };
    setRow(c, { source: 'studio', params });
  };
  return (
    <fieldset className="dataset-classes" disabled={disabled}>
      <legend>Classes</legend>
      {error?.control === 'Classes' && <span className="visually-hidden">Classes: {error.message}</span>}
      {CLASS_NAMES.map((c) => {
        const row = form.classes[c];
        const params = classParamsOfForm(form, c);
        const paramsInvalid = error?.control === paramsLabel(c);
        return (
          <div className="dataset-class" key={c} data-testid={`dataset-class-${c}`}>
            <label className="dataset-check dataset-class-name">
              <input
                type="checkbox"
                checked={row.include}
                aria-label={`Include ${c}`}
                onChange={(e) => setRow(c, { include: e.target.checked })}
              />
              <span>
                <strong>{c}</strong> <span className="dataset-hint">{classLongName(c)}</span>
              </span>
            </label>
            <DatasetTextField
              label={countLabel(c)}
              value={row.countText}
              onChange={(countText) => setRow(c, { countText })}
              error={error}
              size={8}
              disabled={!row.include}
            />
            <div
              className="dataset-params"
              role="group"
              aria-label={paramsLabel(c)}
              aria-invalid={paramsInvalid || undefined}
            >
              <span className="dataset-params-source" data-testid={`dataset-source-${c}`}>
                {paramsLabel(c)}: {sourceText(row, form)}
              </span>
              <button
                type="button"
                disabled={!row.include}
                aria-label={`Use the studio's current parameters for ${c}`}
                title="Take the parameters set in the studio above (waves, rhythm, noise, class parameters)"
                onClick={() => takeStudio(c)}
              >
                Use current studio parameters
              </button>
              {row.source !== 'preset' && (
                <button
                  type="button"
                  aria-label={`Use the preset for ${c}`}
                  onClick={() => setRow(c, { source: 'preset', params: null })}
                >
                  Back to the preset
                </button>
              )}
            </div>
            {row.include && params !== null && <DatasetDistributions params={params} />}
          </div>
        );
      })}
    </fieldset>
  );
}
