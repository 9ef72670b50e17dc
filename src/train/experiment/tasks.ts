/**
 * The experiment's tasks: each abnormal class against `nsr` (binary, EXPERIMENT.md), and all five
 * classes at once (multi-class, macro-averaged metrics). Class index 0 is always `nsr`; in a binary task
 * index 1 is the abnormal (positive) class.
 */
import type { ClassName } from '../../core/units.ts';
import type { RealDataset } from './real-dataset.ts';

/** Task names, as in the config and the results. */
export const TASK_NAMES = ['af-vs-nsr', 'afl-vs-nsr', 'pvc-vs-nsr', 'wpw-vs-nsr', 'multiclass'] as const;
/** One task. */
export type TaskName = (typeof TASK_NAMES)[number];

const CLASSES: Readonly<Record<TaskName, readonly ClassName[]>> = {
  'af-vs-nsr': ['nsr', 'af'],
  'afl-vs-nsr': ['nsr', 'afl'],
  'pvc-vs-nsr': ['nsr', 'pvc'],
  'wpw-vs-nsr': ['nsr', 'wpw'],
  multiclass: ['nsr', 'af', 'afl', 'pvc', 'wpw'],
};

/** The classes of `task` in label-index order. */
export function taskClasses(task: TaskName): readonly ClassName[] {
  return CLASSES[task];
}

/** The windows of a dataset that belong to a task, with their task labels and patients. */
export interface TaskWindows {
  /** Window indices in the dataset, ascending. */
  indices: number[];
  /** Task class index of each. */
  labels: number[];
  /** Patient of each. */
  patients: string[];
}

/** The windows of `dataset` whose class is one of `classes` (the rest are not part of the task). */
export function taskWindows(dataset: RealDataset, classes: readonly ClassName[]): TaskWindows {
  const out: TaskWindows = { indices: [], labels: [], patients: [] };
  dataset.windows.forEach((w, i) => {
    const k = classes.indexOf(w.className);
    if (k < 0) return;
    out.indices.push(i);
    out.labels.push(k);
    out.patients.push(w.patient);
  });
  return out;
}

/** The windows of `tw` for which `keep(position)` holds. */
export function selectWindows(tw: TaskWindows, keep: (position: number) => boolean): TaskWindows {
  const out: TaskWindows = { indices: [], labels: [], patients: [] };
  for (let j = 0; j < tw.indices.length; j++) {
    if (!keep(j)) continue;
    out.indices.push(tw.indices[j]);
    out.labels.push(tw.labels[j]);
    out.patients.push(tw.patients[j]);
  }
  return out;
}

/** For each class index, the set of patients with at least one window of it. */
export function patientsByClass(tw: TaskWindows, nClasses: number): Set<string>[] {
  const sets = Array.from({ length: nClasses }, () => new Set<string>());
  for (let j = 0; j < tw.labels.length; j++) sets[tw.labels[j]].add(tw.patients[j]);
  return sets;
}
