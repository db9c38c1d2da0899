/**
 * Cost-aware cut-off: acting on every customer at or above a threshold t
 * costs one retention action each and saves, in expectation, p × success ×
 * value of each (p = calibrated churn probability). The profit curve is the
 * expected net value over t; its maximum is the cut-off worth acting from.
 */
import type { ScoredCustomer } from './tier-table';

export interface CostInputs {
  /** Cost of one retention action (money). */
  actionCost: number;
  /** Average value of a retained customer (money), used when a customer has no value of its own. */
  retainedValue: number;
  /** Expected share of contacted churners the action keeps (0–1). */
  successRate: number;
  /** 'field': a customer's monthly value × horizonMonths when it has one; 'average': retainedValue for all. */
  valueSource: 'average' | 'field';
  horizonMonths: number;
}

export interface ValuedCustomer extends ScoredCustomer {
  /** Monthly value when the CRM shows one. */
  monthlyValue: number | null;
}

export interface ProfitPoint {
  threshold: number;
  /** Customers at or above the threshold (acted on). */
  acted: number;
  /** Expected net value of acting on them. */
  net: number;
  /** From labels when enough exist, else expected from p. */
  precision: number | null;
  recall: number | null;
}

export interface ProfitCurve {
  points: ProfitPoint[];
  best: ProfitPoint | null;
  /** Where precision and recall come from. */
  basis: 'labels' | 'expected';
}

/** Labelled churners needed before precision and recall are read from labels rather than expected from p. */
const MIN_LABELLED_CHURNERS = 10;

export function customerValue(customer: ValuedCustomer, inputs: CostInputs): number {
  if (inputs.valueSource === 'field' && customer.monthlyValue !== null && Number.isFinite(customer.monthlyValue)) {
    return customer.monthlyValue * inputs.horizonMonths;
  }
  return inputs.retainedValue;
}

/** Expected net value at thresholds 0, 1/steps, …, 1 (acting on p ≥ t), with the maximum. */
export function profitCurve(customers: readonly ValuedCustomer[], inputs: CostInputs, steps = 100): ProfitCurve {
  const sorted = customers
    .filter((c) => Number.isFinite(c.probability))
    .map((c) => ({ p: c.probability, gain: c.probability * inputs.successRate * customerValue(c, inputs) - inputs.actionCost, churned: c.churned }))
    .sort((a, b) => b.p - a.p);
  const totalChurners = sorted.filter((c) => c.churned === true).length;
  const totalExpected = sorted.reduce((sum, c) => sum + c.p, 0);
  const basis = totalChurners >= MIN_LABELLED_CHURNERS ? 'labels' : 'expected';

  const points: ProfitPoint[] = [];
  let i = 0;
  let net = 0;
  let labelled = 0;
  let churners = 0;
  let expected = 0;
  // Walk thresholds from the top down so each customer is added once.
  for (let k = steps; k >= 0; k--) {
    const threshold = k / steps;
    while (i < sorted.length && sorted[i]!.p >= threshold) {
      const c = sorted[i++]!;
      net += c.gain;
      expected += c.p;
      if (c.churned !== null) labelled++;
      if (c.churned === true) churners++;
    }
    const precision = basis === 'labels' ? (labelled ? churners / labelled : null) : i ? expected / i : null;
    const recall = basis === 'labels' ? churners / totalChurners : totalExpected > 0 ? expected / totalExpected : null;
    points.push({ threshold, acted: i, net, precision, recall });
  }
  points.reverse();
  let best: ProfitPoint | null = null;
  // Ties go to the higher threshold: the same value for fewer actions.
  for (const point of points) if (point.acted > 0 && (!best || point.net >= best.net)) best = point;
  return { points, best, basis };
}

/**
 * Tier thresholds with tier `tier` starting at `cutoff`; the other thresholds
 * move only as far as needed to stay increasing (lower tiers below it, higher above).
 */
export function thresholdsWithCutoff(thresholds: readonly number[], tier: 2 | 3 | 4 | 5, cutoff: number, step = 0.001): number[] {
  const out = [...thresholds];
  const index = tier - 2;
  const lowest = step * (index + 1);
  const highest = 1 - step * (out.length - index);
  out[index] = Math.min(highest, Math.max(lowest, cutoff));
  for (let j = index - 1; j >= 0; j--) if (out[j]! >= out[j + 1]!) out[j] = out[j + 1]! - step;
  for (let j = index + 1; j < out.length; j++) if (out[j]! <= out[j - 1]!) out[j] = out[j - 1]! + step;
  return out.map((t) => Math.round(t * 1e6) / 1e6);
}
