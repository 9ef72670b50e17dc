/**
 * What an import gave: the records read (pick one to plot; give one a class by hand), rhythm notes
 * that map to no class, the files skipped, and the class summary.
 */
import { useStore } from 'zustand';
import { requestExport } from '../../app/import-client.ts';
import { CLASS_NAMES, isClassName, type ClassName } from '../../core/units.ts';
import { parseRhythmMap, rhythmClassOf } from '../../dataset/rhythm-classes.ts';
import { importStore, setHandLabel } from '../../state/import-store.ts';
import type { ImportedRecordView } from '../../workers/import-protocol.ts';
import { keepCurrentImport } from '../../workspace/workspace-imports.ts';
import { downloadBlob } from '../download-text.ts';

/** Download signals.npy and labels.csv (made in the worker). */
function downloadDataset(): void {
  requestExport((npy, labelsCsv) => {
    downloadBlob('signals.npy', new Blob([npy], { type: 'application/octet-stream' }));
    downloadBlob('labels.csv', new Blob([labelsCsv], { type: 'text/csv' }));
  });
}

/** Rhythm notes of `records` with no class under the map `mapText` (seconds each), longest first. */
function unmappedNotes(records: readonly ImportedRecordView[], mapText: string): [string, number][] {
  let map: Record<string, ClassName>;
  try {
    map = parseRhythmMap(mapText, {});
  } catch {
    return [];
  }
  const seconds = new Map<string, number>();
  for (const r of records) {
    for (const span of r.rhythms) {
      if (rhythmClassOf(span.label, map) !== undefined) continue;
      seconds.set(span.label, (seconds.get(span.label) ?? 0) + span.endS - span.startS);
    }
  }
  return [...seconds].sort((a, b) => b[1] - a[1]);
}

/** The class-by-hand select of one record. */
function HandLabelSelect({ record }: { record: string }) {
  const value = useStore(importStore, (s) => s.handLabels[record]) ?? '';
  return (
    <label className="import-hand">
      class by hand
      <select
        aria-label={`Class of record ${record} (by hand)`}
        value={value}
        onChange={(e) => setHandLabel(record, isClassName(e.target.value) ? e.target.value : undefined)}
      >
        <option value="">from its labels</option>
        {CLASS_NAMES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The results of the last import; `rhythmMap` is the map as typed (null while invalid). */
export function ImportResults({ rhythmMap }: { rhythmMap: string | null }) {
  const records = useStore(importStore, (s) => s.records);
  const windowsByRecord = useStore(importStore, (s) => s.windowsByRecord);
  const skipped = useStore(importStore, (s) => s.skipped);
  const summary = useStore(importStore, (s) => s.summary);
  const selected = useStore(importStore, (s) => s.selected);
  const exporting = useStore(importStore, (s) => s.exporting);
  if (summary === null) return null;
  const unmapped = rhythmMap === null ? [] : unmappedNotes(records, rhythmMap);
  return (
    <div className="import-results">
      <section aria-label="Loaded records">
        <h3>Loaded records ({records.length})</h3>
        <ul className="import-records">
          {records.map((r) => (
            <li key={r.name}>
              <button
                type="button"
                aria-pressed={r.name === selected}
                onClick={() => importStore.setState({ selected: r.name })}
              >
                {r.name}
              </button>{' '}
              lead {r.lead}, {r.fsHz} Hz, {(r.signalMv.length / r.fsHz).toFixed(1)} s, {r.beatSymbols.length}{' '}
              beats, <span data-testid={`windows-${r.name}`}>{windowsByRecord[r.name] ?? 0}</span> windows
              {r.recordLabel !== null && <> ({r.recordLabel})</>} <HandLabelSelect record={r.name} />
              {r.warnings.length > 0 && <span className="import-warning"> — {r.warnings.join('; ')}</span>}
            </li>
          ))}
        </ul>
      </section>
      {unmapped.length > 0 && (
        <p className="import-note" data-testid="import-unmapped">
          Rhythm notes without a class (their windows are labelled by the next rule step or skipped):{' '}
          {unmapped.map(([note, s]) => `${note} ${Math.round(s)} s`).join(', ')}
        </p>
      )}
      {skipped.length > 0 && (
        <section aria-label="Skipped files">
          <h3>Skipped ({skipped.length})</h3>
          <ul className="import-skipped" role="alert" data-testid="import-skipped">
            {skipped.map((s, i) => (
              <li key={`${s.file}-${i}`}>
                <strong>{s.file}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Dataset summary">
        <h3>
          Dataset: {summary.windows} windows from {summary.records} records, {summary.patients} patients
        </h3>
        <table className="import-summary" data-testid="import-summary">
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Windows</th>
              <th scope="col">Records</th>
              <th scope="col">Patients</th>
            </tr>
          </thead>
          <tbody>
            {CLASS_NAMES.map((c) => (
              <tr key={c} data-class={c}>
                <th scope="row">{c}</th>
                <td>{summary.perClass[c].windows}</td>
                <td>{summary.perClass[c].records}</td>
                <td>{summary.perClass[c].patients}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {summary.skippedWindows.length > 0 && (
          <p>
            {summary.skippedWindows.length} windows skipped (
            {[...new Set(summary.skippedWindows.map((w) => w.reason))].slice(0, 3).join('; ')})
          </p>
        )}
        <button type="button" onClick={downloadDataset} disabled={exporting || summary.windows === 0}>
          Download dataset (.npy + labels.csv)
        </button>{' '}
        <button
          type="button"
          onClick={() => void keepCurrentImport()}
          disabled={exporting || summary.windows === 0}
          title="Keep these windows in this browser's workspace, so a reload does not need the files again"
        >
          Keep in workspace
        </button>
      </section>
    </div>
  );
}
