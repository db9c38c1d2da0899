/**
 * Threshold review: the tiers were set on a table of churn rate per tier —
 * the active model's out-of-fold table (what training showed the manager,
 * recomputed at the current thresholds). When live outcomes put a tier's
 * churn rate more than RATE_DRIFT away from that table, and beyond sampling
 * noise (two-proportion z > 1.96), with at least MIN_TIER_OUTCOMES live
 * outcomes in the tier, the tiers no longer mean what they meant: the view
 * says so and offers the profit-curve cut-off again (Churn & tiers).
 */
import type { Tier } from '@/lib/domain';
import { tierTable } from '@/lib/model/metrics-curves';
import type { ModelEvaluation } from '@/lib/model/types';
import { tierFor } from '@/lib/risk/tiers';
import { MIN_TIER_OUTCOMES, type LiveRecord } from './live-performance';

export const RATE_DRIFT = 0.05;

interface TierReviewRow {
  tier: Tier;
  /** The table the tiers were set on (out-of-fold rows of the tier, their churn rate). */
  reference: { count: number; churnRate: number | null };
  live: { outcomes: number; churnRate: number | null };
  drifted: boolean;
}

export interface TierReview {
  rows: TierReviewRow[];
  /** Any tier drifted: offer the profit-curve cut-off again. */
  review: boolean;
  /** No out-of-fold table to compare with (a model without evaluation). */
  noReference: boolean;
}

function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se > 0 ? (x1 / n1 - x2 / n2) / se : 0;
}

export function tierReview(evaluation: Pick<ModelEvaluation, 'oof'> | undefined, records: readonly LiveRecord[], thresholds: readonly number[]): TierReview {
  const reference = evaluation?.oof.p.length ? tierTable(evaluation.oof, thresholds) : null;
  const live = ([1, 2, 3, 4, 5] as const).map(() => ({ n: 0, churners: 0 }));
  for (const r of records) {
    const cell = live[tierFor(r.probability, thresholds) - 1]!;
    cell.n++;
    if (r.churned) cell.churners++;
  }
  const rows = ([1, 2, 3, 4, 5] as const).map((tier): TierReviewRow => {
    const ref = reference?.[tier - 1];
    const { n, churners } = live[tier - 1]!;
    const liveRate = n ? churners / n : null;
    const drifted =
      !!ref &&
      ref.churnRate !== null &&
      liveRate !== null &&
      n >= MIN_TIER_OUTCOMES &&
      Math.abs(liveRate - ref.churnRate) > RATE_DRIFT &&
      Math.abs(twoProportionZ(churners, n, ref.positives, ref.count)) > 1.96;
    return { tier, reference: { count: ref?.count ?? 0, churnRate: ref?.churnRate ?? null }, live: { outcomes: n, churnRate: liveRate }, drifted };
  });
  return { rows, review: rows.some((r) => r.drifted), noReference: reference === null };
}
