// Test metrics against values computed by hand on fixed predictions (the arithmetic is in the comments),
// and the patient bootstrap against facts that only a patient-level resample has.
import { describe, expect, it } from 'vitest';
import { patientBootstrap, quantileSorted } from '../../src/train/metrics-bootstrap.ts';
import { createEvaluator, evaluatePredictions } from '../../src/train/metrics.ts';

/** Row-major n × 2 probabilities from the positive class's probabilities. */
function binaryProbs(p1: number[]): Float32Array {
  return Float32Array.from(p1.flatMap((p) => [1 - p, p]));
}

// Nine examples, P = 5 positives, N = 4 negatives, one positive/negative tie at 0.3:
//   score 0.9 0.8 0.7 0.6 0.55 0.4 0.3 0.3 0.1
//   label  1   1   0   1   0    1   1   0   0
const P1 = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.3, 0.1];
const Y = [1, 1, 0, 1, 0, 1, 1, 0, 0];

describe('binary metrics (hand-computed)', () => {
  const m = evaluatePredictions(binaryProbs(P1), Int32Array.from(Y), 2);

  it('confusion matrix and accuracy at threshold 0.5', () => {
    // Predicted positive (p ≥ 0.5): 0.9 0.8 0.7 0.6 0.55 → TP = 3 (0.9 0.8 0.6), FP = 2 (0.7 0.55);
    // predicted negative: FN = 2 (0.4, 0.3), TN = 2 (0.3, 0.1). confusion[true][pred] = [[TN, FP], [FN, TP]].
    expect(m.confusion).toEqual([
      [2, 2],
      [2, 3],
    ]);
    // accuracy = (TP + TN) / 9 = 5/9
    expect(m.accuracy).toBeCloseTo(5 / 9, 12);
  });

  it('F1 of the positive class', () => {
    // F1 = 2·TP / (2·TP + FP + FN) = 6 / (6 + 2 + 2) = 0.6
    expect(m.f1).toBeCloseTo(0.6, 12);
  });

  it('AUROC by average ranks (ties share their rank)', () => {
    // Ascending ranks: 0.1→1, the 0.3 pair→(2+3)/2 = 2.5 each, 0.4→4, 0.55→5, 0.6→6, 0.7→7, 0.8→8, 0.9→9.
    // Positive ranks: 9 + 8 + 6 + 4 + 2.5 = 29.5; U = 29.5 − 5·6/2 = 14.5; AUROC = 14.5 / (5·4) = 0.725.
    // (Pairwise: 4 + 4 + 3 + 2 + (1 + ½ for the tie) = 14.5 of 20 pairs.)
    expect(m.auroc).toBeCloseTo(0.725, 12);
  });

  it('AUPRC as step-wise average precision', () => {
    // Descending thresholds, ΔR = 1/5 per positive: 0.9 P=1/1, 0.8 P=2/2, 0.6 P=3/4, 0.4 P=4/6,
    // the 0.3 tie group (one P, one N) P=5/8. AP = (1 + 1 + 3/4 + 2/3 + 5/8)/5 = 97/120.
    expect(m.auprc).toBeCloseTo(97 / 120, 12);
  });

  it('a perfect ranking gives AUROC = AUPRC = 1; a reversed one AUROC = 0', () => {
    const y = Int32Array.from([0, 0, 1, 1]);
    expect(evaluatePredictions(binaryProbs([0.1, 0.2, 0.8, 0.9]), y, 2).auroc).toBe(1);
    expect(evaluatePredictions(binaryProbs([0.1, 0.2, 0.8, 0.9]), y, 2).auprc).toBe(1);
    expect(evaluatePredictions(binaryProbs([0.9, 0.8, 0.2, 0.1]), y, 2).auroc).toBe(0);
  });

  it('all scores tied: AUROC 0.5 and AP = the positive rate', () => {
    // One tie group: every pair is a tie (½ each) → 0.5; one threshold with precision 2/5 at recall 1.
    const m2 = evaluatePredictions(
      binaryProbs([0.4, 0.4, 0.4, 0.4, 0.4]),
      Int32Array.from([1, 0, 1, 0, 0]),
      2,
    );
    expect(m2.auroc).toBe(0.5);
    expect(m2.auprc).toBeCloseTo(0.4, 12);
  });

  it('undefined metrics are NaN: no negatives → AUROC; no positives → AUROC, AUPRC and F1', () => {
    const onlyPos = evaluatePredictions(binaryProbs([0.9, 0.2]), Int32Array.from([1, 1]), 2);
    expect(onlyPos.auroc).toBeNaN();
    expect(onlyPos.auprc).toBe(1); // 0.9: 1/1, 0.2: 2/2
    const onlyNeg = evaluatePredictions(binaryProbs([0.3, 0.2]), Int32Array.from([0, 0]), 2);
    expect(onlyNeg.auroc).toBeNaN();
    expect(onlyNeg.auprc).toBeNaN();
    expect(onlyNeg.f1).toBeNaN(); // no true positives to find: TP + FN = 0
    expect(onlyNeg.accuracy).toBe(1);
    // Still NaN with a false alarm (not 2·0 / (0 + 1 + 0) = 0): F1 of an absent class means nothing.
    expect(evaluatePredictions(binaryProbs([0.7, 0.2]), Int32Array.from([0, 0]), 2).f1).toBeNaN();
  });

  it('weights count examples that many times (what the bootstrap relies on)', () => {
    const w = [2, 1, 3, 1, 1, 2, 1, 1, 2];
    const dupP: number[] = [];
    const dupY: number[] = [];
    P1.forEach((p, i) => {
      for (let k = 0; k < w[i]; k++) {
        dupP.push(p);
        dupY.push(Y[i]);
      }
    });
    const weighted = createEvaluator(binaryProbs(P1), Int32Array.from(Y), 2).evaluate(w);
    const duplicated = evaluatePredictions(binaryProbs(dupP), Int32Array.from(dupY), 2);
    for (const k of ['f1', 'auroc', 'auprc', 'accuracy'] as const) {
      expect(weighted[k]).toBeCloseTo(duplicated[k], 12);
    }
    expect(weighted.confusion).toEqual(duplicated.confusion);
  });

  it('rejects non-finite probabilities and labels out of range, naming them', () => {
    expect(() => evaluatePredictions(binaryProbs([NaN]), Int32Array.from([1]), 2)).toThrow(/probability 0/);
    expect(() => evaluatePredictions(binaryProbs([0.5]), Int32Array.from([2]), 2)).toThrow(/label 0 is 2/);
    expect(() => evaluatePredictions(new Float32Array(3), Int32Array.from([1]), 2)).toThrow(/3 values/);
  });
});

