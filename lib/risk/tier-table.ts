import type { Tier } from '../domain';
import { tierFor } from './tiers';

/** A customer as the tier views need it: the calibrated probability, and the churn label where one exists. */
export interface ScoredCustomer {
  probability: number;
  /** true = churned, false = not, null = unknown outcome. */
  churned: boolean | null;
}

export interface TierTableRow {
  tier: Tier;
  /** [lo, hi) of probability (tier 5 includes 1). */
  lo: number;
  hi: number;
  count: number;
  share: number;
  /** Customers of the tier whose outcome is known, and the churners among them. */
  labelled: number;
  churners: number;
  /** churners / labelled; null without labelled customers. */
  churnRate: number | null;
  /** Share of all known churners caught by this tier and the tiers above it; null without churners. */
  capture: number | null;
}

/** The research's tier table, highest tier first: share of customers, churn rate, cumulative churner capture. */
export function tierTable(customers: readonly ScoredCustomer[], thresholds: readonly number[]): TierTableRow[] {
  const bounds = [0, ...thresholds, 1];
  const rows = ([1, 2, 3, 4, 5] as const).map((tier) => ({ tier, lo: bounds[tier - 1]!, hi: bounds[tier]!, count: 0, labelled: 0, churners: 0 }));
  let totalChurners = 0;
  for (const c of customers) {
    const row = rows[tierFor(c.probability, thresholds) - 1]!;
    row.count++;
    if (c.churned === null) continue;
    row.labelled++;
    if (c.churned) {
      row.churners++;
      totalChurners++;
    }
  }
  const n = customers.length;
  let caught = 0;
  return rows.reverse().map((row) => {
    caught += row.churners;
    return {
      ...row,
      share: n ? row.count / n : 0,
      churnRate: row.labelled ? row.churners / row.labelled : null,
      capture: totalChurners ? caught / totalChurners : null,
    };
  });
}
