/** Installs `window.__pqrst.train`, the Training lab's test hook. */
import { workerTensorCount } from '../../app/train-client.ts';
import { trainStore, type TrainState } from '../../state/train-store.ts';
import type { PqrstTrainTestApi, TrainFacts } from '../../types/pqrst-train-test-api.d.ts';

const POLL_MS = 50;

function facts(s: TrainState): TrainFacts {
  return {
    phase: s.phase,
    backend: s.backend,
    fraction: s.fraction,
    runsDone: s.progress?.runsDone ?? 0,
    runsTotal: s.progress?.runsTotal ?? 0,
    runPhase: s.progress?.phase ?? null,
    paramCount: s.paramCount,
    formError: s.formError?.message ?? null,
    error: s.error,
    epochs: s.epochs.map((p) => ({
      fit: p.fit,
      epoch: p.log.epoch,
      trainLoss: p.log.trainLoss,
      valLoss: p.log.valLoss,
      samplesPerSec: p.log.samplesPerSec,
      tensorCount: p.tensorCount,
    })),
    results: s.results.map((r) => ({
      task: r.task,
      arch: r.arch,
      regime: r.regime,
      budget: r.budget,
      seed: r.seed,
      metrics: r.metrics,
      nTrain: r.nTrain,
      nTest: r.nTest,
      epochs: r.epochs,
      paramCount: r.paramCount,
      recipeSha256: r.recipeSha256,
      trainSha256: r.trainSha256,
    })),
    resultsCsv: s.finished?.resultsCsv ?? null,
    resultsJson: s.finished?.resultsJson ?? null,
    models: s.models.map((m) => m.label),
    evaluation: s.evaluation && {
      nWindows: s.evaluation.nWindows,
      accuracy: s.evaluation.metrics.accuracy,
      confusion: s.evaluation.metrics.confusion,
    },
    modelMessage: s.modelMessage,
  };
}

/** The hook. */
export function createTrainTestApi(): PqrstTrainTestApi {
  return {
    getState: () => facts(trainStore.getState()),
    whenSettled: () =>
      new Promise((resolve) => {
        const check = () => {
          const { phase } = trainStore.getState();
          if (phase !== 'running' && phase !== 'idle') resolve(phase);
          else setTimeout(check, POLL_MS);
        };
        check();
      }),
    tensorCount: () => workerTensorCount(),
  };
}

/** Put the hook on `win.__pqrst.train` (when the studio's hook is there). */
export function installTrainTestApi(win: Window): void {
  if (win.__pqrst) win.__pqrst.train = createTrainTestApi();
}