describe('multi-class metrics: one-vs-rest macro averages (hand-computed)', () => {
  // Six examples, three classes; prediction = argmax.
  //   i  p0  p1  p2  true pred
  //   0 .7  .2  .1   0    0
  //   1 .2  .5  .3   0    1
  //   2 .1  .8  .1   1    1
  //   3 .3  .4  .3   1    1
  //   4 .2  .2  .6   2    2
  //   5 .5  .1  .4   2    0
  const probs = Float32Array.from([
    0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.1, 0.8, 0.1, 0.3, 0.4, 0.3, 0.2, 0.2, 0.6, 0.5, 0.1, 0.4,
  ]);
  const y = Int32Array.from([0, 0, 1, 1, 2, 2]);
  const m = evaluatePredictions(probs, y, 3);

  it('confusion matrix and accuracy', () => {
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
  });

  it('macro F1', () => {
    // class 0: TP 1, FP 1 (ex 5), FN 1 (ex 1) → 2/4 = 0.5; class 1: TP 2, FP 1 (ex 1), FN 0 → 4/5;
    // class 2: TP 1, FP 0, FN 1 (ex 5) → 2/3. Macro = (1/2 + 4/5 + 2/3)/3 = 59/90.
    expect(m.perClass.map((c) => c.f1)).toEqual([0.5, 0.8, 2 / 3].map((v) => expect.closeTo(v, 12)));
    expect(m.f1).toBeCloseTo(59 / 90, 12);
  });

  it('macro AUROC', () => {
    // class 0: positives .7 .2, negatives .1 .3 .2 .5: .7 beats 4; .2 beats .1 and ties .2 → 1.5; 5.5/8.
    // class 1: positives .8 .4, negatives .2 .5 .2 .1: 4 + 3 = 7 → 7/8. class 2: .6 .4 above .1 .3 .1 .3 → 1.
    // Macro = (0.6875 + 0.875 + 1)/3.
    expect(m.perClass.map((c) => c.auroc)).toEqual([0.6875, 0.875, 1].map((v) => expect.closeTo(v, 12)));
    expect(m.auroc).toBeCloseTo((0.6875 + 0.875 + 1) / 3, 12);
  });

  it('macro AUPRC (step-wise average precision)', () => {
    // class 0: .7 P → precision 1 at recall ½; .5 N, .3 N; the .2 tie (P, N) → precision 2/5 at recall 1:
    //   AP = ½·1 + ½·2/5 = 0.7. class 1: .8 P → 1; .5 N; .4 P → 2/3: AP = ½ + ⅓ = 5/6. class 2: AP = 1.
    // Macro = (0.7 + 5/6 + 1)/3 = 38/45.
    expect(m.perClass.map((c) => c.auprc)).toEqual([0.7, 5 / 6, 1].map((v) => expect.closeTo(v, 12)));
    expect(m.auprc).toBeCloseTo(38 / 45, 12);
  });
});

