import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '@/lib/db/schema';
import { withWorklistKeys, worklistRankOf } from '@/lib/db/worklist-keys';

const row = (over: Partial<CustomerRow>): CustomerRow => ({
  site: 'https://crm.example',
  crmId: 'c1',
  name: 'A',
  fields: {},
  firstSeen: 0,
  lastSeen: 0,
  lastObservedAt: 0,
  observationCount: 1,
  ...over,
});
const score = (probability: number, tier: 1 | 2 | 3 | 4 | 5) => ({ probability, tier, modelId: 'm', scoredAt: 0 });

describe('worklistRankOf', () => {
  it('is absent below the at-risk tier and without a score', () => {
    expect(worklistRankOf(row({}))).toBeUndefined();
    expect(worklistRankOf(row({ lastScore: score(0.2, 2), value: 100 }))).toBeUndefined();
  });
  it('orders by expected loss, customers without a value after every expected loss, by probability', () => {
    const big = worklistRankOf(row({ lastScore: score(0.5, 3), value: 100 }))!;
    const small = worklistRankOf(row({ lastScore: score(0.9, 5), value: 10 }))!;
    const noValueHigh = worklistRankOf(row({ lastScore: score(0.9, 5) }))!;
    const noValueLow = worklistRankOf(row({ lastScore: score(0.4, 3) }))!;
    expect(big).toBe(50);
    expect(small).toBeCloseTo(9);
    expect([big, small, noValueHigh, noValueLow]).toEqual([...[big, small, noValueHigh, noValueLow]].sort((a, b) => b - a));
    expect(worklistRankOf(row({ lastScore: score(0, 3), value: 0 }))!).toBeGreaterThan(noValueHigh);
  });
});

describe('withWorklistKeys', () => {
  it('derives the owner and drops keys that no longer hold', () => {
    const stale = row({ lastScore: score(0.1, 1), worklistRank: 42, owner: 'Old', fields: { 'Account owner': ' Ana ' } });
    const next = withWorklistKeys(stale);
    expect(next.worklistRank).toBeUndefined();
    expect(next.owner).toBe('Ana');
    expect(withWorklistKeys(row({ fields: {} }))).not.toHaveProperty('owner');
  });
});
