/**
 * "Training lab": does synthetic pre-training help a model for your rhythm? Pick a real dataset from
 * the import, a synthetic recipe, a model and budgets; the experiment (EXPERIMENT.md) trains every
 * budget from scratch and after synthetic pre-training, in a worker on WebGPU, WebGL, WASM or CPU, and
 * tests on real patients it never saw. The section starts its worker only when opened.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { trainStore } from '../../state/train-store.ts';
import './train.css';
import { installTrainTestApi } from './train-test-api.ts';
import { TrainKeptRun } from './TrainKeptRun.tsx';
import { TrainLive } from './TrainLive.tsx';
import { TrainModels } from './TrainModels.tsx';
import { TrainResults } from './TrainResults.tsx';
import { TrainSetup } from './TrainSetup.tsx';

function TrainBody() {
  useEffect(() => installTrainTestApi(window), []);
  return (
    <>
      <p className="train-note">
        Every real-data budget is trained twice, from scratch and after pre-training on synthetic ECGs (all
        layers fine-tuned), and tested on a patient-level split fixed before training. Nothing leaves this
        machine.
      </p>
      <TrainSetup />
      <TrainKeptRun />
      <TrainLive />
      <TrainResults />
      <TrainModels />
    </>
  );
}

/** The Training lab section (collapsed until opened). */
export function TrainPanel() {
  const [open, setOpen] = useState(false);
  // An experiment interrupted by a reload opens the lab, so its finished part and Resume are seen.
  const interrupted = useStore(trainStore, (s) => s.keptRun?.interrupted === true);
  useEffect(() => {
    if (interrupted) setOpen(true);
  }, [interrupted]);
  return (
    <section className="train-panel" aria-labelledby="train-heading">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="train-heading">Training lab</h2>
        </summary>
        {open && <TrainBody />}
      </details>
    </section>
  );
}
