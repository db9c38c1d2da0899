import { describe, expect, it } from 'vitest';
import { tierTable } from '@/lib/risk/tier-table';

const thresholds = [0.1, 0.25, 0.45, 0.65];

describe('tierTable', () => {
  it('gives per tier the share, the churn rate among labelled customers and the cumulative churner capture, top tier first', () => {
    const customers = [
      { probability: 0.9, churned: true },
      { probability: 0.8, churned: true },
      { probability: 0.7, churned: false },
      { probability: 0.5, churned: true },
      { probability: 0.5, churned: null },
      { probability: 0.3, churned: false },
      { probability: 0.05, churned: false },
      { probability: 0.02, churned: true },
    ];
    const rows = tierTable(customers, thresholds);
    expect(rows.map((r) => r.tier)).toEqual([5, 4, 3, 2, 1]);
    expect(rows.map((r) => r.count)).toEqual([3, 2, 1, 0, 2]);
    expect(rows[0]!.share).toBeCloseTo(3 / 8);
    expect(rows[0]!.churnRate).toBeCloseTo(2 / 3);
    expect(rows[1]!.labelled).toBe(1); // the unknown outcome is not counted as retained
    expect(rows[1]!.churnRate).toBe(1);
    expect(rows[3]!.churnRate).toBeNull();
    expect(rows.map((r) => r.capture)).toEqual([0.5, 0.75, 0.75, 0.75, 1]);
    expect(rows[0]).toMatchObject({ lo: 0.65, hi: 1 });
    expect(rows[4]).toMatchObject({ lo: 0, hi: 0.1 });
  });

  it('has no rates or capture without labels', () => {
    const rows = tierTable([{ probability: 0.7, churned: null }], thresholds);
    expect(rows[0]).toMatchObject({ count: 1, share: 1, churnRate: null, capture: null });
    expect(tierTable([], thresholds).every((r) => r.share === 0)).toBe(true);
  });
});
