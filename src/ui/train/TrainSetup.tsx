/**
 * The Training lab's setup: the real dataset (taken from the import section), the synthetic recipe
 * (the config's default block, the Dataset builder's recipe, or a recipe.json file), the model with its
 * parameter count, the task, budgets, seeds, epochs, the input rate and the backend (the active one
 * shown). Run validates everything first and names the control at fault.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { builderRecipe } from '../../app/train-builder-recipe.ts';
import { countParams, runTrainExperiment, startTrainer } from '../../app/train-client.ts';
import { importHasDataset, takeImportedDataset, trainDataset } from '../../app/train-datasets.ts';
import { importStore } from '../../state/import-store.ts';
import { configOfForm, TRAIN_LABELS, type TrainForm } from '../../state/train-form.ts';
import { setTrainForm, trainRunning, trainStore } from '../../state/train-store.ts';
import { TASK_NAMES } from '../../train/experiment/tasks.ts';
import { ARCH_NAMES, BACKEND_NAMES } from '../../train/types.ts';
import type { SyntheticChoice } from '../../workers/experiment-protocol.ts';

const ARCH_TEXT = {
  cnn: '1-D CNN',
  resnet: '1-D ResNet',
  gru: 'GRU over patches',
  transformer: 'Transformer over patches',
} as const;

type TextKey = {
  [K in keyof TrainForm]: TrainForm[K] extends string ? K : never;
}[keyof TrainForm];

function TextField({ name, size = 6, hint }: { name: TextKey; size?: number; hint?: string }) {
  const value = useStore(trainStore, (s) => s.form[name]);
  const bad = useStore(trainStore, (s) => s.formError?.control === TRAIN_LABELS[name]);
  return (
    <label className="train-field">
      {TRAIN_LABELS[name]}
      <input
        type="text"
        size={size}
        value={value}
        aria-invalid={bad}
        title={hint}
        onChange={(e) => setTrainForm({ [name]: e.target.value } as Partial<TrainForm>)}
      />
    </label>
  );
}

function Select<T extends string>({
  name,
  options,
  text,
}: {
  name: 'arch' | 'task' | 'backend' | 'synthetic' | 'datasetId';
  options: readonly T[];
  text?: (o: T) => string;
}) {
  const value = useStore(trainStore, (s) => s.form[name]);
  const bad = useStore(trainStore, (s) => s.formError?.control === TRAIN_LABELS[name]);
  return (
    <label className="train-field">
      {TRAIN_LABELS[name]}
      <select
        value={value}
        aria-invalid={bad}
        onChange={(e) => setTrainForm({ [name]: e.target.value } as Partial<TrainForm>)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {text ? text(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

function ParamCount() {
  const form = useStore(trainStore, (s) => s.form);
  const count = useStore(trainStore, (s) => s.paramCount);
  const error = useStore(trainStore, (s) => s.paramCountError);
  const dataset = trainDataset(form.datasetId)?.dataset;
  useEffect(() => {
    const depth = Number(form.depth);
    const width = Number(form.width);
    const fsHz = Number(form.fsHz);
    const windowS = dataset ? dataset.windowSamples / dataset.fsHz : 10;
    const inputLength = Math.round(windowS * fsHz);
    if (![depth, width, inputLength].every((v) => Number.isInteger(v) && v > 0)) return;
    const nClasses = form.task === 'multiclass' ? 5 : 2;
    const timer = setTimeout(
      () => void countParams({ arch: form.arch, depth, width, inputLength, nClasses }),
      200,
    );
    return () => clearTimeout(timer);
  }, [form.arch, form.depth, form.width, form.fsHz, form.task, form.backend, dataset]);
  return (
    <output className="train-params" data-testid="train-param-count">
      {error !== null ? error : count === null ? 'parameters: …' : `${count.toLocaleString('en')} parameters`}
    </output>
  );
}

function DatasetRow() {
  const datasets = useStore(trainStore, (s) => s.datasets);
  const importReady = useStore(importStore, (s) => s.phase === 'done' && (s.summary?.windows ?? 0) > 0);
  const [message, setMessage] = useState<string | null>(null);
  const take = () => {
    setMessage('reading the imported windows…');
    takeImportedDataset().then(
      (d) => setMessage(`taken: ${d.classText}; ${d.patients} patients`),
      (e: Error) => setMessage(e.message),
    );
  };
  const ids = ['', ...datasets.map((d) => String(d.id))];
  return (
    <div className="train-row">
      <Select
        name="datasetId"
        options={ids}
        text={(id) => (id === '' ? '(none taken yet)' : (trainDataset(id)?.name ?? id))}
      />
      <button type="button" onClick={take} disabled={!importReady && !importHasDataset()}>
        Take the imported dataset
      </button>
      {message !== null && <span className="train-note">{message}</span>}
    </div>
  );
}

function RecipeRow() {
  const synthetic = useStore(trainStore, (s) => s.form.synthetic);
  const file = useStore(trainStore, (s) => s.form.recipeFile);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    void f.text().then((text) => setTrainForm({ recipeFile: { name: f.name, text } }));
  };
  return (
    <div className="train-row">
      <Select
        name="synthetic"
        options={['config', 'builder', 'file'] as const}
        text={(o) =>
          o === 'config'
            ? 'default synthetic block'
            : o === 'builder'
              ? "the Dataset builder's recipe"
              : 'a recipe.json file'
        }
      />
      {synthetic === 'config' && <TextField name="syntheticCount" />}
      {synthetic === 'file' && (
        <label className="train-field">
          {TRAIN_LABELS.recipeFile}
          <input type="file" accept=".json,application/json" onChange={onFile} />
          {file && <span className="train-note">{file.name}</span>}
        </label>
      )}
    </div>
  );
}

function syntheticChoice(form: TrainForm): SyntheticChoice | string {
  if (form.synthetic === 'config') return { kind: 'config' };
  if (form.synthetic === 'file') {
    return form.recipeFile
      ? { kind: 'recipe', name: form.recipeFile.name, text: form.recipeFile.text }
      : `${TRAIN_LABELS.recipeFile}: pick a recipe.json file`;
  }
  const r = builderRecipe();
  return r.text === null
    ? `${TRAIN_LABELS.synthetic}: ${r.error}`
    : { kind: 'recipe', name: 'dataset builder recipe', text: r.text };
}

/** Validate the form and start the experiment. */
export function startFromForm(): boolean {
  const { form } = trainStore.getState();
  const entry = trainDataset(form.datasetId);
  const checked = configOfForm(form, entry?.dataset ?? null);
  if (checked.error !== null) {
    trainStore.setState({ formError: checked.error });
    return false;
  }
  const synthetic = syntheticChoice(form);
  if (typeof synthetic === 'string') {
    trainStore.setState({ formError: { control: TRAIN_LABELS.synthetic, message: synthetic } });
    return false;
  }
  void runTrainExperiment(checked.config, entry!.dataset, entry!.name, synthetic);
  return true;
}

