import type { Tier } from '../domain';

/**
 * Tier cut-offs on the churn probability: [t2, t3, t4, t5]; a customer is in
 * tier k+1 when p >= thresholds[k-1]. Defaults chosen so that on the demo
 * data tier 5 is a small group with a churn rate several times the base rate,
 * as in the product research's tier table; managers change them in options.
 */
export const DEFAULT_TIER_THRESHOLDS: readonly number[] = [0.1, 0.25, 0.45, 0.65];

export function tierFor(probability: number, thresholds: readonly number[] = DEFAULT_TIER_THRESHOLDS): Tier {
  let tier = 1;
  for (const cut of thresholds) if (probability >= cut) tier++;
  return Math.min(5, tier) as Tier;
}

/** Thresholds must be 4 increasing probabilities strictly inside (0, 1). */
export function validateThresholds(thresholds: readonly number[]): string | null {
  if (thresholds.length !== 4) return 'Exactly four thresholds are needed (tiers 2–5).';
  for (let i = 0; i < thresholds.length; i++) {
    const value = thresholds[i]!;
    if (!Number.isFinite(value) || value <= 0 || value >= 1) return `Threshold ${i + 1} must be between 0 and 1.`;
    if (i > 0 && value <= thresholds[i - 1]!) return 'Thresholds must increase from tier 2 to tier 5.';
  }
  return null;
}

/**
 * i18n key suffix and colours per tier; colours meet WCAG AA on white text and 3:1 against light
 * CRM grounds (tests/unit/risk/contrast.test.ts). On dark CRM themes the tier colours alone fall
 * below 3:1, so the badge carries a light ring (BADGE_RING) that separates it from any ground.
 */
export const TIER_STYLE: Record<Tier, { key: 'minimal' | 'low' | 'moderate' | 'high' | 'critical'; bg: string; fg: string }> = {
  1: { key: 'minimal', bg: '#15803d', fg: '#ffffff' },
  2: { key: 'low', bg: '#4d7c0f', fg: '#ffffff' },
  3: { key: 'moderate', bg: '#b45309', fg: '#ffffff' },
  4: { key: 'high', bg: '#c2410c', fg: '#ffffff' },
  5: { key: 'critical', bg: '#b91c1c', fg: '#ffffff' },
};

/** The badge's 1 px outer ring: near-white, so a badge stands out on dark CRM themes too (3:1 or more). */
export const BADGE_RING = '#f8fafc';
