/**
 * "Import real ECGs": pick files or a folder or drop them, choose how records are read (lead, annotator,
 * patients) and how they are windowed (rate, window, stride, label rule, rhythm-note map, band-pass),
 * follow the worker's progress (with Cancel), then see the records (each can be given a class by hand),
 * what was skipped and why, the class summary, and the selected record on ECG paper. Settings changed
 * after an import apply to the records read: the summary follows.
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import {
  applyOptions,
  cancelImport,
  pickedFile,
  startImport,
  type PickedFile,
} from '../../app/import-client.ts';
import { importStore } from '../../state/import-store.ts';
import type { ImportOptions } from '../../workers/import-protocol.ts';
import { dropItems, droppedFiles } from './dropped-files.ts';
import { DEFAULT_IMPORT_FORM, importOptionsOf, type ImportFormText } from './import-form.ts';
import './import.css';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResults } from './ImportResults.tsx';
import { ImportSettingsForm } from './ImportSettingsForm.tsx';
import { installImportTestApi } from './import-test-api.ts';
import { RecordPlot } from './RecordPlot.tsx';

/** Wait after the last settings change before windowing again, ms. */
const APPLY_DELAY_MS = 250;

/** The options of the form, or the first field's error. */
function validate(
  form: ImportFormText,
  patientsCsv: string | undefined,
  handLabels: Parameters<typeof importOptionsOf>[2],
): { options: ImportOptions; error: null } | { options: null; error: string } {
  try {
    return { options: importOptionsOf(form, patientsCsv, handLabels), error: null };
  } catch (e) {
    return { options: null, error: (e as Error).message };
  }
}

/** The import section. */
export function ImportPanel() {
  const [form, setForm] = useState<ImportFormText>(DEFAULT_IMPORT_FORM);
  const [patientsCsv, setPatientsCsv] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const phase = useStore(importStore, (s) => s.phase);
  const loaded = useStore(importStore, (s) => s.loaded);
  const handLabels = useStore(importStore, (s) => s.handLabels);
  const error = useStore(importStore, (s) => s.error);
  const busy = phase === 'reading' || phase === 'running';
  const checked = useMemo(() => validate(form, patientsCsv, handLabels), [form, patientsCsv, handLabels]);

  useEffect(() => installImportTestApi(window), []);

  useEffect(() => {
    if (!loaded || checked.options === null) return;
    const options = checked.options;
    const timer = setTimeout(() => applyOptions(options), APPLY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, checked]);

  const run = (files: PickedFile[]) => {
    if (files.length === 0 || checked.options === null) return;
    const byPath = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    void startImport(byPath, checked.options);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const items = dropItems(event.dataTransfer);
    void droppedFiles(items).then(run);
  };

  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import real ECGs</h2>
      <ImportSettingsForm
        form={form}
        onChange={setForm}
        error={checked.error}
        onPatientsCsv={setPatientsCsv}
      />
      {checked.error !== null && (
        <p className="import-error" role="alert" data-testid="import-form-error">
          {checked.error}
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
        <p>Drop .hea/.dat/.atr, .edf or .csv files or a folder here, or</p>
        <label className="import-field">
          ECG files
          <input
            type="file"
            multiple
            disabled={busy}
            onChange={(e) => {
              run([...(e.target.files ?? [])].map(pickedFile));
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
              run([...(e.target.files ?? [])].map(pickedFile));
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <ImportProgress onCancel={cancelImport} />
      {phase === 'cancelled' && (
        <p className="import-status">
          {loaded ? 'Cancelled: the summary is from the settings applied before.' : 'Import cancelled.'}
        </p>
      )}
      {error !== null && (
        <p className="import-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <ImportResults rhythmMap={checked.options?.window.rhythmMap ?? null} />
      <RecordPlot />
    </section>
  );
}