describe('patient bootstrap confidence intervals', () => {
  it('quantiles interpolate linearly between order statistics', () => {
    // [1, 2, 3, 4]: q = 0.25 sits at position 0.75 → 1 + 0.75·(2 − 1) = 1.75; q = 1 → 4.
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('resamples patients, not windows: two patients give accuracy only 0, ½ or 1', () => {
    // Patient A: 10 windows all right; patient B: 10 windows all wrong. A patient resample is AA (acc 1),
    // AB/BA (½) or BB (0), each extreme with probability ¼, so the 95 % interval is [0, 1]. Resampling
    // the 20 windows would give about 0.5 ± 0.22 instead.
    const p1: number[] = [];
    const y: number[] = [];
    const patients: string[] = [];
    for (let i = 0; i < 20; i++) {
      const positive = i % 2;
      const right = i < 10;
      p1.push(right === (positive === 1) ? 0.9 : 0.1);
      y.push(positive);
      patients.push(i < 10 ? 'A' : 'B');
    }
    const ci = patientBootstrap(binaryProbs(p1), Int32Array.from(y), 2, patients, {
      resamples: 400,
      seed: 7,
    });
    expect(ci.accuracy).toEqual({ lo: 0, hi: 1, n: 400 });
  });

  it('one window per patient: the accuracy interval matches the binomial one', () => {
    // 200 patients, 160 right: sd = sqrt(0.8·0.2/200) ≈ 0.0283, so the interval ≈ 0.8 ± 0.055.
    const p1: number[] = [];
    const y: number[] = [];
    const patients: string[] = [];
    for (let i = 0; i < 200; i++) {
      y.push(i % 2);
      p1.push(i % 10 < 8 === (i % 2 === 1) ? 0.8 : 0.2);
      patients.push(`p${i}`);
    }
    const ci = patientBootstrap(binaryProbs(p1), Int32Array.from(y), 2, patients, {
      resamples: 1000,
      seed: 3,
    });
    expect(ci.accuracy.lo).toBeGreaterThan(0.8 - 0.055 - 0.015);
    expect(ci.accuracy.lo).toBeLessThan(0.8 - 0.055 + 0.015);
    expect(ci.accuracy.hi).toBeGreaterThan(0.8 + 0.055 - 0.015);
    expect(ci.accuracy.hi).toBeLessThan(0.8 + 0.055 + 0.015);
  });

  it('is stratified by the classes of each patient, and deterministic for a seed', () => {
    // Patient a has the only positive window; b and c only negatives. Unstratified, a is missing from
    // (2/3)^3 = 8/27 of the resamples (no AUROC there); stratified, {a} is always redrawn as a, so every
    // resample defines AUROC, and here ranks the positive 0.8 above every negative: [1, 1].
    const probs = binaryProbs([0.8, 0.3, 0.4, 0.2, 0.1, 0.6]);
    const y = Int32Array.from([1, 0, 0, 0, 0, 0]);
    const patients = ['a', 'b', 'b', 'c', 'c', 'c'];
    const one = patientBootstrap(probs, y, 2, patients, { resamples: 300, seed: 11 });
    expect(one.auroc).toEqual({ lo: 1, hi: 1, n: 300 });
    expect(one.f1.n).toBe(300);
    expect(patientBootstrap(probs, y, 2, patients, { resamples: 300, seed: 11 })).toEqual(one);
    // Accuracy varies with how often b (2 windows, both right) and c (3 windows, the 0.6 a false alarm)
    // are drawn in the {nsr} stratum: a, c, c gives (1 + 4)/7 = 5/7 right, a, b, b gives 5/5.
    expect(patientBootstrap(probs, y, 2, patients, { resamples: 300, seed: 12 }).accuracy.n).toBe(300);
    expect(one.accuracy.lo).toBeLessThan(one.accuracy.hi);
  });
});
