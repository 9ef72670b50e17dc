/**
 * Beat-by-beat comparison of detected beats with reference annotations, as in ANSI/AAMI EC57
 * (Testing and reporting performance results of cardiac rhythm and ST segment measurement algorithms)
 * and the WFDB `bxb` program: a detection within the match window (150 ms) of a reference beat is a true
 * positive; each detection and each reference is matched at most once. Sensitivity Se = TP / (TP + FN),
 * positive predictivity +P = TP / (TP + FP).
 */

/** Detection scores against a reference. */
export interface DetectionScore {
  /** True positives (matched pairs), false positives (unmatched detections), false negatives. */
  tp: number;
  fp: number;
  fn: number;
  /** TP / (TP + FN), 0-1 (NaN without reference beats). */
  sensitivity: number;
  /** TP / (TP + FP), 0-1 (NaN without detections). */
  positivePredictivity: number;
  /** Mean |detection − reference| over the matched pairs (s). */
  meanAbsErrorS: number;
}

/**
 * Scores `detected` against `reference` (both ascending sample indices at `fsHz`) with a match window
 * of ±`windowS` seconds (default 0.15 s, EC57). Matching runs through the references in time order;
 * each takes the nearest unmatched detection within its window among those that are not nearer to the
 * next reference while inside that one's window, so that a close pair of beats is not cross-matched.
 */
export function scoreDetections(
  detected: ArrayLike<number>,
  reference: ArrayLike<number>,
  fsHz: number,
  windowS = 0.15,
): DetectionScore {
  const w = windowS * fsHz;
  let tp = 0;
  let errSum = 0;
  let j = 0; // first detection not yet matched nor passed
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i];
    while (j < detected.length && detected[j] < r - w) j++;
    const next = i + 1 < reference.length ? reference[i + 1] : Infinity;
    let best = -1;
    for (let k = j; k < detected.length && detected[k] <= r + w; k++) {
      const d = detected[k];
      const own = Math.abs(d - r);
      const toNext = Math.abs(next - d);
      if (toNext < own && toNext <= w) break; // this one and later ones belong to the next reference
      if (best < 0 || own < Math.abs(detected[best] - r)) best = k;
    }
    if (best >= 0) {
      tp++;
      errSum += Math.abs(detected[best] - r);
      // Detections skipped before `best` stay unmatched (false positives): move past the match.
      j = best + 1;
    }
  }
  const fp = detected.length - tp;
  const fn = reference.length - tp;
  return {
    tp,
    fp,
    fn,
    sensitivity: reference.length > 0 ? tp / reference.length : NaN,
    positivePredictivity: detected.length > 0 ? tp / detected.length : NaN,
    meanAbsErrorS: tp > 0 ? errSum / tp / fsHz : NaN,
  };
}
