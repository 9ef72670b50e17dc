/**
 * The Training lab's setup form: a bad value is refused naming the control the user sees, a split that
 * cannot hold 2 test patients per class is refused before anything trains, and a good form gives the
 * experiment config (windowS from the dataset, the synthetic block only for the default recipe).
 */
import { describe, expect, it } from 'vitest';
import { configOfForm, defaultTrainForm, TRAIN_LABELS } from '../../src/state/train-form.ts';
import type { RealDataset } from '../../src/train/experiment/real-dataset.ts';

/** `perClass` patients of each of nsr and af, 3 windows each, 5-s windows at 100 Hz. */
function dataset(perClass: number): RealDataset {
  const windows = [];
  for (const className of ['nsr', 'af'] as const) {
    for (let p = 0; p < perClass; p++) {
      for (let w = 0; w < 3; w++)
        windows.push({ record: `${className}${p}`, patient: `${className}${p}`, className });
    }
  }
  return { fsHz: 100, windowSamples: 500, x: new Float32Array(windows.length * 500), windows };
}

describe('train form', () => {
  it('gives the config of a good form, with the window of the dataset', () => {
    const r = configOfForm(
      { ...defaultTrainForm(), budgets: '2 4', seeds: '7', syntheticCount: '40' },
      dataset(5),
    );
    expect(r.error).toBeNull();
    expect(r.config!.budgets).toEqual([2, 4]);
    expect(r.config!.seeds).toEqual([7]);
    expect(r.config!.windowS).toBe(5);
    expect(r.config!.synthetic.countPerClass).toBe(40);
    expect(r.config!.synthetic.validationPerClass).toBe(10);
  });

  it('names the control of a bad value', () => {
    const cases: [Partial<ReturnType<typeof defaultTrainForm>>, string][] = [
      [{ budgets: '5, 2.5' }, TRAIN_LABELS.budgets],
      [{ seeds: 'x' }, TRAIN_LABELS.seeds],
      [{ depth: '0' }, TRAIN_LABELS.depth],
      [{ width: '2' }, TRAIN_LABELS.width],
      [{ epochs: '' }, TRAIN_LABELS.epochs],
      [{ learningRate: '0' }, TRAIN_LABELS.learningRate],
      [{ fsHz: '20' }, TRAIN_LABELS.fsHz],
    ];
    for (const [change, control] of cases) {
      const r = configOfForm({ ...defaultTrainForm(), ...change }, dataset(5));
      expect(r.error?.control, JSON.stringify(change)).toBe(control);
      expect(r.error?.message.startsWith(`${control}: `)).toBe(true);
    }
  });

  it('refuses a dataset without 3 patients of a class, naming the class', () => {
    const r = configOfForm(defaultTrainForm(), dataset(2));
    expect(r.error?.control).toBe(TRAIN_LABELS.datasetId);
    expect(r.error?.message).toMatch(/class nsr has windows from 2 patient/);
  });

  it('asks for a dataset and for a recipe file', () => {
    expect(configOfForm(defaultTrainForm(), null).error?.control).toBe(TRAIN_LABELS.datasetId);
    const r = configOfForm({ ...defaultTrainForm(), synthetic: 'file' }, dataset(5));
    expect(r.error?.control).toBe(TRAIN_LABELS.recipeFile);
  });
});
