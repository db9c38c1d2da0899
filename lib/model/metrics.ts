/**
 * Evaluation metrics for binary scores. Labels are 0/1 (or booleans), scores
 * are probabilities (any monotone score for the AUCs).
 */

type Labels = ArrayLike<number | boolean>;
type Scores = ArrayLike<number>;

function checkSizes(labels: Labels, scores: Scores): void {
  if (labels.length !== scores.length) throw new RangeError(`labels (${labels.length}) and scores (${scores.length}) differ in length`);
}

/** Indices sorted by score, descending (ties keep index order). */
function byScoreDesc(scores: Scores): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * ROC AUC: the probability that a random positive scores above a random
 * negative, ties counting one half (Mann–Whitney U with mid-ranks).
 * NaN when either class is absent.
 */
export function rocAuc(labels: Labels, scores: Scores): number {
  checkSizes(labels, scores);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const midRank = (start + end) / 2 + 1; // 1-based ranks
    for (let j = start; j <= end; j++) {
      if (Number(labels[order[j]!]) === 1) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * PR AUC as average precision (scikit-learn's definition):
 * AP = Σ_n (R_n − R_{n−1}) · P_n over score thresholds, tied scores forming
 * one threshold. NaN when there are no positives.
 */
export function averagePrecision(labels: Labels, scores: Scores): number {
  checkSizes(labels, scores);
  let totalPositives = 0;
  for (let i = 0; i < labels.length; i++) totalPositives += Number(labels[i]) === 1 ? 1 : 0;
  if (totalPositives === 0) return NaN;
  const order = byScoreDesc(scores);
  let tp = 0;
  let seen = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    for (let j = start; j <= end; j++) tp += Number(labels[order[j]!]) === 1 ? 1 : 0;
    seen += end - start + 1;
    const recall = tp / totalPositives;
    ap += (recall - previousRecall) * (tp / seen);
    previousRecall = recall;
    start = end + 1;
  }
  return ap;
}

/** Brier score: mean squared difference between probability and outcome (0 is perfect). */
export function brierScore(labels: Labels, probabilities: Scores): number {
  checkSizes(labels, probabilities);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i]! - Number(labels[i])) ** 2;
  return labels.length === 0 ? NaN : sum / labels.length;
}

/** Mean negative log-likelihood (natural log), probabilities clipped to [eps, 1 − eps]. */
export function logLoss(labels: Labels, probabilities: Scores, eps = 1e-15): number {
  checkSizes(labels, probabilities);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]!));
    sum -= Number(labels[i]) === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return labels.length === 0 ? NaN : sum / labels.length;
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function sd(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  if (values.length === 1) return 0;
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
  return Math.sqrt(sum / (values.length - 1));
}
