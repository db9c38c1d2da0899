/**
 * Metrics at a manager-chosen cut-off and churn rate per tier, recomputed
 * on the page from the out-of-fold sample stored with a model
 * (ModelArtifact.evaluation.oof: calibrated probabilities and 0/1 labels).
 * Predicted churn means p ≥ cut-off.
 */
import type { ThresholdMetrics, TierRow } from '../model/types';

/** Confusion matrix and rates at `threshold`; a rate with an empty denominator is 0 (as scikit-learn's zero_division=0). */
export function metricsAtCutoff(p: readonly number[], y: readonly number[], threshold: number): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < p.length; i++) {
    const predicted = p[i]! >= threshold;
    if (y[i] === 1) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const total = tp + fp + tn + fn;
  return { threshold, tp, fp, tn, fn, precision, recall, f1, accuracy: total > 0 ? (tp + tn) / total : 0 };
}

/**
 * Customers and churn rate per tier for tier cut-offs [t2, t3, t4, t5]:
 * tier k holds lo ≤ p < hi, tier 5 includes p = 1.
 */
export function tierRows(p: readonly number[], y: readonly number[], thresholds: readonly number[]): TierRow[] {
  const cuts = [0, ...thresholds.slice(0, 4), 1];
  const rows: TierRow[] = [1, 2, 3, 4, 5].map((tier, i) => ({
    tier: tier as TierRow['tier'],
    lo: cuts[i]!,
    hi: cuts[i + 1]!,
    count: 0,
    share: 0,
    positives: 0,
    churnRate: null,
  }));
  for (let i = 0; i < p.length; i++) {
    let t = 0;
    while (t < 4 && p[i]! >= cuts[t + 1]!) t++;
    rows[t]!.count++;
    if (y[i] === 1) rows[t]!.positives++;
  }
  for (const row of rows) {
    row.share = p.length > 0 ? row.count / p.length : 0;
    row.churnRate = row.count > 0 ? row.positives / row.count : null;
  }
  return rows;
}

/** The cut-off in a grid (0.01 … 0.99) with the highest F1 on the sample; 0.5 when there is no sample. */
export function bestF1Cutoff(p: readonly number[], y: readonly number[]): number {
  if (p.length === 0) return 0.5;
  let best = 0.5;
  let bestF1 = -1;
  for (let k = 1; k <= 99; k++) {
    const f1 = metricsAtCutoff(p, y, k / 100).f1;
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = k / 100;
    }
  }
  return best;
}
