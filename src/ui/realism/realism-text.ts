/** Words of the Realism view: the stages' names and what an AUROC of the classifier test means. */
import type { RealismState } from '../../state/realism-store.ts';

/** The running stage as the progress bar names it. */
export function stageText(stage: RealismState['stage']): string {
  switch (stage) {
    case 'real':
      return 'Reading the imported windows';
    case 'synthesis':
      return 'Synthesizing the synthetic windows';
    case 'statistics':
      return 'Measuring intervals and spectra';
    case 'classifier':
      return 'Training the real-vs-synthetic classifier';
    default:
      return 'Starting';
  }
}

/**
 * What the held-out AUROC `auroc` of the classifier two-sample test says: near 0.5 the classifier
 * cannot tell the sets apart; towards 1 it can.
 */
export function aurocMeaning(auroc: number): string {
  const d = Math.abs(auroc - 0.5);
  if (!Number.isFinite(auroc)) return 'not defined (a test split lacks one side)';
  if (d <= 0.1) return 'indistinguishable or nearly: the classifier does little better than chance';
  if (d <= 0.3) return 'partly distinguishable: the classifier often tells real from synthetic';
  return 'easily distinguishable: the classifier tells real from synthetic almost always';
}

/** `value` with `digits` decimals, or an em dash when it is not finite. */
export function fixed(value: number | null, digits: number): string {
  return value !== null && Number.isFinite(value) ? value.toFixed(digits) : '—';
}
