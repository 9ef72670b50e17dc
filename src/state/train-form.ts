/**
 * The Training lab's setup form: text of every control, and `configOfForm`, which turns it into an
 * experiment config (validated by the experiment's own parseExperimentConfig) or refuses it naming the
 * control (`Budgets (windows per class): expected an integer from 1 to 100000, got 2.5`). The split
 * rule (≥ 2 test patients per class) is checked here too, before anything trains.
 */
import { parseExperimentConfig } from '../train/experiment/config-parse.ts';
import type { ExperimentConfig } from '../train/experiment/config.ts';
import { ExperimentError } from '../train/experiment/experiment-error.ts';
import { prepareTasks } from '../train/experiment/prepare.ts';
import type { RealDataset } from '../train/experiment/real-dataset.ts';
import type { TaskName } from '../train/experiment/tasks.ts';
import type { ArchName, BackendName } from '../train/types.ts';

/** Where the synthetic pre-training records come from. */
export type SyntheticSetting = 'config' | 'builder' | 'file';

/** The form's values, as typed. */
export interface TrainForm {
  /** Id of the real dataset (see TrainDataset), '' = none. */
  datasetId: string;
  synthetic: SyntheticSetting;
  /** A recipe.json read from a file. */
  recipeFile: { name: string; text: string } | null;
  syntheticCount: string;
  arch: ArchName;
  depth: string;
  width: string;
  task: TaskName;
  budgets: string;
  seeds: string;
  epochs: string;
  pretrainEpochs: string;
  batchSize: string;
  learningRate: string;
  fsHz: string;
  backend: BackendName | 'auto';
}

/** The visible label of every control (also what refusals start with). */
export const TRAIN_LABELS = {
  datasetId: 'Real dataset',
  synthetic: 'Synthetic recipe',
  recipeFile: 'Recipe file',
  syntheticCount: 'Synthetic records per class',
  arch: 'Model',
  depth: 'Depth (blocks)',
  width: 'Width (channels)',
  task: 'Task',
  budgets: 'Budgets (real windows per class)',
  seeds: 'Seeds',
  epochs: 'Epochs (real data)',
  pretrainEpochs: 'Epochs (synthetic pre-training)',
  batchSize: 'Batch size',
  learningRate: 'Learning rate',
  fsHz: 'Model input rate (Hz)',
  backend: 'Backend',
} as const satisfies Record<keyof TrainForm, string>;

/** The form's starting values: a small experiment that runs in minutes. */
export function defaultTrainForm(): TrainForm {
  return {
    datasetId: '',
    synthetic: 'config',
    recipeFile: null,
    syntheticCount: '200',
    arch: 'cnn',
    depth: '2',
    width: '16',
    task: 'af-vs-nsr',
    budgets: '5, 10, 25',
    seeds: '1, 2, 3',
    epochs: '20',
    pretrainEpochs: '10',
    batchSize: '32',
    learningRate: '0.001',
    fsHz: '100',
    backend: 'auto',
  };
}

/** A refusal naming the control. */
export interface TrainFormError {
  control: string;
  message: string;
}

class FormRefusal extends Error {
  constructor(
    readonly control: string,
    reason: string,
  ) {
    super(`${control}: ${reason}`);
  }
}

function num(key: keyof TrainForm, text: string): number {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) throw new FormRefusal(TRAIN_LABELS[key], `"${text}" is not a number`);
  return v;
}

function numList(key: keyof TrainForm, text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new FormRefusal(TRAIN_LABELS[key], 'give at least one number');
  return parts.map((p) => num(key, p));
}

/** The control a config field belongs to. */
function controlOf(field: string): string {
  const L = TRAIN_LABELS;
  const table: [RegExp, string][] = [
    [/^budgets/, L.budgets],
    [/^seeds/, L.seeds],
    [/^epochs/, L.epochs],
    [/^pretrainEpochs/, L.pretrainEpochs],
    [/^batchSize/, L.batchSize],
    [/^learningRate/, L.learningRate],
    [/^fsHz/, L.fsHz],
    [/^windowS/, L.datasetId],
    [/^models\[\d+\]\.depth/, L.depth],
    [/^models\[\d+\]\.width/, L.width],
    [/^models/, L.arch],
    [/^synthetic/, L.syntheticCount],
    [/^tasks/, L.task],
    [/^(test split|--train|--test)/, L.datasetId],
  ];
  return table.find(([re]) => re.test(field))?.[1] ?? field;
}

/** The config of `form` on `dataset` (windowS follows the dataset), or the refusal naming the control. */
export function configOfForm(
  form: TrainForm,
  dataset: RealDataset | null,
): { config: ExperimentConfig; error: null } | { config: null; error: TrainFormError } {
  try {
    if (dataset === null) {
      throw new FormRefusal(TRAIN_LABELS.datasetId, 'take a dataset from the import section first');
    }
    if (form.synthetic === 'file' && form.recipeFile === null) {
      throw new FormRefusal(TRAIN_LABELS.recipeFile, 'pick a recipe.json file');
    }
    const count = num('syntheticCount', form.syntheticCount);
    const json = {
      tasks: [form.task],
      models: [{ arch: form.arch, depth: num('depth', form.depth), width: num('width', form.width) }],
      budgets: numList('budgets', form.budgets),
      seeds: numList('seeds', form.seeds),
      epochs: num('epochs', form.epochs),
      pretrainEpochs: num('pretrainEpochs', form.pretrainEpochs),
      batchSize: num('batchSize', form.batchSize),
      learningRate: num('learningRate', form.learningRate),
      fsHz: num('fsHz', form.fsHz),
      windowS: Math.round((dataset.windowSamples / dataset.fsHz) * 1e6) / 1e6,
      ...(form.synthetic === 'config'
        ? { synthetic: { countPerClass: count, validationPerClass: Math.max(1, Math.round(count / 4)) } }
        : {}),
    };
    const config = parseExperimentConfig(json);
    prepareTasks(config, { train: dataset });
    return { config, error: null };
  } catch (e) {
    if (e instanceof FormRefusal) return { config: null, error: { control: e.control, message: e.message } };
    if (e instanceof ExperimentError) {
      const control = controlOf(e.field);
      return { config: null, error: { control, message: `${control}: ${e.message}` } };
    }
    throw e;
  }
}
