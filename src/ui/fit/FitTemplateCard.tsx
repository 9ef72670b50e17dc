/** One fitted template: its plot, the fit's quality (RMS error, variance explained) and its distributions. */
import type { FitTemplateView } from '../../workers/fit-protocol.ts';
import { FitDistributionTable } from './FitDistributionTable.tsx';
import { FitTemplatePlot } from './FitTemplatePlot.tsx';

const BEAT_TYPE_NAMES: Record<string, string> = {
  N: 'normal',
  S: 'supraventricular',
  V: 'ventricular',
  F: 'fusion',
  Q: 'unclassified',
};

/** The title of template `t`, e.g. `(N nsr · normal beats`. */
export function templateTitle(t: FitTemplateView): string {
  const cls = t.className === null ? '' : ` ${t.className}`;
  return `${t.segment}${cls} · ${BEAT_TYPE_NAMES[t.beatType] ?? t.beatType} beats`;
}

/** The card of template `t`. */
export function FitTemplateCard({ template: t }: { template: FitTemplateView }) {
  const title = templateTitle(t);
  return (
    <article className="fit-card" data-testid="fit-template" aria-label={title}>
      <h4>{title}</h4>
      <p className="fit-quality">
        {t.nBeats} beats in the median, RR {t.rrS.toFixed(3)} s · RMS error{' '}
        <span data-testid="fit-rms-uv">{t.rmsUv.toFixed(1)}</span> µV · variance explained{' '}
        <span data-testid="fit-variance-explained">{(100 * t.varianceExplained).toFixed(1)}</span> %
        {t.fWaves && ` · f-waves ${t.fWaves.ampMv.toFixed(3)} mV at ${t.fWaves.freqHz.toFixed(2)} Hz`}
      </p>
      <FitTemplatePlot template={t} label={`${title}: template, fitted sum, components and residual`} />
      {t.beats ? <FitDistributionTable beats={t.beats} /> : <p>No per-beat fits.</p>}
    </article>
  );
}
