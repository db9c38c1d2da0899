/**
 * Evaluation tables and curves for charts, from probabilities and 0/1
 * labels (out-of-fold in training). Every output is plain, bounded data.
 *
 * Conventions: "predicted churn" means p ≥ threshold; a rate with an empty
 * denominator is 0 (scikit-learn's zero_division = 0), except a tier's churn
 * rate, which is null when the tier is empty.
 */
import { DEFAULT_TIER_THRESHOLDS } from '../risk/tiers';
import { mulberry32 } from './prng';
import type { CalibrationBin, CurvePoint, LiftRow, ThresholdMetrics, TierRow } from './types';

type Labels = ArrayLike<number | boolean>;
type Scores = ArrayLike<number>;

const isPositive = (labels: Labels, i: number) => Number(labels[i]) === 1;

function checkSizes(labels: Labels, scores: Scores): void {
  if (labels.length !== scores.length) throw new RangeError(`labels (${labels.length}) and scores (${scores.length}) differ in length`);
}

/** Counts at each distinct score, descending: cumulative tp / fp when predicting churn at p ≥ that score. */
function cumulativeCounts(labels: Labels, scores: Scores): { threshold: number; tp: number; fp: number }[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const out: { threshold: number; tp: number; fp: number }[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; ) {
    const t = scores[order[k]!]!;
    while (k < order.length && scores[order[k]!] === t) {
      if (isPositive(labels, order[k]!)) tp++;
      else fp++;
      k++;
    }
    out.push({ threshold: t, tp, fp });
  }
  return out;
}

/** At most `max` items, evenly spaced, always keeping the first and the last. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.round((k * (items.length - 1)) / (max - 1))]!);
  return out;
}

/**
 * ROC curve: x = false-positive rate, y = true-positive rate, one point per
 * distinct score (descending), starting at (0, 0) with threshold 1, thinned
 * to at most maxPoints. Empty when a class is absent.
 */
export function rocCurve(labels: Labels, scores: Scores, maxPoints = 200): CurvePoint[] {
  checkSizes(labels, scores);
  const counts = cumulativeCounts(labels, scores);
  const last = counts[counts.length - 1];
  if (!last || last.tp === 0 || last.fp === 0) return [];
  const points = [{ threshold: 1, x: 0, y: 0 }, ...counts.map((c) => ({ threshold: c.threshold, x: c.fp / last.fp, y: c.tp / last.tp }))];
  return thin(points, maxPoints);
}

/** Precision-recall curve: x = recall, y = precision, one point per distinct score (descending), thinned. Empty without positives. */
export function prCurve(labels: Labels, scores: Scores, maxPoints = 200): CurvePoint[] {
  checkSizes(labels, scores);
  const counts = cumulativeCounts(labels, scores);
  const last = counts[counts.length - 1];
  if (!last || last.tp === 0) return [];
  return thin(
    counts.map((c) => ({ threshold: c.threshold, x: c.tp / last.tp, y: c.tp / (c.tp + c.fp) })),
    maxPoints,
  );
}

/** Confusion matrix, precision, recall, F1 and accuracy when predicting churn at p ≥ threshold. */
export function confusionAt(labels: Labels, probabilities: Scores, threshold = 0.5): ThresholdMetrics {
  checkSizes(labels, probabilities);
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = probabilities[i]! >= threshold;
    if (isPositive(labels, i)) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const n = labels.length;
  return { threshold, tp, fp, tn, fn, precision, recall, f1, accuracy: n > 0 ? (tp + tn) / n : 0 };
}

/** Reliability table: `bins` equal-width bins of predicted probability (the last includes 1), empty bins left out. */
export function reliabilityBins(labels: Labels, probabilities: Scores, bins = 10): CalibrationBin[] {
  checkSizes(labels, probabilities);
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]!));
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += isPositive(labels, i) ? 1 : 0;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    out.push({ lo: b / bins, hi: (b + 1) / bins, count: count[b]!, meanPredicted: sumP[b]! / count[b]!, observedRate: sumY[b]! / count[b]! });
  }
  return out;
}

/**
 * Lift and gains by decile: rows sorted by score, highest first (ties in
 * row order); decile k holds rows ⌊(k−1)n/10⌋ … ⌊kn/10⌋ − 1.
 */
export function liftTable(labels: Labels, scores: Scores): LiftRow[] {
  checkSizes(labels, scores);
  const n = labels.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += isPositive(labels, i) ? 1 : 0;
  if (n === 0) return [];
  const overall = total / n;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const out: LiftRow[] = [];
  let found = 0;
  for (let k = 1; k <= 10; k++) {
    const from = Math.floor(((k - 1) * n) / 10);
    const to = Math.floor((k * n) / 10);
    let positives = 0;
    for (let j = from; j < to; j++) positives += isPositive(labels, order[j]!) ? 1 : 0;
    found += positives;
    const count = to - from;
    const rate = count > 0 ? positives / count : 0;
    out.push({ decile: k, count, positives, rate, lift: overall > 0 ? rate / overall : 0, cumulativeGain: total > 0 ? found / total : 0 });
  }
  return out;
}

/**
 * The product's tier table: share of customers and churn rate per tier 1–5
 * for tier cut-offs [t2, t3, t4, t5] (tier k+1 when p ≥ thresholds[k−1], as
 * lib/risk/tiers.ts). Works on the stored OOF sample, so a manager sees the
 * effect of new thresholds without retraining.
 */
export function tierTable(oof: { p: ArrayLike<number>; y: Labels }, thresholds: readonly number[] = DEFAULT_TIER_THRESHOLDS): TierRow[] {
  checkSizes(oof.y, oof.p);
  const n = oof.p.length;
  const count = [0, 0, 0, 0, 0];
  const positives = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    let tier = 0;
    for (const cut of thresholds) if (oof.p[i]! >= cut) tier++;
    tier = Math.min(4, tier);
    count[tier]!++;
    positives[tier]! += isPositive(oof.y, i) ? 1 : 0;
  }
  const bounds = [0, ...thresholds.slice(0, 4), 1];
  return count.map((c, k) => ({
    tier: (k + 1) as TierRow['tier'],
    lo: bounds[k]!,
    hi: bounds[k + 1]!,
    count: c,
    share: n > 0 ? c / n : 0,
    positives: positives[k]!,
    churnRate: c > 0 ? positives[k]! / c : null,
  }));
}

/** At most `max` (probability, label) pairs: all when there are few, else a seeded random sample in row order; p rounded to 4 decimals. */
export function oofSample(p: ArrayLike<number>, y: Labels, max = 2000, seed = 1): { p: number[]; y: number[] } {
  checkSizes(y, p);
  const n = p.length;
  let keep: number[];
  if (n <= max) keep = Array.from({ length: n }, (_, i) => i);
  else {
    // Selection sampling (Knuth's algorithm S): exactly max rows, each equally likely.
    const random = mulberry32(seed);
    keep = [];
    for (let i = 0; i < n && keep.length < max; i++) if (random() * (n - i) < max - keep.length) keep.push(i);
  }
  return { p: keep.map((i) => Math.round(p[i]! * 1e4) / 1e4), y: keep.map((i) => (isPositive(y, i) ? 1 : 0)) };
}
