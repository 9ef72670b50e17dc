/**
 * "Fit & realism" (fit part): pick an imported record, fit the synthesizer's beat model to it in the fit
 * worker (progress and Cancel), see each template (rhythm segment × beat type) with its fitted sum,
 * components and residual, the fit's RMS error and variance explained, and the per-beat parameter
 * distributions; "Use as <class> preset" turns them into a class preset applied to the studio's
 * parameters (the live strip and the Dataset builder then follow it).
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { applyFitPreset, cancelFit, startFit } from '../../app/fit-client.ts';
import { CLASS_NAMES, isClassName, type ClassName } from '../../core/units.ts';
import { fitStore } from '../../state/fit-store.ts';
import { importedRecord, importStore } from '../../state/import-store.ts';
import './fit.css';
import { installFitTestApi } from './fit-test-api.ts';
import { FitTemplateCard } from './FitTemplateCard.tsx';
import { ProgressRow } from '../ProgressRow.tsx';

/** The classes a preset can be made for from `templates` (segments with per-beat fitted normal beats). */
function presetClasses(
  templates: readonly { className: ClassName | null; beatType: string; beats?: unknown }[],
): ClassName[] {
  const out = new Set<ClassName>();
  for (const t of templates) if (t.className !== null && t.beatType === 'N' && t.beats) out.add(t.className);
  return [...out];
}

/** The fit section. */
export function FitPanel() {
  const records = useStore(importStore, (s) => s.records);
  const importSelected = useStore(importStore, (s) => s.selected);
  const phase = useStore(fitStore, (s) => s.phase);
  const fraction = useStore(fitStore, (s) => s.fraction);
  const result = useStore(fitStore, (s) => s.result);
  const error = useStore(fitStore, (s) => s.error);
  const preset = useStore(fitStore, (s) => s.preset);
  const presetBusy = useStore(fitStore, (s) => s.presetBusy);
  const [chosen, setChosen] = useState<string | null>(null);
  const [className, setClassName] = useState<ClassName>('nsr');

  useEffect(() => installFitTestApi(window), []);

  const names = records.map((r) => r.name);
  const recordName =
    chosen !== null && names.includes(chosen)
      ? chosen
      : importSelected !== null && names.includes(importSelected)
        ? importSelected
        : (names[0] ?? null);
  const running = phase === 'running';
  const classes = result ? presetClasses(result.templates) : [];

  return (
    <section className="fit-panel" aria-labelledby="fit-heading">
      <h2 id="fit-heading">Fit &amp; realism</h2>
      {records.length === 0 ? (
        <p>Import a record above (Import real ECGs) to fit the synthesizer to it.</p>
      ) : (
        <div className="fit-controls">
          <label>
            Record
            <select value={recordName ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={running}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            Class without rhythm notes
            <select
              value={className}
              onChange={(e) => isClassName(e.target.value) && setClassName(e.target.value)}
              disabled={running}
            >
              {CLASS_NAMES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={running || recordName === null}
            onClick={() => {
              const rec = importedRecord(recordName);
              if (rec) startFit(rec, className);
            }}
          >
            Fit record
          </button>
        </div>
      )}
      {running && (
        <ProgressRow
          className="fit-progress"
          label={`Fitting ${fitStore.getState().record}`}
          fraction={fraction}
          onCancel={cancelFit}
        />
      )}
      {phase === 'cancelled' && <p>Fit cancelled.</p>}
      {error !== null && (
        <p className="fit-error" role="alert" data-testid="fit-error">
          {error}
        </p>
      )}
      {result && (
        <div className="fit-result">
          <p data-testid="fit-summary">
            {result.record}: {result.nBeats} beats ({result.beatSource}) in {result.durationS.toFixed(1)} s at{' '}
            {result.fsHz} Hz, {result.templates.length} templates, fitted in{' '}
            {(result.fitMs / 1000).toFixed(2)} s
          </p>
          {result.skipped.length > 0 && (
            <ul className="fit-skipped">
              {result.skipped.map((s) => (
                <li key={`${s.segment}-${s.beatType}`}>
                  Skipped {s.segment} {s.beatType}: {s.nBeats} beats, {s.reason}
                </li>
              ))}
            </ul>
          )}
          <div className="fit-preset-buttons">
            {classes.map((c) => (
              <button key={c} type="button" disabled={presetBusy} onClick={() => applyFitPreset(c)}>
                Use as {c} preset
              </button>
            ))}
            {classes.length === 0 && <p>No segment with fitted normal beats to make a preset from.</p>}
          </div>
          {preset && (
            <p className="fit-preset-status" role="status">
              Applied the {preset.className} preset from {preset.record} ({preset.nBeats} beats,{' '}
              {preset.nWindows} windows of 10 s) to the studio&apos;s parameters.
            </p>
          )}
          {result.templates.map((t) => (
            <FitTemplateCard key={`${t.segment}-${t.beatType}`} template={t} />
          ))}
        </div>
      )}
    </section>
  );
}
