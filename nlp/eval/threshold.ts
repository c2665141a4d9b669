// Choosing a decision threshold for a two-label head (integrity): the lowest threshold whose precision on the
// given data stays at or above a target, which gives the highest recall that precision allows.

/** Precision and recall of `score >= threshold` against gold. */
export function precisionRecall(
  scores: readonly number[],
  gold: readonly boolean[],
  threshold: number,
): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const yes = s >= threshold;
    if (yes && gold[i]) tp++;
    else if (yes) fp++;
    else if (gold[i]) fn++;
  });
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
}

/**
 * The threshold with the best recall among those keeping precision >= minPrecision (ties: the lower threshold: a
 * missed bribery report costs more than a false alarm, and new reports are worded in ways the data has not seen).
 * Falls back to 0.5 when no threshold reaches the precision.
 */
export function chooseThreshold(
  scores: readonly number[],
  gold: readonly boolean[],
  minPrecision: number,
): { threshold: number; precision: number; recall: number } {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best: { threshold: number; precision: number; recall: number } | undefined;
  for (const t of candidates) {
    const pr = precisionRecall(scores, gold, t);
    if (pr.precision < minPrecision || pr.tp === 0) continue;
    if (!best || pr.recall > best.recall) {
      best = { threshold: t, precision: pr.precision, recall: pr.recall };
    }
  }
  if (best) {
    // Midway to the next lower score, so a message scoring just under the lowest accepted positive is not a hit.
    const lower = candidates.filter((c) => c < (best as { threshold: number }).threshold).pop();
    if (lower !== undefined) best = { ...best, threshold: (best.threshold + lower) / 2 };
    return best;
  }
  const pr = precisionRecall(scores, gold, 0.5);
  return { threshold: 0.5, precision: pr.precision, recall: pr.recall };
}
