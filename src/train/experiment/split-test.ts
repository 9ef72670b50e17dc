/**
 * The real test split, fixed before any training and never used for early stopping (EXPERIMENT.md):
 * it goes by PATIENT, never by window, so no person's windows are on both sides. Without a separate
 * test set, a seeded fraction of the patients (20 % by default) is drawn; either way the test set must
 * hold every class of the task from ≥ 2 patients, or the experiment refuses and names the class.
 */
import { createRng, fnv1a32 } from '../../core/rng.ts';
import type { ClassName } from '../../core/units.ts';
import { ExperimentError } from './experiment-error.ts';
import { shuffleInPlace } from './shuffle.ts';
import { patientsByClass, selectWindows, type TaskName, type TaskWindows } from './tasks.ts';

/** Patients of each class the test set must hold. */
export const MIN_TEST_PATIENTS_PER_CLASS = 2;

/** A training pool and a test set of one task. */
export interface TestSplit {
  pool: TaskWindows;
  test: TaskWindows;
  /** The test set's patients, sorted. */
  testPatients: string[];
}

/** Options of `splitTestByPatient`. */
export interface TestSplitOptions {
  /** Fraction of the patients to put in the test set, e.g. 0.2. */
  fraction: number;
  seed: number;
  task: TaskName;
}

function listPatients(patients: Iterable<string>, max = 5): string {
  const all = [...patients].sort();
  if (all.length === 0) return 'none';
  return all.length <= max ? all.join(', ') : `${all.slice(0, max).join(', ')} and ${all.length - max} more`;
}

/**
 * Splits the task's windows `all` into a training pool and a test set by patient: the patients (sorted,
 * then shuffled by the seed) go to the test set until it holds ≥ 2 patients of every class (scarcest
 * class first) and `fraction` of all patients, never taking a class's last patient from training.
 * Throws `ExperimentError` naming the class that has fewer than 3 patients.
 */
export function splitTestByPatient(
  all: TaskWindows,
  classes: readonly ClassName[],
  options: TestSplitOptions,
): TestSplit {
  const field = `test split (${options.task})`;
  const byClass = patientsByClass(all, classes.length);
  const need = MIN_TEST_PATIENTS_PER_CLASS + 1;
  byClass.forEach((set, k) => {
    if (set.size < need) {
      throw new ExperimentError(
        field,
        `class ${classes[k]} has windows from ${set.size} patient(s) (${listPatients(set)}); a patient-level ` +
          `split needs ≥ ${MIN_TEST_PATIENTS_PER_CLASS} of them in the test set and ≥ 1 for training, so ≥ ${need}` +
          ` (or give a separate test set)`,
      );
    }
  });
  const classesOf = new Map<string, Set<number>>();
  all.patients.forEach((p, j) => {
    let s = classesOf.get(p);
    if (s === undefined) classesOf.set(p, (s = new Set()));
    s.add(all.labels[j]);
  });
  const order = shuffleInPlace([...classesOf.keys()].sort(), createRng(options.seed, fnv1a32('test-split')));
  const nTarget = Math.round(options.fraction * order.length);
  const inTest = new Set<string>();
  const testCount = new Array<number>(classes.length).fill(0);
  const left = byClass.map((s) => s.size);
  const canTake = (p: string) => [...(classesOf.get(p) ?? [])].every((k) => left[k] > 1);
  const take = (p: string) => {
    inTest.add(p);
    for (const k of classesOf.get(p) ?? []) {
      testCount[k]++;
      left[k]--;
    }
  };
  const scarcestFirst = classes.map((_, k) => k).sort((a, b) => byClass[a].size - byClass[b].size || a - b);
  for (const k of scarcestFirst) {
    for (const p of order) {
      if (testCount[k] >= MIN_TEST_PATIENTS_PER_CLASS) break;
      if (!inTest.has(p) && classesOf.get(p)?.has(k) && canTake(p)) take(p);
    }
    if (testCount[k] < MIN_TEST_PATIENTS_PER_CLASS) {
      throw new ExperimentError(
        field,
        `cannot put ${MIN_TEST_PATIENTS_PER_CLASS} patients of class ${classes[k]} in the test set and keep one ` +
          `for training (its patients: ${listPatients(byClass[k])})`,
      );
    }
  }
  for (const p of order) {
    if (inTest.size >= nTarget) break;
    if (!inTest.has(p) && canTake(p)) take(p);
  }
  return {
    pool: selectWindows(all, (j) => !inTest.has(all.patients[j])),
    test: selectWindows(all, (j) => inTest.has(all.patients[j])),
    testPatients: [...inTest].sort(),
  };
}

/**
 * Checks a given test set: every class of the task from ≥ 2 patients (throws `ExperimentError` naming
 * the class otherwise).
 */
export function checkTestSet(test: TaskWindows, classes: readonly ClassName[], task: TaskName): void {
  patientsByClass(test, classes.length).forEach((set, k) => {
    if (set.size < MIN_TEST_PATIENTS_PER_CLASS) {
      throw new ExperimentError(
        `--test (${task})`,
        `class ${classes[k]} has windows from ${set.size} patient(s) (${listPatients(set)}); the test set needs ` +
          `≥ ${MIN_TEST_PATIENTS_PER_CLASS} patients of every class`,
      );
    }
  });
}

/** Throws `ExperimentError` when a patient has windows in both `pool` and `test`, naming them. */
export function checkDisjointPatients(pool: TaskWindows, test: TaskWindows, task: TaskName): void {
  const testPatients = new Set(test.patients);
  const both = new Set(pool.patients.filter((p) => testPatients.has(p)));
  if (both.size > 0) {
    throw new ExperimentError(
      `--test (${task})`,
      `patient(s) ${listPatients(both)} have windows in both the training and the test data; ` +
        `one person must never be on both sides`,
    );
  }
}

/** Throws `ExperimentError` when the training pool lacks a class of the task. */
export function checkPoolClasses(pool: TaskWindows, classes: readonly ClassName[], task: TaskName): void {
  patientsByClass(pool, classes.length).forEach((set, k) => {
    if (set.size === 0) {
      throw new ExperimentError(`--train (${task})`, `no training window of class ${classes[k]} is left`);
    }
  });
}
