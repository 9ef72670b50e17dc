/**
 * A kept experiment run shown after a reload: when it was interrupted (a reload, a closed tab, a
 * pause), what finished and Resume (only the unfinished runs, same seeds) or Discard.
 */
import { useStore } from 'zustand';
import { trainStore } from '../../state/train-store.ts';
import { remainingRuns } from '../../train/experiment/run-record.ts';
import { planRuns } from '../../train/experiment/runs.ts';
import { discardKeptRun, resumeKeptRun } from '../../workspace/workspace-runs.ts';

/** The banner (nothing unless the lab shows a kept run). */
export function TrainKeptRun() {
  const kept = useStore(trainStore, (s) => s.keptRun);
  const config = useStore(trainStore, (s) => s.config);
  const results = useStore(trainStore, (s) => s.results);
  const phase = useStore(trainStore, (s) => s.phase);
  if (kept === null || config === null) return null;
  // Cancelled from the lab after the reload: no longer offered for resuming.
  const interrupted = kept.interrupted && phase === 'paused';
  const total = planRuns(config).length;
  const left = remainingRuns(config, results).length;
  return (
    <div className="train-kept" data-testid="train-kept-run">
      <p>
        {interrupted ? 'Interrupted experiment' : 'Kept experiment'} (from the workspace):{' '}
        <span data-testid="train-kept-progress">
          {total - left} of {total} runs finished
        </span>{' '}
        on '{kept.dataset.name}'.
        {interrupted && ' Resume runs only the unfinished runs, with the same seeds.'}
      </p>
      {interrupted && (
        <div className="train-row">
          <button type="button" onClick={() => void resumeKeptRun()}>
            Resume
          </button>
          <button type="button" onClick={() => void discardKeptRun()}>
            Discard
          </button>
        </div>
      )}
      {kept.message !== null && (
        <p className="train-note" role="status" data-testid="train-kept-message">
          {kept.message}
        </p>
      )}
    </div>
  );
}
