/**
 * A finished realism report: the windows per side, a table of the interval comparisons (Wasserstein
 * distance in ms, mean ± sd and n of each side), the spectral MMD², the classifier test's held-out AUROC
 * with what it means, the figures (the very SVG files `pqrst realism` writes, RR/PR/QRS/QT histograms
 * overlaid and the overlaid spectra over Hz), and the downloads: everything as a zip (report.json, the
 * SVGs and the synthetic set's recipe.json), or report.json alone.
 */
import { realismArchive } from '../../app/realism-client.ts';
import { INTERVAL_NAMES } from '../../analysis/realism/index.ts';
import type { RealismResult } from '../../state/realism-store.ts';
import { aurocMeaning, fixed } from './realism-text.ts';
import { downloadBytes, downloadText } from '../download-text.ts';

const FIGURE_TEXT: Record<string, string> = {
  'intervals-rr.svg': 'RR interval histograms, real and synthetic overlaid',
  'intervals-pr.svg': 'PR interval histograms, real and synthetic overlaid',
  'intervals-qrs.svg': 'QRS duration histograms, real and synthetic overlaid',
  'intervals-qt.svg': 'QT interval histograms, real and synthetic overlaid',
  'spectrum.svg': 'Mean normalised power spectra over frequency (Hz), real and synthetic overlaid',
};

/** The report of `result`. */
export function RealismReportView({ result }: { result: RealismResult }) {
  const r = result.report;
  const c = r.classifier;
  const figures = Object.entries(result.files).filter(([name]) => name.endsWith('.svg'));
  return (
    <div className="realism-result" data-testid="realism-report">
      <p data-testid="realism-sides">
        Class {r.className}: <span data-testid="realism-n-real">{r.real.nWindows}</span> real windows and{' '}
        <span data-testid="realism-n-synthetic">{r.synthetic.nWindows}</span> synthetic windows of{' '}
        {r.real.windowS} s at {r.real.fsHz} Hz (computed in {(result.elapsedMs / 1000).toFixed(1)} s).
      </p>
      <table className="realism-table">
        <caption>Intervals measured on both sides (ms)</caption>
        <thead>
          <tr>
            <th scope="col">Interval</th>
            <th scope="col">Wasserstein distance (ms)</th>
            <th scope="col">Real mean ± sd (n)</th>
            <th scope="col">Synthetic mean ± sd (n)</th>
          </tr>
        </thead>
        <tbody>
          {INTERVAL_NAMES.map((name) => {
            const i = r.intervals[name];
            return (
              <tr key={name} data-interval={name}>
                <th scope="row">{name.toUpperCase()}</th>
                <td data-testid={`realism-w-${name}`}>{fixed(i.wasserstein, 1)}</td>
                <td>
                  {fixed(i.real.mean, 0)} ± {fixed(i.real.sd, 0)} ({i.real.n})
                </td>
                <td>
                  {fixed(i.synthetic.mean, 0)} ± {fixed(i.synthetic.sd, 0)} ({i.synthetic.n})
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        Power spectrum (0.5-40 Hz): spectral MMD²{' '}
        <span data-testid="realism-mmd2">{r.spectrum.mmd2.toExponential(3)}</span> (Gaussian kernel, bandwidth{' '}
        {r.spectrum.bandwidth.toExponential(2)}; 0 = the same distribution).
      </p>
      {'skipped' in c ? (
        <p data-testid="realism-classifier">Classifier two-sample test: {c.skipped}.</p>
      ) : (
        <p data-testid="realism-classifier">
          Classifier two-sample test: held-out AUROC{' '}
          <strong data-testid="realism-auroc">{c.auroc.toFixed(3)}</strong> on {c.nTest} windows ({c.nTrain}{' '}
          trained, split {c.split}, {result.backend ?? ''}) — 0.5 means real and synthetic cannot be told
          apart, 1 that they always can: {aurocMeaning(c.auroc)}.
        </p>
      )}
      <div className="realism-downloads">
        <button
          type="button"
          onClick={() => {
            void realismArchive().then((zip) => {
              if (zip) downloadBytes(`realism-${r.className}.zip`, zip, 'application/zip');
            });
          }}
        >
          Download report (.zip)
        </button>
        <button type="button" onClick={() => downloadText('report.json', result.files['report.json'])}>
          Download report.json
        </button>
      </div>
      <div className="realism-figures">
        {figures.map(([name, svg]) => (
          <figure key={name}>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
              alt={FIGURE_TEXT[name] ?? name}
              data-figure={name}
            />
            <figcaption>{name}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
