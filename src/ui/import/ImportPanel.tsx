/**
 * "Import real ECGs": pick files or a folder or drop them, choose lead, rate, window, stride and label
 * rule, follow the worker's progress (with Cancel), then see the records, what was skipped and why, the
 * class summary, and the selected record on ECG paper.
 */
import { useEffect, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { cancelImport, startImport } from '../../app/import-client.ts';
import { DEFAULT_LABEL_RULE } from '../../dataset/label-rule.ts';
import { importStore } from '../../state/import-store.ts';
import { RecordPlot } from '../plots/RecordPlot.tsx';
import { importOptionsOf, type ImportFormText } from './import-form.ts';
import './import.css';
import { ImportResults } from './ImportResults.tsx';
import { installImportTestApi } from './import-test-api.ts';

/** The import section. */
export function ImportPanel() {
  const [form, setForm] = useState<ImportFormText>({
    lead: 'II',
    fsHz: '500',
    windowS: '10',
    strideS: '',
    labelRule: DEFAULT_LABEL_RULE,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [patientsCsv, setPatientsCsv] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const phase = useStore(importStore, (s) => s.phase);
  const progress = useStore(importStore, (s) => s.progress);
  const fileCount = useStore(importStore, (s) => s.fileCount);
  const error = useStore(importStore, (s) => s.error);
  const busy = phase === 'reading' || phase === 'running';

  useEffect(() => installImportTestApi(window), []);

  const run = (files: readonly File[]) => {
    if (files.length === 0) return;
    try {
      const options = importOptionsOf(form, patientsCsv);
      setFormError(null);
      void startImport(files, options);
    } catch (e) {
      setFormError((e as Error).message);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    run([...event.dataTransfer.files]);
  };

  const field = (key: keyof ImportFormText, label: string, width = 6) => (
    <label className="import-field">
      {label}
      <input
        type="text"
        size={width}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        aria-invalid={formError?.startsWith(label) ?? false}
      />
    </label>
  );

  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import real ECGs</h2>
      <div className="import-settings">
        <label className="import-field">
          Lead
          <select value={form.lead} onChange={(e) => setForm({ ...form, lead: e.target.value })}>
            <option value="II">II</option>
            <option value="MLII">MLII</option>
            <option value="auto">auto</option>
          </select>
        </label>
        {field('fsHz', 'Sampling rate (Hz)')}
        {field('windowS', 'Window (s)')}
        {field('strideS', 'Stride (s)')}
        {field('labelRule', 'Label rule', 28)}
        <label className="import-field">
          Patients CSV (optional)
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) setPatientsCsv(undefined);
              else void file.text().then(setPatientsCsv);
            }}
          />
        </label>
      </div>
      {formError !== null && (
        <p className="import-error" role="alert" data-testid="import-form-error">
          {formError}
        </p>
      )}
      <div
        className={`import-drop${dragging ? ' dragging' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop .hea/.dat/.atr, .edf or .csv files here, or</p>
        <label className="import-field">
          ECG files
          <input
            type="file"
            multiple
            disabled={busy}
            onChange={(e) => {
              run([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        <label className="import-field">
          ECG folder
          <input
            type="file"
            multiple
            disabled={busy}
            ref={(el) => {
              el?.setAttribute('webkitdirectory', '');
            }}
            onChange={(e) => {
              run([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {busy && progress !== null && (
        <div className="import-progress">
          <label>
            {phase === 'reading' ? 'Reading files' : 'Importing records'}
            <progress max={Math.max(1, progress.total)} value={progress.done} />
          </label>
          <span data-testid="import-progress-text">
            {phase === 'reading'
              ? `${progress.done} / ${progress.total} files read`
              : `${progress.done} / ${progress.total} records (${fileCount} files)`}
            {progress.name !== '' && ` — ${progress.name}`}
          </span>
          <button type="button" onClick={cancelImport}>
            Cancel
          </button>
        </div>
      )}
      {phase === 'cancelled' && <p className="import-status">Import cancelled.</p>}
      {error !== null && (
        <p className="import-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <ImportResults />
      <RecordPlot />
    </section>
  );
}
