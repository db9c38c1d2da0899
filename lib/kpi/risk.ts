import type { Tier } from '../domain';

/** One score in a customer's history (the model's tier, not an agent's pin). */
export interface KpiScore {
  key: string;
  at: number;
  tier: Tier;
  probability: number;
}

interface TierStake {
  tier: Tier;
  customers: number;
  /** Sum of the monthly values of the tier's customers that have one. */
  value: number;
  /** Sum of probability × monthly value: the value expected to leave. */
  expectedLoss: number;
}

/** Tiers 3–5 are "at risk" (the worklist's line). */
export const AT_RISK_TIER = 3;

export interface RiskAt {
  at: number;
  tiers: TierStake[];
  atRisk: number;
  /** Monthly value of the at-risk customers. */
  valueAtStake: number;
  expectedLoss: number;
}

/**
 * Customers by tier and value at stake at each moment in `moments` (ascending),
 * from each customer's latest score before that moment. `scores` must be sorted
 * by time; one pass over them, one pass over the customers scored per moment.
 */
export function riskOverTime(scores: readonly KpiScore[], values: ReadonlyMap<string, number | null>, moments: readonly number[]): RiskAt[] {
  const latest = new Map<string, KpiScore>();
  const result: RiskAt[] = [];
  let next = 0;
  for (const at of moments) {
    while (next < scores.length && scores[next]!.at < at) {
      const score = scores[next++]!;
      latest.set(score.key, score);
    }
    const tiers: TierStake[] = ([1, 2, 3, 4, 5] as const).map((tier) => ({ tier, customers: 0, value: 0, expectedLoss: 0 }));
    for (const score of latest.values()) {
      const row = tiers[score.tier - 1]!;
      row.customers++;
      const value = values.get(score.key);
      if (value !== null && value !== undefined) {
        row.value += value;
        row.expectedLoss += score.probability * value;
      }
    }
    const risky = tiers.filter((t) => t.tier >= AT_RISK_TIER);
    result.push({
      at,
      tiers,
      atRisk: risky.reduce((n, t) => n + t.customers, 0),
      valueAtStake: risky.reduce((n, t) => n + t.value, 0),
      expectedLoss: risky.reduce((n, t) => n + t.expectedLoss, 0),
    });
  }
  return result;
}
