/**
 * Tiers on a site scored by a label-free model (lib/background/site-starter.ts):
 * its probabilities rank customers but are not calibrated, so the tiers are
 * within-site quantiles with the shares the default thresholds give a
 * calibrated model, until recorded outcomes allow calibration.
 */
import type { Tier } from '../domain';
import type { TierShares } from './quantiles';

/**
 * Shares of tiers 5, 4, 3, 2 (tier 1: the rest, 38 %): what the default
 * thresholds (0.10 / 0.25 / 0.45 / 0.65) give a calibrated logistic
 * regression on the Telco data they were chosen for (5-fold CV
 * probabilities: 10.4 / 15.5 / 16.9 / 19.5 / 37.6 %).
 */
export const STARTER_TIER_SHARES: TierShares = [0.1, 0.15, 0.17, 0.2];

/**
 * Calibration needs recorded outcomes (agents' "retained" / "churned", not
 * the churn definition: that reads the same recency the label-free model
 * ranks by, so it would calibrate the model against itself): at least this
 * many customers with one, of which at least MIN_EACH churned and MIN_EACH
 * retained (a Platt fit needs both classes).
 */
const MIN_OUTCOMES_TO_CALIBRATE = 30;
const MIN_EACH_OUTCOME = 10;

export function canCalibrate(churned: number, retained: number): boolean {
  return churned + retained >= MIN_OUTCOMES_TO_CALIBRATE && churned >= MIN_EACH_OUTCOME && retained >= MIN_EACH_OUTCOME;
}

/** With fewer scores than this the quantiles are too coarse: one customer per tier would swing them. */
export const MIN_SCORES_FOR_QUANTILES = 5;

/**
 * Where a score stands among the site's scores (`sorted`, ascending): the
 * whole percentage of them strictly below it, "riskier than N % of this
 * site's customers". A ranking's honest number (its probability is not yet
 * calibrated); null when there is nothing to rank against.
 */
export function percentileOf(sorted: ArrayLike<number>, score: number): number | null {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(score)) return null;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < score) lo = mid + 1;
    else hi = mid;
  }
  return Math.floor((100 * lo) / n);
}

/**
 * The tier of a customer at this percentile of their site: the top
 * STARTER_TIER_SHARES[0] of the site tier 5, and so on (the site's own
 * quantiles; customers who tie share a percentile, so they share a tier).
 */
export function tierOfPercentile(percentile: number, shares: TierShares = STARTER_TIER_SHARES): Tier {
  let above = 0;
  for (let i = 0; i < 4; i++) {
    above += shares[i]!;
    if (percentile / 100 >= 1 - above - 1e-9) return (5 - i) as Tier;
  }
  return 1;
}
