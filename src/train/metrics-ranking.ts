/**
 * Ranking metrics of one score against a binary truth, with example weights (a bootstrap resample is the
 * same examples with their multiplicities as weights; plain evaluation uses weight 1):
 *
 * - **AUROC**: the probability that a random positive scores above a random negative, a tie counting
 *   one half. This is the Mann-Whitney U over P·N, i.e. the average-rank formula
 *   (Σ average ranks of the positives − P(P+1)/2) / (P·N), with tied scores sharing their average rank.
 * - **AUPRC** as **average precision, step-wise** (no interpolation, no trapezoids):
 *   AP = Σ_k (R_k − R_{k−1}) · P_k over the distinct scores k in descending order, where P_k and R_k are
 *   the precision and recall of the rule "positive when score ≥ score k", and R_0 = 0
 *   (scikit-learn's `average_precision_score`).
 *
 * Both are NaN when the weighted positives (AUROC: or negatives) sum to zero.
 */

/** Example indices sorted by descending score (ties by ascending index, so the order is stable). */
export function descendingOrder(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

/** AUROC and AUPRC (average precision) of one score. */
export interface RankingMetrics {
  auroc: number;
  auprc: number;
}

/**
 * AUROC and step-wise average precision of `scores` (finite) against `positive` (1 = positive), each
 * example counted `weights[i]` times (all 1 when omitted); `order` is `descendingOrder(scores)`.
 */
export function rankingMetrics(
  scores: ArrayLike<number>,
  positive: Uint8Array,
  order: Int32Array,
  weights?: ArrayLike<number>,
): RankingMetrics {
  let totalPos = 0;
  let totalNeg = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (positive[i] === 1) totalPos += w;
    else totalNeg += w;
  }
  // Walk the tie groups from the highest score down. A negative in a group is beaten by every positive
  // above the group and ties with the group's positives (one half each).
  let posAbove = 0;
  let negAbove = 0;
  let u = 0;
  let ap = 0;
  let k = 0;
  while (k < order.length) {
    const s = scores[order[k]];
    let groupPos = 0;
    let groupNeg = 0;
    while (k < order.length && scores[order[k]] === s) {
      const i = order[k];
      const w = weights === undefined ? 1 : weights[i];
      if (positive[i] === 1) groupPos += w;
      else groupNeg += w;
      k++;
    }
    u += groupNeg * (posAbove + 0.5 * groupPos);
    posAbove += groupPos;
    negAbove += groupNeg;
    if (groupPos > 0 && totalPos > 0) ap += (groupPos / totalPos) * (posAbove / (posAbove + negAbove));
  }
  return {
    auroc: totalPos > 0 && totalNeg > 0 ? u / (totalPos * totalNeg) : NaN,
    auprc: totalPos > 0 ? ap : NaN,
  };
}
