/**
 * Models: the last model of each regime from the experiment, and models loaded from the browser's
 * storage or from files. Save one in the browser (`indexeddb://`), download it (tfjs `downloads://`
 * files, NAME.json + NAME.weights.bin, with NAME.provenance.json), load one back, and evaluate a held
 * model on a real dataset taken from the import (metrics and confusion matrix).
 */
import { useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { modelRequest, newRequestId } from '../../app/train-client.ts';
import { trainDataset } from '../../app/train-datasets.ts';
import { trainStore } from '../../state/train-store.ts';
import { downloadText } from '../download-text.ts';
import { FigurePlot } from './FigurePlot.tsx';
import { confusionFigure } from './train-figures.ts';
import { downloadBytes } from '../download-text.ts';

async function refreshStored(): Promise<void> {
  const reply = await modelRequest({ type: 'list', id: newRequestId() });
  if (reply.type === 'listed') trainStore.setState({ stored: reply.models });
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '—';
}

/** The models section. */
export function TrainModels() {
  const models = useStore(trainStore, (s) => s.models);
  const stored = useStore(trainStore, (s) => s.stored);
  const datasets = useStore(trainStore, (s) => s.datasets);
  const message = useStore(trainStore, (s) => s.modelMessage);
  const busy = useStore(trainStore, (s) => s.modelBusy);
  const evaluation = useStore(trainStore, (s) => s.evaluation);
  const [modelId, setModelId] = useState('');
  const [name, setName] = useState('ecg-model');
  const [storedName, setStoredName] = useState('');
  const [evalId, setEvalId] = useState('');
  const chosen = models.find((m) => String(m.id) === modelId) ?? models.at(-1);

  const save = async () => {
    if (!chosen) return;
    const reply = await modelRequest({ type: 'save', id: newRequestId(), modelId: chosen.id, name });
    if (reply.type === 'saved') {
      await refreshStored();
      trainStore.setState({ modelMessage: `saved as indexeddb://${reply.name}` });
    }
  };
  const download = async () => {
    if (!chosen) return;
    const reply = await modelRequest({ type: 'download', id: newRequestId(), modelId: chosen.id, name });
    if (reply.type !== 'downloaded') return;
    downloadText(`${name}.json`, reply.modelJson);
    downloadBytes(`${name}.weights.bin`, reply.weights);
    downloadText(`${name}.provenance.json`, reply.provenanceJson);
    trainStore.setState({
      modelMessage: `downloaded ${name}.json, ${name}.weights.bin, ${name}.provenance.json`,
    });
  };
  const loaded = (reply: Awaited<ReturnType<typeof modelRequest>>) => {
    if (reply.type !== 'loaded') return;
    trainStore.setState((s) => ({
      models: [...s.models, reply.model],
      modelMessage: `loaded ${reply.model.label}`,
    }));
    setModelId(String(reply.model.id));
  };
  const loadStored = async () => {
    if (storedName === '') return;
    loaded(
      await modelRequest({ type: 'load', id: newRequestId(), from: { kind: 'indexeddb', name: storedName } }),
    );
  };
  const loadFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    if (files.length === 0) return;
    loaded(await modelRequest({ type: 'load', id: newRequestId(), from: { kind: 'files', files } }));
  };
  const evaluate = async () => {
    const entry = trainDataset(evalId);
    if (!chosen || !entry) {
      trainStore.setState({ modelMessage: 'Evaluate on: pick a model and a dataset taken from the import' });
      return;
    }
    const reply = await modelRequest({
      type: 'evaluate',
      id: newRequestId(),
      modelId: chosen.id,
      dataset: entry.dataset,
    });
    if (reply.type === 'evaluated') trainStore.setState({ evaluation: reply.evaluation });
  };

  return (
    <div className="train-models">
      <h3>Models</h3>
      <div className="train-row">
        <label className="train-field">
          Model
          <select value={chosen ? String(chosen.id) : ''} onChange={(e) => setModelId(e.target.value)}>
            {models.length === 0 && <option value="">(none: run an experiment or load one)</option>}
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="train-field">
          Model name
          <input type="text" size={16} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="button" disabled={!chosen || busy} onClick={() => void save()}>
          Save in the browser
        </button>
        <button type="button" disabled={!chosen || busy} onClick={() => void download()}>
          Download
        </button>
      </div>
      <div className="train-row">
        <label className="train-field">
          Saved models
          <select
            value={storedName}
            onFocus={() => void refreshStored()}
            onChange={(e) => setStoredName(e.target.value)}
          >
            <option value="">(pick)</option>
            {stored.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name} ({m.savedAt.slice(0, 19).replace('T', ' ')})
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || storedName === ''} onClick={() => void loadStored()}>
          Load saved model
        </button>
        <label className="train-field">
          Model files (.json + .weights.bin)
          <input type="file" multiple accept=".json,.bin" onChange={(e) => void loadFiles(e)} />
        </label>
      </div>
      <div className="train-row">
        <label className="train-field">
          Evaluate on
          <select value={evalId} onChange={(e) => setEvalId(e.target.value)}>
            <option value="">(pick a dataset)</option>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!chosen || busy || evalId === ''} onClick={() => void evaluate()}>
          Evaluate
        </button>
      </div>
      {message !== null && (
        <p className="train-note" data-testid="train-model-message" aria-live="polite">
          {message}
        </p>
      )}
      {evaluation !== null && (
        <div className="train-evaluation" data-testid="train-evaluation">
          <p>
            {evaluation.nWindows} windows of {evaluation.nPatients} patients · F1 {fmt(evaluation.metrics.f1)}{' '}
            · AUROC {fmt(evaluation.metrics.auroc)} · AUPRC {fmt(evaluation.metrics.auprc)} · accuracy{' '}
            {fmt(evaluation.metrics.accuracy)}
          </p>
          <FigurePlot
            figure={confusionFigure(evaluation.metrics.confusion, evaluation.classes, 'evaluation')}
            name="evaluation confusion"
            testId="train-eval-confusion"
          />
        </div>
      )}
    </div>
  );
}
