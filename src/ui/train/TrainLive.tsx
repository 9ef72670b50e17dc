/**
 * The running experiment: a progress bar over all runs, what is training now, samples/s, time left,
 * the worker's live tensor count, Pause / Resume and Cancel, and the current fit's loss and accuracy
 * curves per epoch.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { cancelExperiment, pauseExperiment, resumeExperiment } from '../../app/train-client.ts';
import { trainStore } from '../../state/train-store.ts';
import type { ExperimentProgress } from '../../train/experiment/runner.ts';
import { FigurePlot } from './FigurePlot.tsx';
import { curvesFigure } from './train-figures.ts';

function durationText(s: number): string {
  if (!Number.isFinite(s)) return '…';
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function phaseText(p: ExperimentProgress | null): string {
  if (p === null) return 'starting the trainer…';
  const where = `${p.task}, ${p.arch}, seed ${p.seed}`;
  if (p.phase === 'synthesize') return `synthesizing pre-training ECGs (${where})`;
  if (p.phase === 'pretrain') return `pre-training on synthetic ECGs (${where})`;
  return `${p.regime === 'pretrain' ? 'fine-tuning' : 'training from scratch'} on ${p.budget} real windows per class (${where})`;
}

/** Progress, controls and curves (shown once an experiment has started). */
export function TrainLive() {
  const phase = useStore(trainStore, (s) => s.phase);
  const progress = useStore(trainStore, (s) => s.progress);
  const fraction = useStore(trainStore, (s) => s.fraction);
  const leftS = useStore(trainStore, (s) => s.leftS);
  const sps = useStore(trainStore, (s) => s.samplesPerSec);
  const tensors = useStore(trainStore, (s) => s.tensorCount);
  const backend = useStore(trainStore, (s) => s.backend);
  const epochs = useStore(trainStore, (s) => s.epochs);
  const error = useStore(trainStore, (s) => s.error);
  const held = useStore(trainStore, (s) => s.heldSinceMs !== null);
  const keptInterrupted = useStore(trainStore, (s) => s.keptRun?.interrupted === true);
  const figure = useMemo(() => curvesFigure(epochs), [epochs]);
  if (phase === 'idle') return null;
  const running = phase === 'running';
  return (
    <div className="train-live" data-testid="train-live">
      <div className="train-row">
        <label className="train-progress">
          {running ? 'Training' : phase === 'paused' ? 'Paused' : phase === 'done' ? 'Done' : phase}
          <progress max={1} value={fraction} data-testid="train-progress" />
        </label>
        <span data-testid="train-status" aria-live="polite">
          {Math.round(fraction * 100)} % · runs {progress?.runsDone ?? 0} / {progress?.runsTotal ?? '…'}
          {running && ` · ${phaseText(progress)}`}
          {sps !== null && ` · ${Math.round(sps).toLocaleString('en')} samples/s`}
          {running && ` · ${durationText(leftS)} left`}
        </span>
        {running && (
          <button type="button" onClick={pauseExperiment}>
            Pause
          </button>
        )}
        {phase === 'paused' && !keptInterrupted && (
          <button type="button" onClick={() => void resumeExperiment()}>
            Resume
          </button>
        )}
        {(running || phase === 'paused') && (
          <button type="button" onClick={cancelExperiment}>
            Cancel
          </button>
        )}
      </div>
      <p className="train-debug" data-testid="train-debug">
        backend {backend ?? '—'} · live tensors {tensors ?? '—'} · epochs logged {epochs.length}
        {phase === 'paused' &&
          (held
            ? ' · held before its next batch: Resume goes on from there'
            : ' · Resume reruns the interrupted run from its start (runs are seeded: same numbers)')}
      </p>
      {error !== null && (
        <p className="train-error" role="alert">
          {error}
        </p>
      )}
      <FigurePlot figure={figure} name="training curves" testId="train-curves" />
    </div>
  );
}
