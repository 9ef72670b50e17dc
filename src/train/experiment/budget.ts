/**
 * Real-data budgets: `budget` windows per class drawn from the training pool, spread over patients
 * (patients in a seeded order, one window from each in turn, each patient's windows in a seeded order),
 * and the validation split for early stopping taken from inside the budget, by patient where possible.
 *
 * The draw order depends only on the seed, so for one seed a smaller budget is a prefix of a larger one
 * (nested budgets), and the scratch and pretrain regimes see exactly the same windows.
 */
import { createRng, fnv1a32 } from '../../core/rng.ts';
import { shuffleInPlace } from './shuffle.ts';
import type { TaskWindows } from './tasks.ts';

/** Budget modes, as in the config. */
export const BUDGET_MODES = ['per-class', 'positives-only'] as const;
/**
 * `per-class`: `budget` windows of every class; `positives-only`: `budget` windows of every abnormal
 * class and every `nsr` window of the pool (EXPERIMENT.md's variant).
 */
export type BudgetMode = (typeof BUDGET_MODES)[number];

/** Options of `drawBudget`. */
export interface BudgetOptions {
  /** Windows per class. */
  budget: number;
  mode: BudgetMode;
  /** Fraction of each class's drawn windows kept for validation, e.g. 0.2. */
  validationFraction: number;
  seed: number;
  /** Names the random stream (e.g. the task), so different tasks draw independently. */
  stream: string;
}

/** The windows of one budget: dataset indices with their task labels. */
export interface BudgetDraw {
  train: number[];
  trainLabels: number[];
  validation: number[];
  validationLabels: number[];
  /** Windows drawn per class (training + validation). */
  drawnPerClass: number[];
  /** Whether a class had fewer windows in the pool than the budget (all of them were used). */
  capped: boolean;
  /** Whether every class's validation windows come from patients absent from its training part. */
  validationByPatient: boolean;
  /** Whether a class had a single window, which then serves for both training and validation. */
  validationFromTrain: boolean;
}

interface Drawn {
  index: number;
  patient: string;
}

/** Round-robin over patients in seeded order: the first `limit` windows. */
function drawClass(pool: TaskWindows, k: number, limit: number, rng: ReturnType<typeof createRng>): Drawn[] {
  const byPatient = new Map<string, number[]>();
  for (let j = 0; j < pool.labels.length; j++) {
    if (pool.labels[j] !== k) continue;
    const p = pool.patients[j];
    let list = byPatient.get(p);
    if (list === undefined) byPatient.set(p, (list = []));
    list.push(pool.indices[j]);
  }
  const patients = shuffleInPlace([...byPatient.keys()].sort(), rng);
  const lists = patients.map((p) => shuffleInPlace(byPatient.get(p) ?? [], rng));
  const out: Drawn[] = [];
  for (let round = 0; out.length < limit; round++) {
    let any = false;
    for (let q = 0; q < patients.length && out.length < limit; q++) {
      if (round >= lists[q].length) continue;
      out.push({ index: lists[q][round], patient: patients[q] });
      any = true;
    }
    if (!any) break;
  }
  return out;
}

/**
 * Validation windows of one class's draw: whole patients from the end of the draw order while fewer
 * than `nVal` are taken (keeping ≥ 1 patient for training); when that would take more than twice
 * `nVal`, or the draw has one patient, the last `nVal` windows instead.
 */
function validationOf(drawn: Drawn[], nVal: number): { val: Set<number>; byPatient: boolean } {
  const patients = [...new Set(drawn.map((d) => d.patient))];
  const val = new Set<number>();
  if (patients.length >= 2) {
    for (let q = patients.length - 1; q >= 1 && val.size < nVal; q--) {
      drawn.forEach((d, i) => {
        if (d.patient === patients[q]) val.add(i);
      });
    }
    if (val.size <= 2 * nVal) return { val, byPatient: true };
    val.clear();
  }
  for (let i = drawn.length - nVal; i < drawn.length; i++) val.add(i);
  return { val, byPatient: false };
}

/** Draws one budget from the training pool `pool` (see the module comment). */
export function drawBudget(pool: TaskWindows, nClasses: number, options: BudgetOptions): BudgetDraw {
  const rng = createRng(options.seed, fnv1a32(`budget:${options.stream}`));
  const out: BudgetDraw = {
    train: [],
    trainLabels: [],
    validation: [],
    validationLabels: [],
    drawnPerClass: [],
    capped: false,
    validationByPatient: true,
    validationFromTrain: false,
  };
  for (let k = 0; k < nClasses; k++) {
    const limit = options.mode === 'positives-only' && k === 0 ? Infinity : options.budget;
    const drawn = drawClass(pool, k, limit, rng);
    out.drawnPerClass.push(drawn.length);
    if (drawn.length < limit) out.capped ||= limit !== Infinity;
    if (drawn.length < 2) {
      out.validationFromTrain ||= drawn.length === 1;
      for (const d of drawn) {
        out.train.push(d.index);
        out.trainLabels.push(k);
        out.validation.push(d.index);
        out.validationLabels.push(k);
      }
      continue;
    }
    const nVal = Math.min(
      drawn.length - 1,
      Math.max(1, Math.round(options.validationFraction * drawn.length)),
    );
    const { val, byPatient } = validationOf(drawn, nVal);
    out.validationByPatient &&= byPatient;
    drawn.forEach((d, i) => {
      if (val.has(i)) {
        out.validation.push(d.index);
        out.validationLabels.push(k);
      } else {
        out.train.push(d.index);
        out.trainLabels.push(k);
      }
    });
  }
  return out;
}
