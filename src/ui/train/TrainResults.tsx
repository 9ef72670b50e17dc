/**
 * The experiment's results: per budget and regime the test metrics as mean ± sd over seeds (each row
 * expands to every seed's numbers with the patient-bootstrap intervals), the metric against the budget
 * for both regimes with the relative gain, the confusion matrices, and the CLI's results.csv and
 * results.json (with the recipe and dataset hashes) as downloads.
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { trainStore } from '../../state/train-store.ts';
import { summarizeResults, type SummaryRow } from '../../train/experiment/summary.ts';
import type { RunResult } from '../../train/experiment/runs.ts';
import { METRIC_NAMES, type MetricName } from '../../train/metrics.ts';
import { downloadText } from '../download-text.ts';
import { FigurePlot } from './FigurePlot.tsx';
import { budgetFigure, confusionFigure } from './train-figures.ts';

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '—';
}

function meanSd(row: SummaryRow, m: MetricName): string {
  const sd = row.sd[m];
  return `${fmt(row.mean[m])}${Number.isFinite(sd) ? ` ± ${sd.toFixed(3)}` : ''}`;
}

function SeedRows({ runs }: { runs: RunResult[] }) {
  return (
    <ul className="train-seeds">
      {runs.map((r) => (
        <li key={r.seed}>
          seed {r.seed}:{' '}
          {METRIC_NAMES.map((m) => {
            const ci = r.ci?.[m];
            return `${m} ${fmt(r.metrics[m])}${ci ? ` [${fmt(ci.lo)}, ${fmt(ci.hi)}]` : ''}`;
          }).join(' · ')}{' '}
          · {r.nTrain} train / {r.nValidation} val / {r.nTest} test windows ({r.nTestPatients} test patients)
          · {r.epochs} epochs (best {r.bestEpoch}){r.note && ` · ${r.note}`}
        </li>
      ))}
    </ul>
  );
}

/** The confusion matrix of every run, drawn once the section is opened. */
function Confusions({ results }: { results: RunResult[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="train-confusions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Confusion matrices (test windows, rows: true class)</summary>
      {open && (
        <div className="train-confusion-grid">
          {results.map((r) => (
            <FigurePlot
              key={`${r.regime}|${r.budget}|${r.seed}`}
              figure={confusionFigure(
                r.confusion,
                r.classes,
                `${r.regime}, budget ${r.budget}, seed ${r.seed}`,
              )}
              name={`confusion ${r.regime} ${r.budget} ${r.seed}`}
              testId="train-confusion"
            />
          ))}
        </div>
      )}
    </details>
  );
}

/** Results of the experiment (partial while it runs). */
export function TrainResults() {
  const results = useStore(trainStore, (s) => s.results);
  const finished = useStore(trainStore, (s) => s.finished);
  const [metric, setMetric] = useState<MetricName>('f1');
  const { summary, gains } = useMemo(() => summarizeResults(results), [results]);
  const figure = useMemo(
    () => budgetFigure(summary, results, gains, metric),
    [summary, results, gains, metric],
  );
  if (results.length === 0) return null;
  return (
    <div className="train-results">
      <h3>Results{finished === null && ' (so far)'}</h3>
      <table className="train-table" data-testid="train-results-table">
        <thead>
          <tr>
            <th>budget</th>
            <th>regime</th>
            <th>seeds</th>
            {METRIC_NAMES.map((m) => (
              <th key={m}>{m} (mean ± sd)</th>
            ))}
            <th>gain in {metric}</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((row) => {
            const runs = results.filter(
              (r) => r.regime === row.regime && r.budget === row.budget && r.arch === row.arch,
            );
            const g = gains.find((k) => k.budget === row.budget && k.arch === row.arch)?.gain[metric];
            return (
              <tr key={`${row.arch}|${row.regime}|${row.budget}`}>
                <td>{row.budget}</td>
                <td>{row.regime}</td>
                <td>
                  <details>
                    <summary>{row.seeds}</summary>
                    <SeedRows runs={runs} />
                  </details>
                </td>
                {METRIC_NAMES.map((m) => (
                  <td key={m}>{meanSd(row, m)}</td>
                ))}
                <td>
                  {row.regime === 'pretrain' && g !== undefined && Number.isFinite(g)
                    ? `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)} %`
                    : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="train-row">
        <label className="train-field">
          Metric
          <select value={metric} onChange={(e) => setMetric(e.target.value as MetricName)}>
            <option value="f1">F1 at 0.5</option>
            <option value="auroc">AUROC</option>
            <option value="auprc">AUPRC</option>
            <option value="accuracy">accuracy</option>
          </select>
        </label>
        {finished !== null && (
          <>
            <button
              type="button"
              onClick={() => downloadText('results.csv', finished.resultsCsv, 'text/csv')}
            >
              Download results.csv
            </button>
            <button type="button" onClick={() => downloadText('results.json', finished.resultsJson)}>
              Download results.json
            </button>
            <span className="train-note" title="SHA-256 of the synthetic recipe and of the real dataset">
              recipe {finished.provenance.recipeSha256.slice(0, 12)}… · data{' '}
              {finished.provenance.trainSha256.slice(0, 12)}…
            </span>
          </>
        )}
      </div>
      <FigurePlot figure={figure} name="metric against budget" testId="train-budget-plot" />
      <Confusions results={results} />
    </div>
  );
}
