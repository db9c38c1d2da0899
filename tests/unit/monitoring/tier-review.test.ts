import { describe, expect, it } from 'vitest';
import { tierReview } from '@/lib/monitoring/tier-review';
import type { LiveRecord } from '@/lib/monitoring/live-performance';

const THRESHOLDS = [0.1, 0.25, 0.45, 0.65];
const T = Date.UTC(2026, 5, 1);
const records = (p: number, n: number, churners: number): LiveRecord[] =>
  Array.from({ length: n }, (_, i) => ({ scoredAt: T, probability: p, churned: i < churners }));

describe('tierReview', () => {
  // The table the tiers were set on: tier 5 (p 0.8) churned 80 %, tier 1 (p 0.05) 5 %.
  const oof = {
    p: [...Array(100).fill(0.8), ...Array(100).fill(0.05)],
    y: [...Array(80).fill(1), ...Array(20).fill(0), ...Array(5).fill(1), ...Array(95).fill(0)],
  };

  it('says a tier drifted when its live churn rate moved beyond 5 points and noise', () => {
    const review = tierReview({ oof }, [...records(0.8, 200, 100), ...records(0.05, 200, 10)], THRESHOLDS);
    expect(review.rows[4]).toMatchObject({ tier: 5, reference: { count: 100, churnRate: 0.8 }, live: { outcomes: 200, churnRate: 0.5 }, drifted: true });
    expect(review.rows[0]).toMatchObject({ tier: 1, live: { churnRate: 0.05 }, drifted: false });
    expect(review.review).toBe(true);
  });

  it('stays quiet for small tiers and without a reference table', () => {
    expect(tierReview({ oof }, records(0.8, 20, 5), THRESHOLDS).review).toBe(false);
    const none = tierReview(undefined, records(0.8, 200, 10), THRESHOLDS);
    expect(none.noReference).toBe(true);
    expect(none.review).toBe(false);
  });
});
