/**
 * The record settings of the Dataset builder: duration, sampling rate, seed, the preset the classes start
 * from, noise, output format and the optional train/validation split. Native, labelled controls.
 */
import { OUTPUT_FORMATS, type OutputFormat } from '../../dataset/recipe.ts';
import { DATASET_LABELS as L, type DatasetForm, type FormError } from '../../state/dataset-form.ts';
import type { PresetName } from '../../synth/index.ts';
import { DatasetTextField } from './DatasetTextField.tsx';

/** Props: the form, its setter, the current error, and whether an export is running. */
export interface DatasetSettingsProps {
  form: DatasetForm;
  onChange: (form: DatasetForm) => void;
  error: FormError | null;
  disabled: boolean;
}

const FORMAT_NOTES: Record<OutputFormat, string> = {
  npy: 'signals.npy (float32, mV)',
  wfdb: 'wfdb/ (.hea .dat .atr .fid)',
  csv: 'csv/ (time_s, ii_mv)',
};

/** The settings group. */
export function DatasetSettings({ form, onChange, error, disabled }: DatasetSettingsProps) {
  const set = (patch: Partial<DatasetForm>) => onChange({ ...form, ...patch });
  return (
    <fieldset className="dataset-settings" disabled={disabled}>
      <legend>Records</legend>
      <DatasetTextField
        label={L.duration}
        value={form.durationText}
        onChange={(durationText) => set({ durationText })}
        error={error}
        hint="1-600"
      />
      <DatasetTextField
        label={L.fs}
        value={form.fsText}
        onChange={(fsText) => set({ fsText })}
        error={error}
        hint="100-1000"
      />
      <DatasetTextField
        label={L.seed}
        value={form.seedText}
        onChange={(seedText) => set({ seedText })}
        error={error}
        size={11}
        hint="record k: seed + k"
      />
      <label className="dataset-field">
        {L.preset}
        <select value={form.preset} onChange={(e) => set({ preset: e.target.value as PresetName })}>
          <option value="default">default</option>
          <option value="nonaka2026">nonaka2026</option>
        </select>
      </label>
      <label className="dataset-field">
        {L.noise}
        <select value={form.noise} onChange={(e) => set({ noise: e.target.value as 'default' | 'none' })}>
          <option value="default">the parameters' noise sources</option>
          <option value="none">none (exactly zero)</option>
        </select>
      </label>
      <label className="dataset-field">
        {L.output}
        <select value={form.output} onChange={(e) => set({ output: e.target.value as OutputFormat })}>
          {OUTPUT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}: {FORMAT_NOTES[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="dataset-check dataset-split">
        <input type="checkbox" checked={form.splitOn} onChange={(e) => set({ splitOn: e.target.checked })} />
        Train/validation split
      </label>
      {form.splitOn && (
        <>
          <DatasetTextField
            label={L.split}
            value={form.splitText}
            onChange={(splitText) => set({ splitText })}
            error={error}
            size={5}
            hint="share of each class"
          />
          <DatasetTextField
            label={L.splitSeed}
            value={form.splitSeedText}
            onChange={(splitSeedText) => set({ splitSeedText })}
            error={error}
            size={11}
            hint="empty: the dataset seed"
          />
        </>
      )}
    </fieldset>
  );
}
