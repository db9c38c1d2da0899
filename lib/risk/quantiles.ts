/**
 * Tier thresholds from shares of customers ("top 2 % = tier 5") and back.
 * Shares are given top tier first: [tier 5, tier 4, tier 3, tier 2]; tier 1
 * holds the rest. Thresholds are [t2, t3, t4, t5] as everywhere else.
 */

/** Smallest gap kept between two thresholds, and from 0 and 1, so they stay strictly increasing inside (0, 1). */
export const THRESHOLD_STEP = 0.001;

export type TierShares = [number, number, number, number];

/** A share list is valid when each share is in [0, 1] and they add up to at most 1. */
export function validateShares(shares: readonly number[]): 'count' | 'range' | 'sum' | null {
  if (shares.length !== 4) return 'count';
  if (shares.some((s) => !Number.isFinite(s) || s < 0 || s > 1)) return 'range';
  if (shares.reduce((a, b) => a + b, 0) > 1 + 1e-9) return 'sum';
  return null;
}

/**
 * The thresholds that put (as near as ties allow) each share of customers in
 * its tier: tier 5 starts at the score of the customer ranked at the top
 * share, tier 4 at the top (share5 + share4), and so on. With no scores the
 * current thresholds are kept.
 */
export function thresholdsFromShares(probabilities: readonly number[], shares: TierShares, fallback: readonly number[]): number[] {
  if (!probabilities.length) return [...fallback];
  const sorted = [...probabilities].sort((a, b) => b - a);
  const n = sorted.length;
  const cumulative = [shares[0], shares[0] + shares[1], shares[0] + shares[1] + shares[2], shares[0] + shares[1] + shares[2] + shares[3]];
  // cut for tier 5, 4, 3, 2: the lowest score still inside the top share.
  const cuts = cumulative.map((share) => {
    const k = Math.round(share * n);
    if (k <= 0) return 1; // nobody: above every score
    return sorted[Math.min(n, k) - 1]!;
  });
  const ascending = [cuts[3]!, cuts[2]!, cuts[1]!, cuts[0]!];
  return strictlyIncreasing(ascending);
}

/** Clamp into (0, 1) and push apart equal neighbours by THRESHOLD_STEP, keeping the order. */
export function strictlyIncreasing(thresholds: readonly number[]): number[] {
  const n = thresholds.length;
  const out = thresholds.map((t) => Math.min(1 - THRESHOLD_STEP, Math.max(THRESHOLD_STEP, round(t))));
  for (let i = 1; i < n; i++) if (out[i]! <= out[i - 1]!) out[i] = round(out[i - 1]! + THRESHOLD_STEP);
  // Pushed past the top: pull the upper ones back down, each a step below the next.
  for (let i = n - 1; i >= 0; i--) out[i] = Math.min(out[i]!, round(1 - THRESHOLD_STEP * (n - i)));
  return out;
}

/** Share of customers in tiers 5, 4, 3, 2 under the thresholds (the inverse of thresholdsFromShares). */
export function sharesFromThresholds(probabilities: readonly number[], thresholds: readonly number[]): TierShares {
  const n = probabilities.length;
  if (!n) return [0, 0, 0, 0];
  const atOrAbove = thresholds.map((t) => probabilities.filter((p) => p >= t).length / n);
  const [a2, a3, a4, a5] = atOrAbove as [number, number, number, number];
  return [a5, a4 - a5, a3 - a4, a2 - a3];
}

const round = (t: number) => Math.round(t * 1e6) / 1e6;
