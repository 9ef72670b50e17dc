// Test harness page for e2e/train-worker.spec.ts: exposes `window.trainWorker(request)`, which posts a
// request to the studio's training worker and resolves with its final reply and the epoch logs.
import type { EpochLog } from '../../src/train/types.ts';
import type { TrainReply, TrainRequest } from '../../src/workers/train-protocol.ts';

const worker = new Worker(new URL('../../src/workers/train.worker.ts', import.meta.url), { type: 'module' });

/** The final reply to a request, with the epochs and progress fractions reported before it. */
export interface HarnessResult {
  reply: TrainReply;
  epochs: EpochLog[];
  progress: number[];
}

function trainWorker(req: TrainRequest): Promise<HarnessResult> {
  const epochs: EpochLog[] = [];
  const progress: number[] = [];
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<TrainReply>) => {
      const reply = e.data;
      if (reply.id !== req.id) return;
      if (reply.type === 'epoch') epochs.push(reply.log);
      else if (reply.type === 'progress') progress.push(reply.fraction);
      else {
        worker.removeEventListener('message', onMessage);
        resolve({ reply, epochs, progress });
      }
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage(req);
  });
}

/** Post a request without waiting (a cancel). */
function postToTrainWorker(req: TrainRequest): void {
  worker.postMessage(req);
}

Object.assign(window, { trainWorker, postToTrainWorker });
