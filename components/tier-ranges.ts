/** The probability range of each tier under the current thresholds (legends, distribution charts). */
import { TIERS, type Tier } from '@/lib/domain';

export interface TierRange {
  tier: Tier;
  /** Inclusive lower bound of the churn probability. */
  min: number;
  /** Exclusive upper bound (1 for the top tier). */
  max: number;
}

/** The probability range of each tier from the four cut-offs [t2, t3, t4, t5]. */
export function tierRanges(thresholds: readonly number[]): TierRange[] {
  const cuts = [0, ...thresholds.slice(0, 4), 1];
  return TIERS.map((tier, i) => ({ tier, min: cuts[i] ?? 0, max: cuts[i + 1] ?? 1 }));
}
