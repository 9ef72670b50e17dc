/**
 * "Realism": how real the synthesizer's output looks for one class. The imported real windows of the
 * class are compared with N synthetic windows (from the studio's current parameters or a preset, at the
 * real windows' rate and length) in the realism worker, with the code of `pqrst realism`: interval
 * histograms with Wasserstein distances, spectra with a spectral MMD, and a classifier two-sample test.
 * Progress and Cancel; a class without (enough) imported windows is refused with the counts.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { cancelRealism, importedWindowsPerClass, startRealism } from '../../app/realism-client.ts';
import { CLASS_NAMES, isClassName } from '../../core/units.ts';
import { importStore } from '../../state/import-store.ts';
import { REALISM_LABELS, realInputProblem, type RealismForm } from '../../state/realism-form.ts';
import { realismStore } from '../../state/realism-store.ts';
import { installRealismTestApi } from './realism-test-api.ts';
import { stageText } from './realism-text.ts';
import { RealismReportView } from './RealismReportView.tsx';
import './realism.css';
import { ProgressRow } from '../ProgressRow.tsx';

function setForm(patch: Partial<RealismForm>): void {
  realismStore.setState((s) => ({ form: { ...s.form, ...patch } }));
}

/** A labelled text box of the form. */
function TextField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  disabled: boolean;
}) {
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        size={7}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The realism section. */
export function RealismPanel() {
  const form = useStore(realismStore, (s) => s.form);
  const phase = useStore(realismStore, (s) => s.phase);
  const stage = useStore(realismStore, (s) => s.stage);
  const fraction = useStore(realismStore, (s) => s.fraction);
  const result = useStore(realismStore, (s) => s.result);
  const error = useStore(realismStore, (s) => s.error);
  useStore(importStore, (s) => s.summary);
  useStore(importStore, (s) => s.phase);

  useEffect(() => installRealismTestApi(window), []);

  const running = phase === 'running';
  const counts = importedWindowsPerClass();
  const note = realInputProblem(form.className, counts);

  return (
    <section className="realism-panel" aria-labelledby="realism-heading">
      <h2 id="realism-heading">Realism</h2>
      <p className="realism-intro">
        Compare the imported real windows of one class with synthetic windows of that class: interval
        distributions, power spectra and a classifier two-sample test (as <code>pqrst realism</code>).
      </p>
      <div className="realism-controls">
        <label>
          {REALISM_LABELS.className}
          <select
            value={form.className}
            disabled={running}
            onChange={(e) => isClassName(e.target.value) && setForm({ className: e.target.value })}
          >
            {CLASS_NAMES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {REALISM_LABELS.source}
          <select
            value={form.source}
            disabled={running}
            onChange={(e) => setForm({ source: e.target.value as RealismForm['source'] })}
          >
            <option value="studio">the studio&apos;s current parameters</option>
            <option value="default">preset default</option>
            <option value="nonaka2026">preset nonaka2026</option>
          </select>
        </label>
        <TextField
          label={REALISM_LABELS.count}
          value={form.countText}
          disabled={running}
          onChange={(countText) => setForm({ countText })}
        />
        <TextField
          label={REALISM_LABELS.seed}
          value={form.seedText}
          disabled={running}
          onChange={(seedText) => setForm({ seedText })}
        />
        <label className="realism-check">
          <input
            type="checkbox"
            checked={form.classifier}
            disabled={running}
            onChange={(e) => setForm({ classifier: e.target.checked })}
          />
          {REALISM_LABELS.classifier}
        </label>
        <label>
          {REALISM_LABELS.backend}
          <select
            value={form.backend}
            disabled={running || !form.classifier}
            onChange={(e) => setForm({ backend: e.target.value === 'cpu' ? 'cpu' : 'wasm' })}
          >
            <option value="wasm">wasm</option>
            <option value="cpu">cpu</option>
          </select>
        </label>
        <TextField
          label={REALISM_LABELS.epochs}
          value={form.epochsText}
          disabled={running || !form.classifier}
          onChange={(epochsText) => setForm({ epochsText })}
        />
        <button type="button" disabled={running} onClick={startRealism}>
          Compare with real
        </button>
      </div>
      <p className="realism-counts" data-testid="realism-real-count">
        {counts === null
          ? 'No import yet.'
          : `Imported windows of ${form.className}: ${counts[form.className] ?? 0}.`}
        {note !== null && counts !== null && ` ${note}`}
      </p>
      {running && (
        <ProgressRow
          className="realism-progress"
          label={stageText(stage)}
          fraction={fraction}
          onCancel={cancelRealism}
        />
      )}
      {phase === 'cancelled' && <p>Comparison cancelled.</p>}
      {error !== null && (
        <p className="realism-error" role="alert" data-testid="realism-error">
          {error}
        </p>
      )}
      {result && <RealismReportView result={result} />}
    </section>
  );
}