/** The setup form. */
export function TrainSetup() {
  const formError = useStore(trainStore, (s) => s.formError);
  const running = useStore(trainStore, trainRunning);
  const backend = useStore(trainStore, (s) => s.backend);
  const choice = useStore(trainStore, (s) => s.form.backend);
  const starting = useStore(trainStore, (s) => s.backendStarting);
  const skipped = useStore(trainStore, (s) => s.backendSkipped);
  useEffect(() => {
    startTrainer(choice).catch(() => undefined);
  }, [choice]);
  return (
    <form
      className="train-setup"
      onSubmit={(e) => {
        e.preventDefault();
        startFromForm();
      }}
    >
      <fieldset disabled={running}>
        <legend>Data</legend>
        <DatasetRow />
        <RecipeRow />
        <div className="train-row">
          <Select name="task" options={TASK_NAMES} />
          <TextField
            name="budgets"
            size={14}
            hint="real training windows per class, e.g. 5, 10, 25, 50, 100"
          />
          <TextField name="seeds" size={10} />
          <TextField name="fsHz" size={5} />
        </div>
      </fieldset>
      <fieldset disabled={running}>
        <legend>Model and training</legend>
        <div className="train-row">
          <Select name="arch" options={ARCH_NAMES} text={(a) => ARCH_TEXT[a]} />
          <TextField name="depth" size={3} />
          <TextField name="width" size={4} />
          <ParamCount />
        </div>
        <div className="train-row">
          <TextField name="epochs" size={4} />
          <TextField name="pretrainEpochs" size={4} />
          <TextField name="batchSize" size={4} />
          <TextField name="learningRate" size={7} />
          <Select name="backend" options={['auto', ...BACKEND_NAMES] as const} />
          <output className="train-backend" data-testid="train-backend" title={skipped.join('\n')}>
            {starting ? 'starting…' : backend === null ? 'no backend yet' : `running on ${backend}`}
          </output>
        </div>
      </fieldset>
      {formError !== null && (
        <p className="train-error" role="alert" data-testid="train-form-error">
          {formError.message}
        </p>
      )}
      <button type="submit" disabled={running}>
        Run experiment
      </button>
    </form>
  );
}
