/**
 * Fixes every task's test set before any training: a patient-level split of the training data (seeded,
 * `test.fraction` of the patients), or the separate test set checked for ≥ 2 patients per class and for
 * patients shared with the training data. Every refusal happens here, before the first epoch.
 */
import type { ClassName } from '../../core/units.ts';
import type { ExperimentConfig } from './config.ts';
import type { RealDataset } from './real-dataset.ts';
import { checkDisjointPatients, checkPoolClasses, checkTestSet, splitTestByPatient } from './split-test.ts';
import { patientsByClass, taskClasses, taskWindows, type TaskName, type TaskWindows } from './tasks.ts';

/** The real data of an experiment. */
export interface ExperimentData {
  train: RealDataset;
  /** A separate test set; without it a seeded patient-level split of `train` is the test set. */
  test?: RealDataset;
}

/** How one task's data were split, for the report. */
export interface SplitInfo {
  task: TaskName;
  classes: ClassName[];
  /** `split of --train` (seeded patient split) or `--test`. */
  testSource: string;
  poolWindowsPerClass: number[];
  poolPatientsPerClass: number[];
  testWindowsPerClass: number[];
  testPatientsPerClass: number[];
  /** The test patients, sorted. */
  testPatients: string[];
}

/** One task ready to run. */
export interface PreparedTask {
  task: TaskName;
  classes: readonly ClassName[];
  pool: TaskWindows;
  test: TaskWindows;
  /** The dataset `test` indexes into. */
  testData: RealDataset;
  info: SplitInfo;
}

function perClass(tw: TaskWindows, n: number): { windows: number[]; patients: number[] } {
  const windows = new Array<number>(n).fill(0);
  for (const k of tw.labels) windows[k]++;
  return { windows, patients: patientsByClass(tw, n).map((s) => s.size) };
}

/** Every task of `config` split (throws `ExperimentError` naming the task and the class at fault). */
export function prepareTasks(config: ExperimentConfig, data: ExperimentData): PreparedTask[] {
  return config.tasks.map((task): PreparedTask => {
    const classes = taskClasses(task);
    const all = taskWindows(data.train, classes);
    let pool: TaskWindows;
    let test: TaskWindows;
    let testPatients: string[];
    if (data.test === undefined) {
      ({ pool, test, testPatients } = splitTestByPatient(all, classes, {
        fraction: config.test.fraction,
        seed: config.test.seed,
        task,
      }));
    } else {
      pool = all;
      test = taskWindows(data.test, classes);
      checkTestSet(test, classes, task);
      checkDisjointPatients(pool, test, task);
      testPatients = [...new Set(test.patients)].sort();
    }
    checkPoolClasses(pool, classes, task);
    const p = perClass(pool, classes.length);
    const t = perClass(test, classes.length);
    return {
      task,
      classes,
      pool,
      test,
      testData: data.test ?? data.train,
      info: {
        task,
        classes: [...classes],
        testSource:
          data.test === undefined ? `seeded patient split of --train (seed ${config.test.seed})` : '--test',
        poolWindowsPerClass: p.windows,
        poolPatientsPerClass: p.patients,
        testWindowsPerClass: t.windows,
        testPatientsPerClass: t.patients,
        testPatients,
      },
    };
  });
}
