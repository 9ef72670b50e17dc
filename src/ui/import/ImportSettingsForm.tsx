/**
 * The import's settings, in two groups: how records are read (lead, annotator, patients table) and how
 * they are windowed (output rate, window, stride, label rule, rhythm-note → class map, optional
 * band-pass). Every control is a labelled native input (units in the label), so it works from the
 * keyboard; a field with an error is marked invalid.
 */
import type { ImportFormText } from './import-form.ts';
import { FIELD_LABELS } from './import-form.ts';

/** Props: the settings as typed, their setter, the current error and the patients table's setter. */
export interface ImportSettingsFormProps {
  form: ImportFormText;
  onChange: (form: ImportFormText) => void;
  error: string | null;
  onPatientsCsv: (text: string | undefined) => void;
}

type TextKey = keyof typeof FIELD_LABELS;

/** The settings form. */
export function ImportSettingsForm({ form, onChange, error, onPatientsCsv }: ImportSettingsFormProps) {
  const text = (key: TextKey, size = 6, hint?: string, disabled = false) => {
    const label = FIELD_LABELS[key];
    const hintId = hint === undefined ? undefined : `import-hint-${key}`;
    return (
      <label className="import-field">
        {label}
        <input
          type="text"
          size={size}
          value={form[key]}
          disabled={disabled}
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={error?.startsWith(`${label}:`) ?? false}
          onChange={(e) => onChange({ ...form, [key]: e.target.value })}
        />
        {hint !== undefined && (
          <small id={hintId} className="import-hint">
            {hint}
          </small>
        )}
      </label>
    );
  };

  return (
    <div className="import-settings">
      <fieldset>
        <legend>Reading</legend>
        <label className="import-field">
          Lead
          <select value={form.lead} onChange={(e) => onChange({ ...form, lead: e.target.value })}>
            <option value="II">II</option>
            <option value="MLII">MLII</option>
            <option value="auto">auto</option>
          </select>
        </label>
        {text('annotator', 5, 'WFDB annotations: NAME.atr, .qrs …')}
        <label className="import-field">
          Patients CSV (optional)
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) onPatientsCsv(undefined);
              else void file.text().then(onPatientsCsv);
            }}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Windows</legend>
        {text('fsHz')}
        {text('windowS')}
        {text('strideS', 6, 'empty: the window')}
        {text('labelRule', 28, 'rhythm-majority:F, contains-beat:V=pvc, record')}
        {text('rhythmMap', 36, 'NOTE=class, …; nsr af afl pvc wpw')}
        <label className="import-field import-check">
          <span>
            <input
              type="checkbox"
              checked={form.bandpass}
              onChange={(e) => onChange({ ...form, bandpass: e.target.checked })}
            />{' '}
            Band-pass filter (zero phase)
          </span>
        </label>
        {text('lowHz', 5, undefined, !form.bandpass)}
        {text('highHz', 5, undefined, !form.bandpass)}
      </fieldset>
    </div>
  );
}
